"""The PDFs: the whole book, each chapter and each case study, as readers and screen readers get them.

The PDFs are built once per test run (the built_downloads fixture in conftest.py, from data/); small builds from
the fixture data check escaping, rebuilding only what changed, and the site without PDFs.
"""
from __future__ import annotations

import io
import re
from functools import cache

import pytest
import yaml
from pypdf import PdfReader

from conftest import GOOD, ROOT, build_site
from valued_care import paths, urls
from valued_care.data.loader import load_knowledge_base
from valued_care.outputs.manifest import file_of
from valued_care.outputs.manifest import read as read_manifest
from valued_care.outputs.pdf import _cache_page_references, build_pdfs
from valued_care.outputs.pdf_book import PdfBook, chapters
from valued_care.site.downloads import Downloads


@cache
def kb():
    return load_knowledge_base(paths.DATA)


@pytest.fixture(scope="module")
def book(built_downloads) -> PdfReader:
    return PdfReader(file_of(built_downloads / "pdf", urls.PDF_BOOK))


@pytest.fixture(scope="module")
def book_text(book) -> list[str]:
    return [_words(page.extract_text()) for page in book.pages]


def _words(text: str) -> str:
    return " ".join(text.split())


def _top_level(outline) -> list:
    return [item for item in outline if not isinstance(item, list)]


def test_book_has_a_bookmark_for_each_chapter_in_order(book):
    titles = [item.title for item in _top_level(book.outline)]
    expected = [f"{ch.number}. {ch.title}" for ch in chapters(kb())]
    assert len(expected) == len(kb().ingredients) + 1
    assert [t for t in titles if t in expected] == expected
    assert "Contents" in titles and "References" in titles


def test_chapter_bookmarks_nest_sections_and_case_studies(book):
    chapter = next(ch for ch in chapters(kb()) if ch.case_studies)
    outline = book.outline
    at = [getattr(item, "title", None) for item in outline].index(f"{chapter.number}. {chapter.title}")
    sections = outline[at + 1]
    titles = [getattr(item, "title", None) for item in sections]
    assert "What it is" in titles and "Case studies" in titles
    cases = sections[titles.index("Case studies") + 1]
    assert [_words(item.title) for item in cases] == [_words(c.title) for c in chapter.case_studies]


def test_contents_page_numbers_match_the_pages_where_chapters_start(book, book_text):
    starts = {item.title: book.get_destination_page_number(item) + 1 for item in _top_level(book.outline)}
    contents = " ".join(book_text[starts["Contents"] - 1:starts["About this book"]])  # About may share its last page
    for ch in chapters(kb()):
        printed = re.search(rf"{ch.number} {re.escape(ch.title)}[ .]*?(\d+)", contents)
        assert printed, f"chapter {ch.number} is not in the contents"
        page = int(printed.group(1))
        assert page == starts[f"{ch.number}. {ch.title}"]
        assert f"chapter {ch.number} {ch.title}".lower() in book_text[page - 1].lower()


def test_every_case_study_and_trust_story_title_is_in_the_book(book_text):
    text = " ".join(book_text)
    for case in kb().case_studies.values():
        assert _words(case.title) in text, case.id
    for story in kb().trust_stories.values():
        assert _words(story.title) in text, story.id


def test_sources_print_their_urls(book_text):
    text = "".join(book_text).replace(" ", "")
    case = next(iter(kb().case_studies.values()))
    assert case.sources[0].url in text


def test_book_is_tagged_a4_with_title_language_and_date(book):
    root = book.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "en-GB"
    assert book.metadata.title == "Valued care in mental health"
    assert book.metadata.creation_date is not None
    box = book.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_contents_links_are_clickable_internal_links(book):
    contents = book.pages[1]
    targets = [a.get_object().get("/Dest") or a.get_object().get("/A", {}).get("/D")
               for a in contents.get("/Annots", [])]
    assert len([t for t in targets if t is not None]) >= 5


def test_one_pdf_per_chapter_and_case_study_tagged_with_its_title(built_downloads):
    pdf_dir = built_downloads / "pdf"
    for ch in chapters(kb()):
        reader = PdfReader(file_of(pdf_dir, urls.pdf_chapter(ch.id)))
        assert reader.metadata.title.startswith(f"Chapter {ch.number}: {ch.title}")
        assert ch.title in _words(reader.pages[0].extract_text())
    for case in kb().case_studies.values():
        file = file_of(pdf_dir, urls.pdf_case_study(case.id))
        assert file.is_file(), case.id
    sample = next(iter(kb().case_studies.values()))
    reader = PdfReader(file_of(pdf_dir, urls.pdf_case_study(sample.id)))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title.startswith(sample.title)
    assert _words(sample.title) in _words(reader.pages[0].extract_text())


def test_manifest_lists_every_pdf_with_size_and_pages(built_downloads):
    manifest = read_manifest(built_downloads / "pdf")
    assert len(manifest) == 2 + len(chapters(kb())) + len(kb().case_studies)  # the book and the summary
    for entry in manifest.values():
        assert file_of(built_downloads / "pdf", entry.path).stat().st_size == entry.bytes
        assert entry.pages >= 1


def test_contributor_text_is_escaped_in_the_pdf_html():
    book = PdfBook(load_knowledge_base(GOOD))
    html = book.case_study(book.kb.case_studies["injection-shows-literally"]).html
    assert "{{ 7*7 }}" in html and "49" not in html.split("<body", 1)[1]
    assert "3 &lt; 5 and 7 &gt; 2" in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html)


def test_cross_references_point_inside_the_pdf_or_to_the_web():
    book = PdfBook(load_knowledge_base(GOOD))
    chapter_html = book.chapter(book.chapters[0]).html
    whole = book.book().html
    for href in re.findall(r'href="#([^"]+)"', whole):
        assert f'id="{href}"' in whole, href
    for href in re.findall(r'href="#([^"]+)"', chapter_html):
        assert f'id="{href}"' in chapter_html, href
    assert urls.SITE_URL in chapter_html


def test_unchanged_pdfs_are_not_rendered_again_and_removed_records_lose_theirs(tmp_path, good_data):
    out = tmp_path / "pdf"
    first = build_pdfs(load_knowledge_base(good_data), out, only=["case-studies"], workers=1, stream=io.StringIO())
    assert {b.record_id for b in first} == {"example-case", "injection-shows-literally"}
    log = io.StringIO()
    build_pdfs(load_knowledge_base(good_data), out, only=["case-studies"], workers=1, stream=log)
    assert "2 unchanged, 0 to render" in log.getvalue()
    (good_data / "case_studies" / "injection-shows-literally.yml").unlink()
    build_pdfs(load_knowledge_base(good_data), out, only=["case-studies"], workers=1, stream=io.StringIO())
    assert not file_of(out, urls.pdf_case_study("injection-shows-literally")).exists()
    assert set(read_manifest(out)) == {urls.pdf_case_study("example-case")}


def test_cached_page_references_follow_added_pages():
    import pydyf

    _cache_page_references()
    pdf = pydyf.PDF()
    seen = []
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        seen.append(pdf.page_references)
    kids = pdf.pages["Kids"]
    assert seen[-1] == tuple(f"{n} 0 R".encode() for n in kids[::3])
    assert [len(refs) for refs in seen] == [1, 2, 3]


def test_site_url_matches_mkdocs_yml_and_the_citation():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_IgnoreTags)
    assert config["site_url"] == urls.SITE_URL
    assert yaml.safe_load((ROOT / "CITATION.cff").read_text())["url"] == urls.SITE_URL


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


# The site ships the PDFs and links them.

def test_every_chapter_and_case_study_page_links_its_pdf(built_site):
    for ch in chapters(kb()):
        page = urls.TRUST_STORIES_INDEX if ch.is_stories else urls.ingredient(ch.id)
        html = (built_site / page.removesuffix(".md").removesuffix("index") / "index.html").read_text()
        assert f'{urls.pdf_chapter(ch.id)}">Download this chapter as PDF' in html, ch.id
        assert (built_site / urls.pdf_chapter(ch.id)).is_file()
    for case in kb().case_studies.values():
        html = (built_site / "case-studies" / case.id / "index.html").read_text()
        assert f'href="../../{urls.pdf_case_study(case.id)}">Download this case study as PDF' in html, case.id
        assert (built_site / urls.pdf_case_study(case.id)).is_file()


def test_downloads_page_lists_every_pdf_with_its_size(built_site, built_downloads):
    html = (built_site / "downloads" / "index.html").read_text()
    downloads = Downloads.from_build(built_downloads)
    assert len(downloads.files) == 3 + len(chapters(kb())) + len(kb().case_studies)  # book, summary, offline zip
    linked = {(built_site / "downloads" / href).resolve() for href in re.findall(r'href="([^"#]+)"', html)}
    for download in downloads.files:
        assert (built_site / download.path).resolve() in linked, download.path
        assert download.size in html
        assert (built_site / download.path).stat().st_size == download.bytes
    assert "have not been built" not in html


def test_site_without_pdfs_builds_and_says_how_to_build_them(tmp_path):
    out = tmp_path / "site"
    result = build_site(out, GOOD)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (out / "downloads" / "index.html").read_text()
    assert "The PDFs have not been built" in html and "make pdf" in html
    assert "Download this chapter as PDF" not in (out / "ingredients" / "culture" / "index.html").read_text()
    assert not (out / "pdf").exists()
