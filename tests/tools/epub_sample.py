"""A small hand-made document (IR) that uses every block type, for the EPUB tests and demos.

The book is fictional ("The Lantern Year" by A. N. Author) so the tests prove nothing is tied
to one novel. Text deliberately contains markup-like characters ('<', '&', '</p>') that must
come out literally.
"""

from __future__ import annotations

from dataclasses import replace

from nlmg_pack import ir
from nlmg_pack.links import prune_links

T = ir.text
TRICKY = "Use <b> & </p> literally: 3 < 4 && \"quotes\" stay."


def _link(target: str, label: str, kind: ir.LinkKind) -> ir.Link:
    return ir.Link(target, (ir.Text(label),), kind)


def meta(edition: ir.Edition = "student") -> ir.Meta:
    return ir.Meta(
        title="The Lantern Year: a study pack" + (" (teacher edition)" if edition == "teacher" else ""),
        book_title="The Lantern Year", book_author="A. N. Author", language="en-GB", edition=edition,
        identifier="urn:uuid:6f1c2d4e-1a2b-5c3d-8e4f-0123456789ab", creator="Study Pack Team",
        publisher="nlmg-pack tests", date="2024-05-01", modified="2024-05-01T12:00:00Z",
        subject="English literature", keywords=("study guide",), rights="CC BY 4.0",
        up_to_chapter=9)


def _intro() -> ir.Section:
    return ir.Section("intro", "How to use this pack", "intro", (
        ir.Paragraph(T("Read a chapter, then use the timeline and the quotations."), "lead"),
        ir.Paragraph((ir.Text("Start with "), _link("char-mira", "Mira", "character"), ir.Text(", then read about "),
                      _link("theme-light", "light", "theme"), ir.Text(" and the word "),
                      _link("term-lamplighter", "lamplighter", "term"), ir.Text("."))),
        ir.Paragraph(T(TRICKY), "note"),
        ir.Paragraph((ir.Emph(T("Spoilers:")), ir.Text(" this pack stops at chapter 9.")), "caution"),
    ), intro=T("What is in this pack & how to use it."))


def _characters() -> ir.Section:
    mira = ir.Group("char-mira", T("Mira"), (
        ir.DefinitionList((ir.Definition(T("Role"), T("Narrator")),
                           ir.Definition(T("First seen"), T("Chapter 1"))), role="facts"),
        ir.Paragraph((ir.Text("Mira keeps the lamps. "), ir.Strong(T("She remembers.")),
                      ir.Text(" See "), _link("quote-dark-water", "her words", "quote"), ir.Text("."))),
        ir.Heading(3, T("Relationships"), "char-mira-relationships"),
        ir.ItemList((T("Tobin: brother"), (_link("char-tobin", "Tobin", "character"), ir.Text(" again")))),
        ir.BlockQuote(T("The water was dark, and I was not afraid."), T("Mira, chapter 2")),
    ), level=2, layout="page", role="character")
    tobin = ir.Group("char-tobin", T("Tobin"), (ir.Paragraph(T("Mira's brother.")),), level=2, role="character")
    return ir.Section("characters", "Characters", "characters", (mira, tobin))


def _timeline() -> ir.Section:
    chapter = ir.Group("event-ch1", T("Chapter 1"), (ir.Paragraph(T("The lamps are lit.")),), level=3, layout="keep")
    part = ir.Group("part-1", T("Part One: Autumn"), (chapter,), level=2)
    return ir.Section("timeline-part-1", "Timeline: Part One", "timeline", (part,), part=1)


def _quotes() -> ir.Section:
    entry = ir.Group("quote-entry-dark-water", T("“The water was dark”"), (
        ir.BlockQuote(T("The water was dark, and I was not afraid."), T("Mira, chapter 2"), anchor="quote-dark-water"),
        ir.Paragraph(T("Chapter 2 · the harbour"), "meta"),
        ir.Paragraph((ir.Text("Links to "), _link("theme-light", "light", "theme"), ir.Text("."))),
    ), level=3, layout="keep")
    odd = ir.BlockQuote(T("Tea & <biscuits>"), T("Tobin, chapter 3"), anchor="quote-tea", verified=False)
    return ir.Section("quotes", "Quotations", "quotes", (entry, odd))


def _themes() -> ir.Section:
    light = ir.Group("theme-light", T("Light"), (
        ir.Paragraph((ir.Text("Light stands for memory; compare "), _link("quote-tea", "Tobin's joke", "quote"),
                      ir.Text("."))),), level=2, role="theme")
    return ir.Section("themes", "Themes", "themes", (light,))


def _cards() -> ir.Section:
    cards = ir.CardSet((
        ir.Card("card-dark-water", "The water was dark, and I was not afraid.", "Mira", 2, ("light", "fear"),
                ("What does the dark water stand for?", "Why is she not afraid?")),
        ir.Card("card-tea", "Tea & <biscuits>", "Tobin", 3, verified=False),
    ), with_backs=True)
    return ir.Section("cards", "Quote cards", "cards", (cards,))


def _question(n: int, qtype: ir.QuestionType, prompt: str, answer: str, **kw) -> ir.Question:
    anchor = f"ws-one-q{n}"
    points = kw.pop("points", ())
    return ir.Question(anchor, n, qtype, T(prompt), kw.pop("marks", 1),
                       ir.Answer(f"{anchor}-answer", T(answer), tuple(T(p) for p in points)), **kw)


def _worksheets() -> ir.Section:
    extract = ir.BlockQuote(T("The water was dark, and I was not afraid."), T("Mira, chapter 2"))
    questions = (
        _question(1, "short", "Who keeps the lamps?", "Mira", lines=2),
        _question(2, "choice", "Which season opens the book?", "B", options=("Spring", "Autumn", "Winter")),
        _question(3, "true-false", "True or false? Tobin is Mira's brother.", "True"),
        _question(4, "sequence", "Put the events in order.", "B, A",
                  items=("The harbour", "The lamps are lit")),
        _question(5, "match", "Match each character to a role.", "1 A, 2 B",
                  match_left=("Mira", "Tobin"), match_right=("Narrator", "Brother")),
        _question(6, "extended", "How does the writer present fear & courage?", "A developed answer…",
                  marks=8, ao=("AO1", "AO2"), extract=extract, lines=12,
                  points=("Mira's calm tone: 'not afraid' (AO2)", "Use <evidence> & context (AO1)")),
    )
    sheet = ir.Worksheet("ws-one", T("Worksheet 1: Chapters 1–3"), questions,
                         instructions=T("Answer every question."), subtitle=T("AQA-style practice"),
                         total_marks=14)
    return ir.Section("worksheet-one", "Worksheet 1", "worksheets", (sheet,))


def _glossary() -> ir.Section:
    return ir.Section("glossary", "Glossary", "glossary", (
        ir.DefinitionList((ir.Definition(T("lamplighter"), T("A person who lights the harbour lamps."),
                                         anchor="term-lamplighter"),)),))


def _figures() -> ir.Section:
    graphic = ir.Graphic(300, 120, (
        ir.GRect(10, 10, 120, 40, fill=0.9, radius=4),
        ir.GText(70, 35, "Mira", size=10, bold=True, align="middle"),
        ir.GLine(130, 30, 170, 30, ir.Stroke(0.3, 1.0, (3, 2))),
        ir.GCircle(210, 30, 20, fill=None),
        ir.GText(210, 34, "Tobin & co", size=8, align="middle", font="body", italic=True),
        ir.GPolygon(((10, 100), (60, 80), (110, 100)), closed=False),
    ))
    fig = ir.Figure("fig-family", T("Family tree"), graphic, "Mira is linked to her brother Tobin.",
                    caption=T("How the characters are related."),
                    equivalent=(ir.ItemList((T("Mira — narrator"), T("Tobin — her brother"))),))
    return ir.Section("figures", "Diagrams", "figures", (fig,))


def sample_document(edition: ir.Edition = "student") -> ir.Document:
    doc = ir.Document(meta(edition), (
        _intro(), _characters(), _timeline(), _themes(), _quotes(), _cards(), _worksheets(), _glossary(),
        _figures()))
    return prune_links(doc)


def teacher_document() -> ir.Document:
    doc = sample_document("teacher")
    return replace(doc, meta=meta("teacher"))
