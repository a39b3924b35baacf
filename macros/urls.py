"""Where each record's page lives (docs-relative source paths). Change a URL scheme here and nowhere else."""


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


INGREDIENTS_INDEX = "ingredients/index.md"
CASE_STUDIES_INDEX = "case-studies/index.md"
FINDER = "finder.md"
TRUST_STORIES_INDEX = "trust-stories/index.md"
TRUSTS_INDEX = "trusts/index.md"
SETTINGS_INDEX = "settings/index.md"
RESOURCES = "resources.md"


def data_file(kind: str, rid: str) -> str:
    """The YAML a generated page comes from, relative to the repository root (for 'edit this page')."""
    return f"data/{kind}/{rid}.yml"


# Downloads. These are paths in the site; build/ holds the built files at the same paths (see paths.BUILD).
DOWNLOADS = "downloads.md"
PDF_BOOK = "pdf/valued-care-in-mental-health.pdf"
OFFLINE_ZIP = "downloads/valued-care-offline.zip"
TRUST_STORIES_CHAPTER = "trust-stories"  # the id of chapter 10 where an ingredient id would stand


def pdf_chapter(rid: str) -> str:
    return f"pdf/chapters/{rid}.pdf"


def pdf_case_study(rid: str) -> str:
    return f"pdf/case-studies/{rid}.pdf"


# The published address, for links printed in PDFs to pages that are not in the same PDF.
# Keep equal to site_url in mkdocs.yml (tests/test_pdf.py checks).
SITE_URL = "https://valued-care.github.io/valued-care/"


def web(page: str) -> str:
    """Absolute address of a docs-relative page (directory URLs), e.g. case-studies/x.md -> .../case-studies/x/."""
    stem = page.removesuffix(".md")
    stem = stem.removesuffix("index") if stem.endswith("/index") or stem == "index" else stem + "/"
    return SITE_URL + stem
