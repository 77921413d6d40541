"""PDF renderer tests: hand-built IR documents in, PDF structure and text out.

Run ``python tests/test_pdf_render.py OUTDIR`` to write the sample documents as PDFs to look at.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pikepdf
import pypdf
import pytest

from nlmg_pack import ir
from nlmg_pack.links import anchors, prune_links
from nlmg_pack.render import RenderOptions
from nlmg_pack.render.pdf import render_pdf, render_pdf_copies
from nlmg_pack.styles import load_style

from .needs import need

T = ir.text
ANSWER_TEXT = "Because the guardians never said it aloud"

# --------------------------------------------------------------------------- sample document


def _meta(edition: str = "student") -> ir.Meta:
    return ir.Meta(
        title="Fixture study pack", book_title="The Lantern Field", book_author="A. N. Author",
        language="en-GB", edition=edition, identifier="urn:uuid:0000", creator="Study Pack Team",
        publisher="Fixture Press", date="2024-01-01", modified="2024-01-01T00:00:00Z",
        subject="The Lantern Field by A. N. Author", description="Notes, quotes and worksheets.",
        keywords=("lantern", "revision"), up_to_chapter=12)


def _para(*parts: ir.Inline, role: str = "body") -> ir.Paragraph:
    return ir.Paragraph(tuple(parts), role=role)


def _lorem(n: int) -> str:
    words = ["memory", "field", "lantern", "quiet", "hope", "told", "school", "river", "evening",
             "promise", "careful", "window", "distance", "letter", "summer"]
    return " ".join(words[i % len(words)] for i in range(n)).capitalize() + "."


def _timeline() -> ir.Section:
    parts = []
    for part in (1, 2):
        chapters = tuple(
            ir.Group(anchor=f"ch-{c}", title=T(f"Chapter {c}"), level=3, layout="keep", blocks=(
                _para(ir.Text("Mara and "), ir.Link("char-jon", T("Jon"), "character"), ir.Text(" " + _lorem(30))),
                _para(ir.Text(_lorem(12))),
            )) for c in range(part * 6 - 5, part * 6 + 1))
        parts.append(ir.Group(anchor=f"part-{part}", title=T(f"Part {part}: the field"), blocks=chapters))
    return ir.Section("timeline", "Timeline", "timeline", tuple(parts), running_head="Timeline",
                      intro=T("What happens, chapter by chapter."))


def _character(slug: str, name: str) -> ir.Group:
    facts = ir.DefinitionList(role="facts", items=(
        ir.Definition(T("Role"), T("Narrator; a carer looking back")),
        ir.Definition(T("First appears"), T("Chapter 1")),
    ))
    return ir.Group(anchor=f"char-{slug}", title=T(name), layout="page", blocks=(
        facts, _para(ir.Text(_lorem(90))),
        ir.Heading(3, T("Key quotations"), f"{slug}-quotes"),
        ir.BlockQuote(T("We were told and not told."), T(f"{name}, chapter 3")),
        ir.ItemList((T("Watchful"), T("Loyal, and " + _lorem(20)))),
    ))


def _themes() -> ir.Section:
    essay = ir.Group(anchor="theme-memory", title=T("Memory"), blocks=(
        _para(ir.Text("Memory is "), ir.Emph(T("everything")), ir.Text(" to "),
              ir.Link("char-mara", T("Mara"), "character"), ir.Text(". " + _lorem(80))),
        ir.BlockQuote(T("I keep the lantern lit for the ones who walked on."), T("Mara, chapter 9"),
                      verified=False),
        _para(ir.Strong(T("Literal markup:")), ir.Text(" a < b & c, and </p> stays text.")),
        _para(ir.Text("This note is an aside. " + _lorem(20)), role="note"),
        _para(ir.Text("Spoiler warning: chapter 12 changes everything."), role="caution"),
    ))
    return ir.Section("themes", "Themes", "themes", (essay,), running_head="Themes")


def _quotes() -> ir.Section:
    groups = tuple(ir.Group(anchor=f"quote-{i}", title=T(f"Quote {i}"), level=3, layout="keep", blocks=(
        ir.BlockQuote(T(f"Quotation number {i}: the field was quiet."), T("Mara, chapter 2"),
                      anchor=f"q-{i}"),
        _para(ir.Text("Chapter 2 \u00b7 The field"), role="meta"),
        _para(ir.Text(_lorem(40))),
    )) for i in range(1, 7))
    return ir.Section("quotes", "Quotation bank", "quotes", groups, running_head="Quotations")


def sample_cards(count: int = 11, with_backs: bool = True) -> ir.CardSet:
    cards = tuple(ir.Card(
        anchor=f"card-{i}", quote=f"Card quote {i}: " + _lorem(8 + (i * 5) % 25),
        speaker="Mara" if i % 2 else "Jon", chapter=i, themes=("memory", "hope"),
        back=(f"Who says this (card {i})?", "Which chapter?", "Link it to a theme."),
        verified=i % 4 != 0) for i in range(1, count + 1))
    return ir.CardSet(cards, with_backs=with_backs)


def _answer(anchor: str, content: str, *points: str) -> ir.Answer:
    return ir.Answer(anchor, T(content), tuple(T(p) for p in points))


def sample_worksheet() -> ir.Worksheet:
    qs = (
        ir.Question("ws-a-q1", 1, "short", T("Why do the students avoid the subject?"), 2,
                    _answer("ws-a-q1-answer", ANSWER_TEXT, "Mentions silence", "Uses a quotation"),
                    lines=3, ao=("AO1",)),
        ir.Question("ws-a-q2", 2, "choice", T("Who keeps the lantern?"), 1,
                    _answer("ws-a-q2-answer", "B"), options=("Jon", "Mara", "The guardian", "Nobody")),
        ir.Question("ws-a-q3", 3, "true-false", T("The field is by the river."), 1,
                    _answer("ws-a-q3-answer", "True")),
        ir.Question("ws-a-q4", 4, "match", T("Match each name to a role."), 3,
                    _answer("ws-a-q4-answer", "1 C, 2 A, 3 B"),
                    match_left=("Mara", "Jon", "Ellis"), match_right=("Friend", "Guardian", "Narrator")),
        ir.Question("ws-a-q5", 5, "sequence", T("Put these events in order."), 3,
                    _answer("ws-a-q5-answer", "2, 3, 1"), items=("The fire", "The letter", "The walk")),
        ir.Question("ws-a-q6", 6, "extended", T("How does the writer present memory?"), 12,
                    _answer("ws-a-q6-answer", "A developed argument about memory.", "AO2: language"),
                    lines=14, ao=("AO1", "AO2"),
                    extract=ir.BlockQuote(T("I keep the lantern lit."), T("Mara, chapter 9"))),
    )
    return ir.Worksheet("ws-a", T("Worksheet A: the field"), qs, instructions=T("Answer every question."),
                        subtitle=T("Exam board: Fixture \u00b7 Paper 1"), total_marks=22)


def _figure() -> ir.Figure:
    shapes = (
        ir.GRect(10, 10, 180, 60, fill=0.9, radius=4), ir.GText(100, 45, "Hailsham", size=12, align="middle"),
        ir.GLine(190, 40, 250, 40, ir.Stroke(dash=(3, 2))), ir.GCircle(280, 40, 28, fill=0.8),
        ir.GText(280, 44, "Cottages", size=9, align="middle", font="body", italic=True),
        ir.GPolygon(((320, 70), (360, 10), (400, 70)), fill=None),
        ir.GPolygon(((320, 80), (360, 90), (400, 80)), closed=False),
    )
    return ir.Figure("fig-places", T("Places in the novel"), ir.Graphic(420, 100, shapes),
                     alt="Three places joined by a line.", caption=T("Where the story happens."),
                     equivalent=(ir.ItemList((T("Hailsham"), T("The Cottages"))),))


def sample_document(edition: str = "student") -> ir.Document:
    sections = (
        ir.Section("intro", "How to use this pack", "intro", (_para(ir.Text(_lorem(60))),),
                   running_head="How to use this pack"),
        ir.Section("context", "Context", "context", (_para(ir.Text(_lorem(120)), role="lead"),),
                   running_head="Context"),
        _timeline(),
        ir.Section("characters", "Characters", "characters",
                   (_character("mara", "Mara"), _character("jon", "Jon")), running_head="Characters"),
        _themes(), _quotes(),
        ir.Section("cards", "Quote cards", "cards", (sample_cards(),), running_head="Quote cards"),
        ir.Section("ws-group-a", "Worksheets: the field", "worksheets", (sample_worksheet(),),
                   running_head="Worksheets"),
        ir.Section("glossary", "Glossary", "glossary", (ir.DefinitionList(items=(
            ir.Definition(T("carer"), T("Someone who looks after donors."), anchor="term-carer"),
            ir.Definition(T("lantern"), T(_lorem(20)), anchor="term-lantern"),
        )),), running_head="Glossary"),
        ir.Section("figures", "Figures", "figures", (_figure(),), running_head="Figures"),
    )
    return prune_links(ir.Document(_meta(edition), sections))


# --------------------------------------------------------------------------- helpers

OPTIONS = RenderOptions(paper="a4", epoch=1_700_000_000)


@pytest.fixture(scope="module")
def classic():
    return load_style("classic")


@pytest.fixture(scope="module")
def student_pdf(classic) -> bytes:
    return render_pdf(sample_document(), classic, OPTIONS)


@pytest.fixture(scope="module")
def teacher_pdf(classic) -> bytes:
    return render_pdf(sample_document("teacher"), classic, OPTIONS)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(BytesIO(data)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def outline_titles(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(BytesIO(data))
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def minimal_document(*blocks: ir.Block) -> ir.Document:
    return ir.Document(_meta(), (ir.Section("s", "Section", "context", tuple(blocks), running_head="S"),))


CONTENTS_LINE = re.compile(r"^\s*(\S.*?)\s+(?:\.\s+)+(\d+)\s*$")


def contents_entries(data: bytes) -> list[tuple[str, int]]:
    """(title, page) pairs read off the contents page(s), as a reader sees them."""
    reader = pypdf.PdfReader(BytesIO(data))
    entries: list[tuple[str, int]] = []
    for page in reader.pages:
        text = page.extract_text(extraction_mode="layout")
        if not re.search(r"^\s*Contents\s*$", text, re.M) and not entries:
            continue
        found = [(m[1].strip(), int(m[2])) for m in map(CONTENTS_LINE.match, text.splitlines()) if m]
        if not found:
            break
        entries += found
    return entries


# --------------------------------------------------------------------------- tests: structure


def test_every_font_is_embedded_subset_truetype(student_pdf, teacher_pdf):
    for data in (student_pdf, teacher_pdf):
        pdf = pikepdf.open(BytesIO(data))
        fonts = [obj for obj in pdf.objects
                 if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"]
        assert fonts
        for font in fonts:
            name = str(font.get("/BaseFont"))
            assert font.get("/Subtype") == "/TrueType", name
            assert "/FontFile2" in font.FontDescriptor, f"{name} is not embedded"
            assert re.match(r"^/[A-Z]{6}\+", name), f"{name} is not a subset"
            assert "Helvetica" not in name and "Times" not in name


def test_pdffonts_and_qpdf_agree(tmp_path, teacher_pdf):
    need("pdffonts", "apt-get install -y poppler-utils")
    need("qpdf", "apt-get install -y qpdf")
    path = tmp_path / "pack.pdf"
    path.write_bytes(teacher_pdf)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = rows.splitlines()[2:]
    assert fonts
    for row in fonts:  # name type encoding emb sub uni object generation
        name, kind, *_, emb, sub, _uni, _obj, _gen = row.split()
        assert kind == "TrueType" and emb == "yes" and sub == "yes", row
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_outline_mirrors_contents_and_contents_pages_are_true(student_pdf):
    entries = contents_entries(student_pdf)
    titles = [title for title, _ in entries]
    assert titles == outline_titles(student_pdf)
    assert titles[:3] == ["How to use this pack", "Context", "Timeline"]
    assert "Part 1: the field" in titles and "Mara" in titles and "Worksheet A: the field" in titles
    texts = page_texts(student_pdf)
    for title, page in entries:
        assert title in squash(texts[page - 1]), f"{title!r} is not on page {page}"


def test_outline_destinations_are_the_contents_pages(student_pdf):
    reader = pypdf.PdfReader(BytesIO(student_pdf))
    flat: list = []

    def walk(items) -> None:
        for item in items:
            walk(item) if isinstance(item, list) else flat.append(item)

    walk(reader.outline)
    pages = [reader.get_destination_page_number(item) + 1 for item in flat]
    assert pages == [page for _, page in contents_entries(student_pdf)]


def test_contents_entries_are_links(student_pdf):
    reader = pypdf.PdfReader(BytesIO(student_pdf))
    contents_page = next(p for p in reader.pages
                         if re.search(r"^\s*Contents\s*$", p.extract_text(extraction_mode="layout"), re.M))
    links = [a.get_object() for a in contents_page.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= len(contents_entries(student_pdf))


def test_metadata_and_language(student_pdf):
    reader = pypdf.PdfReader(BytesIO(student_pdf))
    meta = reader.metadata
    assert meta.title == "Fixture study pack"
    assert meta.author == "Study Pack Team"
    assert meta.subject == "The Lantern Field by A. N. Author"
    assert "lantern" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert meta["/CreationDate"].startswith("D:20231114")  # from RenderOptions.epoch


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))])
def test_page_size(classic, paper, size):
    data = render_pdf(sample_document(), classic, RenderOptions(paper=paper))
    for page in pypdf.PdfReader(BytesIO(data)).pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == size


def test_page_footer_counts_all_pages(student_pdf):
    texts = page_texts(student_pdf)
    total = len(texts)
    for number, text in enumerate(texts[1:], start=2):  # the cover carries no page number
        assert f"Page {number} of {total}" in text


def test_running_heads(student_pdf):
    reader = pypdf.PdfReader(BytesIO(student_pdf))
    tops = [p.extract_text(extraction_mode="layout").lstrip().split("\n")[0] for p in reader.pages]
    continued = [top for page, top in zip(reader.pages, tops, strict=True) if "Chapter 8" in page.extract_text()]
    assert continued and all(top.startswith("Timeline") for top in continued)
    assert all(top.endswith("The Lantern Field") for top in tops[1:5])


def test_identical_bytes_on_two_renders(classic):
    first = render_pdf(sample_document("teacher"), classic, OPTIONS)
    second = render_pdf(sample_document("teacher"), classic, OPTIONS)
    assert first == second


# --------------------------------------------------------------------------- tests: content


def test_cover_and_blank_name_lines(student_pdf):
    cover = squash(page_texts(student_pdf)[0])
    for words in ("The Lantern Field", "A. N. Author", "Fixture study pack", "STUDENT EDITION", "Name", "Class"):
        assert words in cover


def test_personalised_copies_name_their_own_pupil_everywhere(classic):
    alice, bo = render_pdf_copies(sample_document(), classic, OPTIONS, [("Alice Smith", "11B"), ("Bo Li", "")])
    texts = page_texts(alice)
    assert "Alice Smith" in texts[0] and "11B" in texts[0]  # the cover
    worksheet = next(t for t in texts if "Worksheet A: the field" in t and "Name" in t)
    assert "Alice Smith" in worksheet  # the worksheet's name box
    assert all("Alice Smith \u00b7 11B" in t for t in texts)  # the footer of every page
    bo_texts = page_texts(bo)
    assert len(bo_texts) == len(texts)  # one layout for both
    assert all("Bo Li" in t and "Alice" not in t for t in bo_texts)


def test_teacher_edition_has_answers_and_says_so_on_every_page(teacher_pdf):
    texts = page_texts(teacher_pdf)
    assert all("Teacher edition" in t or "TEACHER EDITION" in t for t in texts)
    joined = squash(" ".join(texts))
    assert ANSWER_TEXT in joined and "Mark scheme" in joined and "Mentions silence" in joined


def test_student_edition_prints_no_answers(student_pdf):
    joined = squash(" ".join(page_texts(student_pdf)))
    assert ANSWER_TEXT not in joined
    assert "Mentions silence" not in joined and "Mark scheme" not in joined
    assert "Teacher edition" not in joined


def test_worksheet_question_furniture(student_pdf):
    joined = squash(" ".join(page_texts(student_pdf)))
    for words in ("[2 marks]", "[1 mark]", "AO1 · AO2", "A Jon", "B Mara", "D Nobody",
                  "Write the letter of the matching item", "Write 1 to 3 in the boxes"):
        assert words in joined


def test_each_card_is_whole_on_one_page(student_pdf):
    texts = [squash(t) for t in page_texts(student_pdf)]
    for card in sample_cards().cards:
        quote = squash(card.quote)
        assert sum(quote in t for t in texts) == 1, card.anchor


def test_card_backs_follow_fronts_in_mirrored_columns(student_pdf):
    texts = page_texts(student_pdf)
    front = next(i for i, t in enumerate(texts) if "Card 1\n" in t or "Card 1 " in t and "Card quote 1" in t)
    assert front % 2 == 0, "card fronts start on an odd (right-hand) page"
    back = texts[front + 1]
    assert back.index("Card 2 · back") < back.index("Card 1 · back")


def test_markup_characters_print_literally(student_pdf):
    joined = squash(" ".join(page_texts(student_pdf)))
    assert "a < b & c, and </p> stays text." in joined


def test_unverified_quotes_are_labelled(student_pdf):
    joined = squash(" ".join(page_texts(student_pdf)))
    assert "(† wording not yet checked)" in joined and "† UNVERIFIED" in joined


def test_huge_paragraph_and_unbreakable_word_render(classic):
    long_paragraph = ir.Paragraph(T(" ".join(["lantern"] * 5000)))
    long_word = ir.Paragraph(T("x" * 300))
    data = render_pdf(minimal_document(long_paragraph, long_word, ir.BlockQuote(T("y" * 300), T("Z"))),
                      classic, OPTIONS)
    assert len(pypdf.PdfReader(BytesIO(data)).pages) > 5


def test_huge_question_card_and_answer_do_not_break_layout(classic):
    essay = "word " * 3000
    question = ir.Question("q1", 1, "extended", T(essay), 30, _answer("q1-a", essay, essay), lines=120)
    sheet = ir.Worksheet("ws-big", T("Big"), (question,))
    cards = ir.CardSet((ir.Card("c1", essay, "Mara", 1, back=(essay,)),), with_backs=True)
    doc = minimal_document(sheet, cards)
    render_pdf(replace(doc, meta=replace(doc.meta, edition="teacher")), classic, OPTIONS)


def test_every_anchor_can_be_a_link_target(classic):
    doc = sample_document("teacher")
    links = tuple(ir.Link(anchor, T(anchor), "section") for anchor in sorted(anchors(doc)))
    extra = ir.Section("links", "Links", "context", (ir.Paragraph(links),), running_head="Links")
    render_pdf(replace(doc, sections=(*doc.sections, extra)), classic, OPTIONS)  # no undefined destination
    student = replace(doc, meta=replace(doc.meta, edition="student"), sections=(*doc.sections, extra))
    data = render_pdf(student, classic, OPTIONS)
    assert "ws-a-q1-answer" in squash(" ".join(page_texts(data)))  # printed as text, not a dead link


@pytest.mark.parametrize("style_name", ["hyperlegible", "large-print"])
def test_other_styles_render(style_name):
    data = render_pdf(sample_document("teacher"), load_style(style_name), RenderOptions(paper="letter"))
    assert contents_entries(data)


def test_emphasis_follows_the_style():
    doc = minimal_document(ir.Paragraph((ir.Text("A "), ir.Emph(T("stressed")), ir.Text(" word."))))

    def font_names(style_name: str) -> set[str]:
        pdf = pikepdf.open(BytesIO(render_pdf(doc, load_style(style_name), OPTIONS)))
        return {str(o.BaseFont) for o in pdf.objects
                if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"}

    assert any("Italic" in name for name in font_names("classic"))
    assert not any("Italic" in name for name in font_names("hyperlegible"))  # bold instead


def test_hyphenation_only_where_the_style_asks(classic):
    words = ["remembering", "circumstances", "understanding", "responsibility", "extraordinary",
             "carefully", "the", "a", "of", "conversation", "particularly", "uncomfortable", "Hailsham",
             "guardians", "they", "were", "told"]
    prose = " ".join(words[(i * i + 3 * i) % len(words)] for i in range(600))
    doc = minimal_document(ir.Paragraph(T(prose)))
    hyphenated = "\n".join(page_texts(render_pdf(doc, classic, OPTIONS)))
    plain = "\n".join(page_texts(render_pdf(doc, load_style("hyperlegible"), OPTIONS)))
    assert re.search(r"[a-z]-\n", hyphenated)
    assert not re.search(r"[a-z]-\n", plain)


def test_page_colour_is_painted():
    data = render_pdf(minimal_document(ir.Paragraph(T("Cream."))), load_style("hyperlegible"), OPTIONS)
    pdf = pikepdf.open(BytesIO(data))
    assert b".984314 .972549 .937255 rg" in pdf.pages[1].Contents.read_bytes()  # #fbf8ef behind the text


# --------------------------------------------------------------------------- the real pack


@pytest.fixture(scope="module")
def real_pack():
    from nlmg_pack.build import make_document
    from nlmg_pack.packs import Overrides, load_pack

    doc, style = make_document(load_pack("full", Overrides()))
    teacher = replace(doc, meta=replace(doc.meta, edition="teacher"))
    return doc, render_pdf(doc, style, OPTIONS), render_pdf(teacher, style, OPTIONS)


@pytest.mark.slow
def test_real_pack_contents_outline_and_fonts(real_pack):
    doc, student, _ = real_pack
    entries = contents_entries(student)
    assert [title for title, _ in entries] == outline_titles(student)
    texts = [squash(t) for t in page_texts(student)]
    for title, page in entries:
        assert squash(title) in texts[page - 1], f"{title!r} is not on page {page}"
    printed = [s.title for s in doc.sections]
    assert [t for t, _ in entries if t in printed] == printed
    test_every_font_is_embedded_subset_truetype(student, student)


@pytest.mark.slow
def test_real_pack_cards_are_whole_and_answers_only_for_teachers(real_pack):
    doc, student, teacher = real_pack
    texts = [squash(t) for t in page_texts(student)]
    cards = next(b for s in doc.sections for b in s.blocks if isinstance(b, ir.CardSet))
    for number, card in enumerate(cards.cards, start=1):
        label = re.compile(rf"\bCard {number}\b(?! ·)")
        pages = [t for t in texts if label.search(t)]
        assert len(pages) == 1 and squash(card.quote) in pages[0], card.anchor
    questions = [q for s in doc.sections for b in ir.walk_blocks(s.blocks) if isinstance(b, ir.Worksheet)
                 for q in b.questions]
    answers = [squash(ir.plain(q.answer.content)) for q in questions if len(ir.plain(q.answer.content)) > 40]
    teacher_texts = page_texts(teacher)
    teacher_text = squash(" ".join(teacher_texts))
    student_text = " ".join(texts)
    assert answers and all(a[:40] in teacher_text for a in answers)
    assert not any(a[:40] in student_text for a in answers)
    assert all("Teacher edition" in t or "TEACHER EDITION" in t for t in teacher_texts)


# --------------------------------------------------------------------------- looking at it


def main(out_dir: str) -> None:
    """Write the sample document in every style, edition and paper, to open and look at."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for style_name in ("classic", "hyperlegible", "large-print"):
        style = load_style(style_name)
        for edition in ("student", "teacher"):
            for paper in ("a4", "letter"):
                data = render_pdf(sample_document(edition), style, RenderOptions(paper=paper))
                (out / f"{style_name}-{edition}-{paper}.pdf").write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sample-pdfs")
