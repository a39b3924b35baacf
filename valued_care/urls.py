"""Where each record's page lives (docs-relative source paths). Change a URL scheme here and nowhere else."""
import posixpath
import re

from valued_care.paths import ROOT


def ingredient(rid: str) -> str:
    return f"ingredients/{rid}.md"


def theory(rid: str) -> str:
    return f"theory/{rid}.md"


def case_study(rid: str) -> str:
    return f"case-studies/{rid}.md"


def trust_story(rid: str) -> str:
    return f"trust-stories/{rid}.md"


def trust(rid: str) -> str:
    return f"trusts/{rid}.md"


def setting(slug: str) -> str:
    return f"settings/{slug}.md"


def pathway(rid: str) -> str:
    return f"pathways/{rid}.md"


def topic(slug: str) -> str:
    return f"topics/{slug}.md"


RESOURCE_ANCHOR = "res-"  # each resource is an entry of the resources page, at #res-<id>


def resource(rid: str) -> str:
    return f"{RESOURCES}#{RESOURCE_ANCHOR}{rid}"


INGREDIENTS_INDEX = "ingredients/index.md"
CASE_STUDIES_INDEX = "case-studies/index.md"
FINDER = "finder.md"
TRUST_STORIES_INDEX = "trust-stories/index.md"
TRUSTS_INDEX = "trusts/index.md"
SETTINGS_INDEX = "settings/index.md"
TOPICS_INDEX = "topics/index.md"
RESOURCES = "resources.md"
PATHWAYS_INDEX = "pathways/index.md"
SELF_ASSESSMENT = "self-assessment.md"
SUMMARY = "summary.md"  # the model on two pages, for board papers
ABOUT = "about.md"  # hand-written (docs/about.md); its keys to the evidence and depth labels:
EVIDENCE_KEY = "evidence-labels"
DEPTH_KEY = "depth"


def built(page: str, directory_urls: bool = True) -> str:
    """Where MkDocs serves a docs-relative page: a/b.md -> a/b/ (or a/b.html), a/index.md -> a/, index.md -> ''."""
    if not directory_urls:
        return page.removesuffix(".md") + ".html"
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(from_page: str, to: str, directory_urls: bool = True, anchor: str = "") -> str:
    """A link for HTML (which MkDocs does not rewrite) from one docs-relative page to another page (a/b.md, with an
    optional ?query or #anchor) or to a file of the site (pdf/x.pdf), as MkDocs would write it."""
    to, hash_, own_anchor = to.partition("#")  # a place on a page: resource() gives resources.md#res-<id>
    anchor = anchor or own_anchor
    target_path, mark, query = to.partition("?")
    there = built(target_path, directory_urls) if target_path.endswith(".md") else target_path
    return relative_url(built(from_page, directory_urls), there) + mark + query + (f"#{anchor}" if anchor else "")


def relative_url(here: str, there: str) -> str:
    """A link from the page at one site URL to another site URL ("case-studies/x/" or "case-studies/x.html")."""
    target = relative_path(there, posixpath.dirname(here))
    if there == "" or there.endswith("/"):
        target = target.rstrip("/") + "/"
    return target.removeprefix("./") or "./"


def relative_path(to: str, folder: str) -> str:
    """posixpath.relpath(to or ".", folder or ".") for the clean relative paths of a site (no "." or ".." parts),
    without its normalising: a page links to hundreds of others, at thousands of pages (tests/test_urls.py)."""
    target = [part for part in to.split("/") if part]
    start = [part for part in folder.split("/") if part]
    same = 0
    while same < len(target) and same < len(start) and target[same] == start[same]:
        same += 1
    return "/".join([".."] * (len(start) - same) + target[same:]) or "."


def data_file(kind: str, rid: str) -> str:
    """The YAML a generated page comes from, relative to the repository root (for 'edit this page')."""
    return f"data/{kind}/{rid}.yml"


# Downloads. These are paths in the site; build/ holds the built files at the same paths (see paths.BUILD).
DOWNLOADS = "downloads.md"
PDF_BOOK = "pdf/valued-care-in-mental-health.pdf"
PDF_SUMMARY = "pdf/valued-care-summary.pdf"
OFFLINE_ZIP = "downloads/valued-care-offline.zip"
TRUST_STORIES_CHAPTER = "trust-stories"  # the id of chapter 10 where an ingredient id would stand


def pdf_chapter(rid: str) -> str:
    return f"pdf/chapters/{rid}.pdf"


def pdf_case_study(rid: str) -> str:
    return f"pdf/case-studies/{rid}.pdf"


def _published_address() -> str:
    """site_url in mkdocs.yml, the one place the published address is written (read as text: the file holds MkDocs'
    own YAML tags). CITATION.cff repeats it for citation tools; a test keeps the two equal."""
    found = re.search(r"^site_url:\s*(\S+?)/?\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    if not found:
        raise RuntimeError("mkdocs.yml has no site_url: give the published address, ending in /")
    return found.group(1) + "/"


# The published address, for links printed in PDFs to pages that are not in the same PDF.
SITE_URL = _published_address()


def web(page: str) -> str:
    """Absolute address of a docs-relative page, e.g. case-studies/x.md -> .../case-studies/x/ (anchor kept)."""
    path, _, anchor = page.partition("#")
    return SITE_URL + built(path) + (f"#{anchor}" if anchor else "")
