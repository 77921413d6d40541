"""The EPUB renderer, checked the way a reader would meet the book: unzip it and read the XHTML.

Uses the hand-made IR in tests/tools/epub_sample.py (a fictional book), so nothing here
depends on the shipped novel's content or on the composer.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from functools import cache
from pathlib import PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlmg_pack import ir
from nlmg_pack.render import RenderOptions
from nlmg_pack.render.epub import render_epub
from nlmg_pack.styles import load_style

from .tools.epub_sample import TRICKY, sample_document

H = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPOCH = 1714564800


@cache
def build(edition: str = "student", style: str = "classic") -> bytes:
    return render_epub(sample_document(edition), load_style(style), RenderOptions(epoch=EPOCH))


class Book:
    """An unzipped EPUB with its documents parsed."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.files = {n: self.zip.read(n) for n in self.zip.namelist()}
        self.docs = {n[len("EPUB/"):]: ET.fromstring(b) for n, b in self.files.items() if n.endswith(".xhtml")}
        self.opf = ET.fromstring(self.files["EPUB/content.opf"])

    def ids(self, name: str) -> set[str]:
        return {e.get("id") for e in self.docs[name].iter() if e.get("id")}

    def text(self, name: str) -> str:
        return "".join(self.docs[name].itertext())

    def spine(self) -> list[str]:
        hrefs = {i.get("id"): i.get("href") for i in self.opf.iter(f"{OPF}item")}
        return [hrefs[r.get("idref")] for r in self.opf.iter(f"{OPF}itemref")]


@pytest.fixture(scope="module")
def student() -> Book:
    return Book(build("student"))


@pytest.fixture(scope="module")
def teacher() -> Book:
    return Book(build("teacher"))


def test_one_spine_document_per_section_after_cover_and_contents(student):
    doc = sample_document()
    spine = student.spine()
    assert spine[:2] == ["cover.xhtml", "nav.xhtml"]
    assert spine[2:2 + len(doc.sections)] == [f"{s.id}.xhtml" for s in doc.sections]
    assert spine[-2:] == ["answers.xhtml", "colophon.xhtml"]
    for section in doc.sections:
        h1s = [e for e in student.docs[f"{section.id}.xhtml"].iter(f"{H}h1")]
        assert ["".join(h.itertext()) for h in h1s] == [section.title]


def test_every_document_is_xml_with_the_book_language(student):
    assert student.opf.get(XML_LANG) == "en-GB"
    for name, root in student.docs.items():
        assert root.get("lang") == "en-GB" and root.get(XML_LANG) == "en-GB", name
        assert root.find(f"{H}head/{H}title").text, name
        assert root.find(f"{H}head/{H}link").get("href") == "css/style.css", name


def test_nav_lists_every_section_part_groups_and_answers(student):
    nav = student.docs["nav.xhtml"]
    toc = next(n for n in nav.iter(f"{H}nav") if n.get(EPUB_TYPE) == "toc")
    hrefs = [a.get("href") for a in toc.iter(f"{H}a")]
    for section in sample_document().sections:
        assert f"{section.id}.xhtml" in hrefs
    assert "timeline-part-1.xhtml#part-1" in hrefs  # the Part-level group
    assert "characters.xhtml#char-mira" in hrefs
    assert "answers.xhtml" in hrefs
    ncx = ET.fromstring(student.files["EPUB/toc.ncx"])
    sources = {c.get("src") for c in ncx.iter("{http://www.daisy.org/z3986/2005/ncx/}content")}
    assert {f"{s.id}.xhtml" for s in sample_document().sections} <= sources


def test_landmarks_reach_cover_contents_and_body(student):
    nav = student.docs["nav.xhtml"]
    landmarks = next(n for n in nav.iter(f"{H}nav") if n.get(EPUB_TYPE) == "landmarks")
    found = {a.get(EPUB_TYPE): a.get("href") for a in landmarks.iter(f"{H}a")}
    assert found == {"cover": "cover.xhtml", "toc": "nav.xhtml#toc", "bodymatter": "intro.xhtml"}
    assert "The Lantern Year: a study pack" in student.text("cover.xhtml")


def assert_links_resolve(book: Book) -> None:
    """Every <a href> in every document points at an existing file (and id, if it has one)."""
    for name, root in book.docs.items():
        for a in root.iter(f"{H}a"):
            href = a.get("href")
            assert href and not re.match(r"^[a-z]+:", href), (name, href)
            file, _, frag = href.partition("#")
            target = str(PurePosixPath(name).parent / file) if file else name
            target = target.removeprefix("./")
            assert target in book.docs, (name, href)
            if frag:
                assert frag in book.ids(target), (name, href)


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_every_internal_link_resolves(edition):
    assert_links_resolve(Book(build(edition)))


def test_cross_links_point_into_the_right_section_file(student):
    intro = student.docs["intro.xhtml"]
    hrefs = {a.get("href") for a in intro.iter(f"{H}a")}
    assert {"characters.xhtml#char-mira", "themes.xhtml#theme-light", "glossary.xhtml#term-lamplighter"} <= hrefs


def _by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {e.get("id"): e for e in root.iter() if e.get("id")}


def questions_of(book: Book) -> list[tuple[str, ET.Element]]:
    """(file, <li>) for every worksheet question in the book."""
    return [(name, li) for name, root in book.docs.items() for li in root.iter(f"{H}li")
            if "question" in (li.get("class") or "").split()]


def assert_answers_linked_both_ways(book: Book) -> None:
    """Student edition: each question's noteref opens its answer, which links back to it."""
    answers = _by_id(book.docs["answers.xhtml"])
    for name, li in questions_of(book):
        link = next(a for a in li.iter(f"{H}a") if a.get(EPUB_TYPE) == "noteref")
        file, _, frag = link.get("href").partition("#")
        assert file == "answers.xhtml"
        back = [a for a in answers[frag].iter(f"{H}a") if a.get("role") == "doc-backlink"]
        assert [a.get("href") for a in back] == [f"{name}#{li.get('id')}"]


def assert_answers_inline(book: Book) -> None:
    """Teacher edition: no answers document; each question ends with its answer box."""
    assert "answers.xhtml" not in book.docs
    for _name, li in questions_of(book):
        box = li[-1]
        assert box.tag == f"{H}div" and box.get("class") == "answer", li.get("id")
        assert "".join(box[0].itertext()) == "Answer"
        assert not [a for a in li.iter(f"{H}a") if a.get(EPUB_TYPE) == "noteref"]


def test_student_answers_are_one_tap_away_and_link_back(student):
    assert len(questions_of(student)) == 6
    assert_answers_linked_both_ways(student)


def test_student_worksheet_holds_no_answers_and_teacher_has_them_inline(student, teacher):
    mark_point = "Use <evidence> & context (AO1)"
    assert mark_point not in student.text("worksheet-one.xhtml")
    assert mark_point in student.text("answers.xhtml")
    assert_answers_inline(teacher)
    sheet = teacher.docs["worksheet-one.xhtml"]
    boxes = [d for d in sheet.iter(f"{H}div") if d.get("class") == "answer"]
    assert [b.get("id") for b in boxes] == [f"ws-one-q{n}-answer" for n in range(1, 7)]
    assert all(b[0].tag in {f"{H}h3", f"{H}h4"} for b in boxes)  # a heading below the worksheet's h2
    assert mark_point in "".join(boxes[-1].itertext())


def test_no_answer_is_hidden(student, teacher):
    for book in (student, teacher):
        css = book.files["EPUB/css/style.css"].decode()
        assert "display: none" not in css and "visibility" not in css
        for name, root in book.docs.items():
            hidden = [e for e in root.iter() if e.get("hidden") is not None or "display" in (e.get("style") or "")]
            assert all(e.get(EPUB_TYPE) == "landmarks" for e in hidden), name


def test_choices_sequences_and_matches_carry_visible_letters(student):
    sheet = _by_id(student.docs["worksheet-one.xhtml"])
    choice = ["".join(li.itertext()) for li in sheet["ws-one-q2"].find(f"{H}ul").iter(f"{H}li")]
    assert choice == ["A. Spring", "B. Autumn", "C. Winter"]
    match = ["".join(ul.itertext()).strip() for ul in sheet["ws-one-q5"].iter(f"{H}ul")]
    assert match == ["1. Mira2. Tobin", "A. NarratorB. Brother"]
    assert "notebook" in student.text("worksheet-one.xhtml")
    assert "".join(sheet["ws-one-q3"].itertext()).count("True or false?") == 1  # the prompt asks already


def test_markup_characters_in_content_come_out_literally(student):
    assert TRICKY in student.text("intro.xhtml")
    raw = student.files["EPUB/intro.xhtml"].decode()
    assert "&lt;b&gt; &amp; &lt;/p&gt;" in raw
    assert not list(student.docs["intro.xhtml"].iter(f"{H}b"))
    assert "Tea & <biscuits>" in student.text("quotes.xhtml")


def assert_headings_in_order(book: Book) -> None:
    """One h1 per document, first; no heading skips a level on the way down."""
    for name, root in book.docs.items():
        levels = [int(e.tag[-1]) for e in root.iter() if re.fullmatch(rf"{re.escape(H)}h[1-6]", e.tag)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, name
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (name, levels)


def assert_ids_unique(book: Book) -> None:
    for name, root in book.docs.items():
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), name


def test_headings_start_at_h1_and_never_skip_a_level(student, teacher):
    assert_headings_in_order(student)
    assert_headings_in_order(teacher)


def test_quotations_are_blockquotes_with_attribution(student):
    quotes = _by_id(student.docs["quotes.xhtml"])
    fig = quotes["quote-dark-water"]
    assert fig.find(f"{H}blockquote") is not None
    assert "".join(fig.find(f"{H}figcaption").itertext()) == "Mira, chapter 2"
    assert "not yet checked" in "".join(quotes["quote-tea"].itertext())


def test_cards_are_a_list_of_quotations_with_prompts(student):
    cards = _by_id(student.docs["cards.xhtml"])
    card = cards["card-dark-water"]
    text = "".join(card.itertext())
    assert card.find(f"{H}blockquote") is not None
    assert "Mira, chapter 2" in text and "Themes: light, fear" in text
    assert "Why is she not afraid?" in text


def test_figures_are_labelled_inline_svg_with_a_text_version(student):
    figures = student.docs["figures.xhtml"]
    svg = next(figures.iter("{http://www.w3.org/2000/svg}svg"))
    assert svg.get("role") == "img" and svg.get("viewBox") == "0 0 300 120"
    ids = _by_id(figures)
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert ids[title_id].text == "Family tree"
    assert ids[desc_id].text == "Mira is linked to her brother Tobin."
    assert "Tobin & co" in "".join(svg.itertext())
    assert "Tobin — her brother" in "".join(ids["fig-family-text"].itertext())
    items = {i.get("href"): i.get("properties") for i in student.opf.iter(f"{OPF}item")}
    assert items["figures.xhtml"] == "svg"
    assert items["intro.xhtml"] is None


def test_package_metadata(student):
    meta = sample_document().meta
    md = student.opf.find(f"{OPF}metadata")
    assert md.find(f"{DC}title").text == meta.title
    assert md.find(f"{DC}identifier").text == meta.identifier
    assert md.find(f"{DC}creator").text == meta.creator
    assert md.find(f"{DC}language").text == "en-GB"
    assert md.find(f"{DC}publisher").text == meta.publisher
    assert md.find(f"{DC}date").text == meta.date
    subjects = [e.text for e in md.iter(f"{DC}subject")]
    assert subjects[:2] == ["The Lantern Year (A. N. Author)", "A. N. Author"]
    props: dict[str, list[str]] = {}
    for e in md.iter(f"{OPF}meta"):
        if e.get("property"):
            props.setdefault(e.get("property"), []).append(e.text)
    assert props["dcterms:modified"] == ["2024-05-01T12:00:00Z"]
    assert props["schema:accessMode"] == ["textual", "visual"]
    assert props["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText",
            "longDescription", "displayTransformability"} <= set(props["schema:accessibilityFeature"])
    assert props["schema:accessibilityHazard"] == ["none"]
    assert props["schema:accessibilitySummary"][0].endswith(".")
    assert props["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]


def test_two_builds_are_byte_identical_and_the_zip_is_canonical():
    first = render_epub(sample_document(), load_style("classic"), RenderOptions(epoch=EPOCH))
    second = render_epub(sample_document(), load_style("classic"), RenderOptions(epoch=EPOCH))
    assert first == second
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b"" and first[30:38] == b"mimetype"
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos[1:])
    assert {i.date_time for i in infos} == {(2024, 5, 1, 12, 0, 0)}


def test_style_fonts_are_embedded_and_named_in_the_css():
    classic = Book(build("student", "classic"))
    css = classic.files["EPUB/css/style.css"].decode()
    assert css.count("@font-face") == 8
    assert '"Crimson Text", serif' in css and '"Atkinson Hyperlegible", sans-serif' in css
    fonts = sorted(n for n in classic.files if n.endswith(".ttf"))
    assert len(fonts) == 8 and all(f'url("../{n[len("EPUB/"):]}")' in css for n in fonts)
    assert b"specified-fonts" in classic.files["META-INF/com.apple.ibooks.display-options.xml"]
    hyper = Book(build("student", "hyperlegible")).files["EPUB/css/style.css"].decode()
    assert hyper.count("@font-face") == 4
    assert "em, cite { font-style: normal; font-weight: bold; }" in hyper  # no italics in this style
    large = Book(build("student", "large-print")).files["EPUB/css/style.css"].decode()
    assert "font-size: 133%" in large and "font-size: 100%" in css


def test_unsafe_or_reserved_section_ids_get_safe_file_names():
    doc = sample_document()
    odd = ir.Section("Answers & more", "Odd", "context", (ir.Paragraph(ir.text("x")),))
    clash = ir.Section("nav", "Clash", "context", (ir.Paragraph(ir.text("y")),))
    book = Book(render_epub(replace(doc, sections=doc.sections + (odd, clash)), load_style("classic"),
                            RenderOptions(epoch=EPOCH)))
    n = len(doc.sections)
    assert f"section-{n + 1}.xhtml" in book.docs and f"section-{n + 2}.xhtml" in book.docs
    assert "Contents" in book.text("nav.xhtml")


def test_ids_are_unique_in_every_document(student, teacher):
    assert_ids_unique(student)
    assert_ids_unique(teacher)


@pytest.fixture(scope="module", params=["student", "teacher"])
def real_pack(request) -> tuple[ir.Document, Book]:
    """The shipped pack (content/ + packs/full.yaml) through the real pipeline."""
    from nlmg_pack.build import make_document
    from nlmg_pack.packs import Overrides, load_pack

    doc, style = make_document(load_pack("full", Overrides(edition=request.param)))
    return doc, Book(render_epub(doc, style, RenderOptions(epoch=EPOCH)))


def test_real_pack_reads_like_the_sample(real_pack):
    doc, book = real_pack
    spine = book.spine()
    assert spine[:2] == ["cover.xhtml", "nav.xhtml"]
    assert [f"{s.id}.xhtml" for s in doc.sections] == spine[2:2 + len(doc.sections)]
    toc_hrefs = {a.get("href") for a in book.docs["nav.xhtml"].iter(f"{H}a")}
    assert {f"{s.id}.xhtml" for s in doc.sections} <= toc_hrefs
    assert_links_resolve(book)
    assert_headings_in_order(book)
    assert_ids_unique(book)
    assert questions_of(book), "the full pack has worksheets"
    if doc.meta.edition == "student":
        assert_answers_linked_both_ways(book)
    else:
        assert_answers_inline(book)


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=40), body=st.text(max_size=200))
def test_any_text_makes_a_valid_book_and_comes_out_literally(title, body):
    doc = sample_document()
    section = ir.Section("free", title, "context", (ir.Paragraph(ir.text(body)),), intro=ir.text(body))
    doc = replace(doc, meta=replace(doc.meta, title=title), sections=(section,))
    book = Book(render_epub(doc, load_style("hyperlegible"), RenderOptions(epoch=EPOCH)))
    paragraphs = ["".join(p.itertext()) for p in book.docs["free.xhtml"].iter(f"{H}p")]
    assert paragraphs == ([as_xml_reads(body)] * 2 if body else [])
    assert "".join(book.docs["free.xhtml"].find(f".//{H}h1").itertext()) == as_xml_reads(title)


def as_xml_reads(text: str) -> str:
    """What a reader gets back: no XML-forbidden characters, line ends as newlines."""
    return NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
