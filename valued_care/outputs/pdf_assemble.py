"""One tagged PDF painted from pages of several WeasyPrint documents, so that a long PDF (the book) can be laid out a
part at a time and each part's layout freed once its pages are painted (pdf_parts.py says in what order).

WeasyPrint's own writer (weasyprint.pdf.generate_pdf) needs every page of one document at once, and the layout of
every page is most of its memory. This is the same writer cut into steps, for pages of any number of documents:
`reserve` places pages in the PDF in reading order, `paint` draws one page into its place and tags it (PDF/UA), and
`finish` adds what needs all pages (bookmarks, named destinations, the structure tree, fonts, metadata). It uses
WeasyPrint's drawing, link, tagging and font functions, so the result is what WeasyPrint would write for the same
pages laid out as one document (tests/test_pdf.py compares the two). Written against WeasyPrint 70.0, the pinned
version: a new version needs this module checked against its weasyprint/pdf/__init__.py.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any


class PdfAssembly:
    """Pages of several laid-out documents, painted into one PDF in reading order."""

    def __init__(self, options: dict):
        import pydyf
        from tinycss2.color5 import D50, D65
        from weasyprint import DEFAULT_OPTIONS
        from weasyprint.pdf import VARIANTS

        variant, properties = VARIANTS[options["pdf_variant"]]
        self.options = {**DEFAULT_OPTIONS, **properties, **options}
        self.variant = variant
        self.compress = not self.options["uncompressed_pdf"]
        self.pdf = pdf = pydyf.PDF()
        self.fonts: dict = {}  # shared by every page, so each font is embedded once, subset to every glyph used
        self.images: dict = {}
        lab = {name: pydyf.Array(("/Lab", pydyf.Dictionary({"WhitePoint": pydyf.Array(white),
                                                            "Range": pydyf.Array((-125, 125, -125, 125))})))
               for name, white in (("lab-d50", D50), ("lab-d65", D65))}
        self.color_space = pydyf.Dictionary(lab)
        pdf.add_object(self.color_space)
        self.resources = pydyf.Dictionary({
            "ExtGState": pydyf.Dictionary(), "XObject": pydyf.Dictionary(), "Pattern": pydyf.Dictionary(),
            "Shading": pydyf.Dictionary(), "ColorSpace": self.color_space.reference})
        pdf.add_object(self.resources)
        self.pages: list = []  # the PDF page dictionaries, in reading order
        self.names: list = []  # [anchor, destination]: every anchor once, where it first appears
        self.anchors: set[str] = set()
        self.link_targets: set[str] = set()  # internal links, checked against the anchors at the end
        self.bookmarks: list = []  # (page index, bookmark trees of one document from that page on)
        self.tagged: dict[int, tuple[list, list]] = {}  # page index -> (its top elements, its MCID -> element)
        self.annotations: list = []
        self.metadata: Any = None  # weasyprint's Metadata of the first document
        self.root = pydyf.Dictionary({"Type": "/StructTreeRoot"})
        pdf.add_object(self.root)
        self.document = pydyf.Dictionary({"Type": "/StructElem", "S": "/Document", "K": pydyf.Array(),
                                          "P": self.root.reference})
        pdf.add_object(self.document)

    def reserve(self, count: int) -> list[int]:
        """Places for `count` pages after those reserved so far: their indices, painted later in any order."""
        import pydyf

        start = len(self.pages)
        for _ in range(count):
            page = pydyf.Dictionary({"Type": "/Page", "Parent": self.pdf.pages.reference,
                                     "Resources": self.resources.reference})
            self.pdf.add_page(page)
            self.pages.append(page)
        return list(range(start, start + count))

    def add_document(self, document, first_index: int) -> None:
        """What the pages of one document share: its bookmarks (for the pages from first_index on) and the
        metadata, taken from the first document (every part of the book has the same head)."""
        if document.color_profiles or document.output_intent:
            raise ValueError("colour profiles are not supported when a PDF is made of parts")
        self.metadata = self.metadata or document.metadata
        self.bookmarks.append((first_index, document.make_bookmark_tree(0.75, transform_pages=True)))

    def paint(self, index: int, page, stubs: frozenset[str] = frozenset()) -> None:
        """Draw one laid-out page into its place and tag it; `stubs` are anchors that only stand in for others."""
        import pydyf
        from weasyprint.matrix import Matrix
        from weasyprint.pdf.anchors import add_links
        from weasyprint.pdf.stream import Stream
        from weasyprint.pdf.tags import _build_box_tree

        if any(page.forms.values()) or any(link[0] not in ("internal", "external") for link in page.links):
            raise ValueError("forms and attachments are not supported when a PDF is made of parts")
        scale, pdf, pdf_page = 0.75, self.pdf, self.pages[index]
        tags: dict = {}
        matrix = Matrix(scale, 0, 0, -scale, 0, page.height * scale)
        box = _page_boxes(page, scale)
        stream = Stream(self.fonts, box["rectangle"], self.resources, self.images, tags, {}, None,
                        compress=self.compress)
        stream.transform(d=-1, f=(page.height * scale))
        pdf.add_object(stream)
        pdf_page.update({"MediaBox": pydyf.Array(box["media"]), "Contents": stream.reference, "Tabs": "/S",
                         "StructParents": index, "TrimBox": pydyf.Array(box["trim"]),
                         "BleedBox": pydyf.Array(box["bleed"])})
        anchors = []
        for name, (x, y, _, _) in page.anchors.items():
            if name not in stubs and name not in self.anchors:
                self.anchors.add(name)
                anchors.append((name, x, y))
        self.link_targets.update(target for kind, target, _, _ in page.links if kind == "internal")
        add_links((page.links, anchors), matrix, pdf, pdf_page, self.names, tags)
        page.paint(stream, scale)
        nums: dict = {}
        elements = list(_build_box_tree(page._page_box, self.document, pdf, index, nums, self.annotations, tags))
        if tags:
            raise ValueError(f"page {index + 1}: marked content left without a structure element")
        self.tagged[index] = (elements, [ref for _, ref in sorted(nums.items())])
        _freeze(stream)

    def finish(self, target: Path) -> None:
        missing = self.link_targets - self.anchors
        unpainted = [i + 1 for i in range(len(self.pages)) if i not in self.tagged]
        if missing or unpainted:
            raise ValueError(f"links to no anchor {sorted(missing)[:5]}; pages not painted {unpainted[:5]}")
        self._outlines()
        self._info()
        self._fonts_and_names()
        self._structure()
        self.variant(self.pdf, SimpleNamespace(metadata=self.metadata), [], [], self.compress)
        with open(target, "wb") as out:
            self.pdf.write(out, self.options["pdf_version"], self.options["pdf_identifier"], self.compress)

    def _outlines(self) -> None:
        from weasyprint.pdf.anchors import add_outlines

        def shifted(trees, by):
            return [(label, (page + by, x, y), shifted(children, by), state)
                    for label, (page, x, y), children, state in trees]

        add_outlines(self.pdf, [tree for first, trees in sorted(self.bookmarks, key=lambda b: b[0])
                                for tree in shifted(trees, first)])

    def _info(self) -> None:
        import pydyf
        from weasyprint import VERSION
        from weasyprint.pdf import _w3c_date_to_pdf

        info, meta = self.pdf.info, self.metadata
        info["Producer"] = pydyf.String(f"WeasyPrint {VERSION}")
        for key, value in (("Title", meta.title), ("Author", ", ".join(meta.authors or ())),
                           ("Subject", meta.description), ("Keywords", ", ".join(meta.keywords or ())),
                           ("Creator", meta.generator),
                           ("CreationDate", _w3c_date_to_pdf(meta.created, "created")),
                           ("ModDate", _w3c_date_to_pdf(meta.modified, "modified"))):
            if value:
                info[key] = pydyf.String(value)
        if meta.lang:
            self.pdf.catalog["Lang"] = pydyf.String(meta.lang)

    def _fonts_and_names(self) -> None:
        import pydyf
        from weasyprint.pdf import _use_references
        from weasyprint.pdf.fonts import build_fonts_dictionary

        fonts = build_fonts_dictionary(self.pdf, self.fonts, self.compress, not self.options["full_fonts"],
                                       self.options)
        self.pdf.add_object(fonts)
        self.resources["Font"] = fonts.reference
        _use_references(self.pdf, self.resources, self.images, {})
        if self.names:  # a name tree: sorted
            names = pydyf.Array()
            for name, destination in sorted(self.names):
                names += [pydyf.String(name), destination]
            self.pdf.catalog["Names"] = pydyf.Dictionary({"Dests": pydyf.Dictionary({"Names": names})})

    def _structure(self) -> None:
        """The structure tree, as weasyprint.pdf.tags.add_tags makes it: top elements in page order, a parent tree
        entry for each page (its StructParents is its index) and then one for each link annotation."""
        import pydyf

        parents = pydyf.Dictionary({"Nums": pydyf.Array()})
        self.pdf.add_object(parents)
        for index in range(len(self.pages)):
            elements, marked = self.tagged[index]
            self.document["K"].extend(element.reference for element in elements)
            parents["Nums"] += [index, pydyf.Array(marked)]
        for key, (reference, annotation) in enumerate(self.annotations, start=len(self.pages)):
            parents["Nums"] += [key, reference]
            annotation["StructParent"] = key
        self.root.update({"ParentTree": parents.reference, "K": pydyf.Array([self.document.reference])})
        self.pdf.catalog.update({"StructTreeRoot": self.root.reference,
                                 "ViewerPreferences": pydyf.Dictionary({"DisplayDocTitle": "true"}),
                                 "MarkInfo": pydyf.Dictionary({"Marked": "true"})})


def _page_boxes(page, scale: float) -> dict:
    """The page's rectangle and its media, trim and bleed boxes in PDF points, as WeasyPrint works them out."""
    bleed = page.bleed
    left, top = -scale * bleed["left"], -scale * bleed["top"]
    right = left + scale * (page.width + bleed["left"] + bleed["right"])
    bottom = top + scale * (page.height + bleed["top"] + bleed["bottom"])
    points = {key: value * 0.75 for key, value in bleed.items()}
    trim = (left + points["left"], top + points["top"], right - points["right"], bottom - points["bottom"])
    return {
        "rectangle": (left / scale, top / scale, (right - left) / scale, (bottom - top) / scale),
        "media": (left, top, right, bottom),
        "trim": trim,
        "bleed": (trim[0] - min(10, points["left"]), trim[1] - min(10, points["top"]),
                  trim[2] + min(10, points["right"]), trim[3] + min(10, points["bottom"])),
    }


def _freeze(stream) -> None:
    """The page's drawing as the bytes it will be written as, compressed now: held as thousands of small operator
    strings until the end, the drawing of a page took a few hundred kilobytes (pydyf.Stream.data writes the same)."""
    import zlib

    from pydyf import _to_bytes

    data = b"\n".join(_to_bytes(item) for item in stream.stream)
    if stream.compress:
        data = zlib.compress(data, 9)
        stream.extra["Filter"] = "/FlateDecode"
        stream.compress = False
    stream.stream = [data]
