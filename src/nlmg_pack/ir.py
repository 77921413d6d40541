"""The document model (IR): what a study pack says, independent of PDF or EPUB.

Section modules build it from the content model; renderers read it and the Style, nothing
else. It is a closed set of frozen dataclasses: a renderer handles every block type listed in
``Block`` and may assume no others exist. Every node that comes from content carries ``src``
(the YAML position it was made from) so a layout problem can be reported as ``path:line``.

Text in the IR is already typographic (curly quotes, dashes) and *unescaped*: renderers escape
it for their own markup language.

Anchors are document-wide unique ids (``char-tommy``, ``quote-told-and-not-told``); a ``Link``
only ever points at an anchor present in the document (``links.prune_links`` enforces this after
composition, so filtered-out targets print as plain text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------- positions


@dataclass(frozen=True)
class Src:
    """Where a node came from: a content file and a 1-based line (0 = generated)."""

    path: str = ""
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


NO_SRC = Src()

# --------------------------------------------------------------------------- inline content


@dataclass(frozen=True)
class Text:
    """Literal text (never markup)."""

    text: str


@dataclass(frozen=True)
class Emph:
    """Emphasis: italic in most styles, bold where the style forbids italics."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    """Strong importance: bold."""

    children: tuple[Inline, ...]


LinkKind = Literal["character", "quote", "theme", "term", "event", "answer", "question", "section"]


@dataclass(frozen=True)
class Link:
    """An internal cross-reference to ``target`` (an anchor id in this document)."""

    target: str
    children: tuple[Inline, ...]
    kind: LinkKind


Inline = Text | Emph | Strong | Link
Inlines = tuple[Inline, ...]


def plain(inlines: Inlines) -> str:
    """The text of inline content with all formatting and links dropped."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        else:
            out.append(plain(node.children))
    return "".join(out)


def text(value: str) -> Inlines:
    """Inline content for a plain string."""
    return (Text(value),) if value else ()


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (level 2 = subsection, 3 = sub-subsection)."""

    level: int
    content: Inlines
    anchor: str
    src: Src = NO_SRC


ParagraphRole = Literal["body", "lead", "meta", "note", "caution"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. ``role``: body text; lead (introductory, larger); meta (small print such as
    'Chapter 7 · Hailsham'); note (an aside); caution (a spoiler or accuracy warning)."""

    content: Inlines
    role: ParagraphRole = "body"
    src: Src = NO_SRC


@dataclass(frozen=True)
class BlockQuote:
    """A quotation set off from the text, with its attribution (speaker, chapter).
    ``anchor`` is set only where this is *the* entry for a quote in the quote bank."""

    content: Inlines
    attribution: Inlines
    anchor: str = ""
    verified: bool = True
    src: Src = NO_SRC


@dataclass(frozen=True)
class ItemList:
    """A bulleted (or numbered) list; each item is inline content."""

    items: tuple[Inlines, ...]
    ordered: bool = False
    src: Src = NO_SRC


@dataclass(frozen=True)
class Definition:
    """One term and its definition; ``anchor`` makes the term a link target."""

    term: Inlines
    definition: Inlines
    anchor: str = ""
    src: Src = NO_SRC


@dataclass(frozen=True)
class DefinitionList:
    """Terms with definitions. ``role`` 'facts' is a compact key/value panel (Role: …)."""

    items: tuple[Definition, ...]
    role: Literal["glossary", "facts"] = "glossary"
    src: Src = NO_SRC


GroupLayout = Literal["flow", "page", "keep"]


@dataclass(frozen=True)
class Group:
    """A titled unit inside a section: a character sheet, a chapter of the timeline, a theme
    essay, one quote entry. ``layout``: 'page' starts a new printed page (and fills it);
    'keep' must not be split across pages if it fits on one; 'flow' may split anywhere.
    ``level`` is its heading level (2 or 3)."""

    anchor: str
    title: Inlines
    blocks: tuple[Block, ...]
    level: int = 2
    layout: GroupLayout = "flow"
    role: str = ""
    src: Src = NO_SRC


@dataclass(frozen=True)
class Card:
    """One cut-out quote card. ``back`` holds prompts printed on the card's reverse side."""

    anchor: str
    quote: str
    speaker: str
    chapter: int
    themes: tuple[str, ...] = ()
    back: tuple[str, ...] = ()
    verified: bool = True
    src: Src = NO_SRC


@dataclass(frozen=True)
class CardSet:
    """Cut-out cards. ``with_backs``: print each sheet's reverse (the ``back`` prompts) on the
    next page, mirrored so that double-sided printing lines up."""

    cards: tuple[Card, ...]
    with_backs: bool = False
    src: Src = NO_SRC


QuestionType = Literal["short", "extended", "choice", "true-false", "sequence", "match"]


@dataclass(frozen=True)
class Answer:
    """The answer to a question: ``content`` is the model answer or the key ('B', 'True', the
    right order); ``points`` are mark-scheme notes (indicative content, level hints).
    Renderers decide where it appears (see ``Meta.edition``)."""

    anchor: str
    content: Inlines
    points: tuple[Inlines, ...] = ()


@dataclass(frozen=True)
class Question:
    """One numbered question. Display order of ``options``, ``items`` and the two match
    columns is final (already shuffled by the composer). ``lines`` is the number of write-on
    lines to print for a written answer (0 for none)."""

    anchor: str
    number: int
    qtype: QuestionType
    prompt: Inlines
    marks: int
    answer: Answer
    lines: int = 0
    ao: tuple[str, ...] = ()
    extract: BlockQuote | None = None
    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    match_left: tuple[str, ...] = ()
    match_right: tuple[str, ...] = ()
    src: Src = NO_SRC


@dataclass(frozen=True)
class Worksheet:
    """A worksheet: a header for name/class/date, instructions, numbered questions.
    ``subtitle`` carries e.g. the exam board line; ``total_marks`` is the sum of marks."""

    anchor: str
    title: Inlines
    questions: tuple[Question, ...]
    instructions: Inlines = ()
    subtitle: Inlines = ()
    total_marks: int = 0
    header_fields: tuple[str, ...] = ("Name", "Class", "Date")
    src: Src = NO_SRC


# ---- figures: one description, drawn by both renderers (coordinates in points, y downwards)


@dataclass(frozen=True)
class Stroke:
    """Line style. ``gray`` 0 = black … 1 = white; ``dash`` () = solid."""

    gray: float = 0.0
    width: float = 0.75
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class GLine:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: Stroke = Stroke()


@dataclass(frozen=True)
class GRect:
    x: float
    y: float
    w: float
    h: float
    stroke: Stroke | None = Stroke()
    fill: float | None = None  # gray level, None = no fill
    radius: float = 0.0


@dataclass(frozen=True)
class GCircle:
    cx: float
    cy: float
    r: float
    stroke: Stroke | None = Stroke()
    fill: float | None = None


@dataclass(frozen=True)
class GPolygon:
    points: tuple[tuple[float, float], ...]
    stroke: Stroke | None = Stroke()
    fill: float | None = None
    closed: bool = True


@dataclass(frozen=True)
class GText:
    """A text label; (x, y) is the baseline point; ``align`` says which end x refers to.
    ``font`` 'body' or 'heading' selects the style's family."""

    x: float
    y: float
    text: str
    size: float = 8.0
    bold: bool = False
    italic: bool = False
    align: Literal["start", "middle", "end"] = "start"
    gray: float = 0.0
    font: Literal["body", "heading"] = "heading"


Shape = GLine | GRect | GCircle | GPolygon | GText


@dataclass(frozen=True)
class Graphic:
    """A vector drawing of ``width`` × ``height`` points."""

    width: float
    height: float
    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class Figure:
    """A diagram plus its text alternative. ``alt`` is a one-sentence description;
    ``equivalent`` holds blocks (lists, definition lists) that say everything the picture
    shows, for screen readers and for readers who prefer text."""

    anchor: str
    title: Inlines
    graphic: Graphic
    alt: str
    caption: Inlines = ()
    equivalent: tuple[Block, ...] = ()
    src: Src = NO_SRC


Block = (
    Heading | Paragraph | BlockQuote | ItemList | DefinitionList | Group | CardSet | Worksheet | Figure
)

# --------------------------------------------------------------------------- document

SectionKind = Literal[
    "intro", "context", "timeline", "characters", "themes", "symbols", "quotes",
    "cards", "worksheets", "glossary", "figures", "answers",
]


@dataclass(frozen=True)
class Section:
    """A top-level section: a new page in the PDF, its own spine document in the EPUB.
    ``id`` is a safe slug (used for file names); ``running_head`` is the short title for page
    headers; ``part`` is set when the section covers one Part of the book."""

    id: str
    title: str
    kind: SectionKind
    blocks: tuple[Block, ...]
    running_head: str = ""
    intro: Inlines = ()
    part: int | None = None


Edition = Literal["student", "teacher"]


@dataclass(frozen=True)
class Meta:
    """Document metadata. ``title`` is the pack's title; ``book_title``/``book_author`` name the
    novel (its author is the *subject*, ``creator`` is the pack's author). ``date`` is ISO
    (YYYY-MM-DD); ``modified`` is an ISO timestamp derived from SOURCE_DATE_EPOCH. A pupil's
    name is not part of the document: personalised copies are made from it by the PDF renderer
    (``render_pdf_copies``), so that one layout serves a whole class."""

    title: str
    book_title: str
    book_author: str
    language: str
    edition: Edition
    identifier: str
    creator: str
    publisher: str
    date: str
    modified: str
    subject: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()
    rights: str = ""
    up_to_chapter: int | None = None


@dataclass(frozen=True)
class Document:
    meta: Meta
    sections: tuple[Section, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- traversal


def walk_blocks(blocks: tuple[Block, ...]):
    """Yield every block, depth first (Group contents and Figure equivalents included)."""
    for block in blocks:
        yield block
        if isinstance(block, Group):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, Figure):
            yield from walk_blocks(block.equivalent)
