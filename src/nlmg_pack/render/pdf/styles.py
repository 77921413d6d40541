"""The render kit: everything derived once per render from the Style, Meta and paper.

Paragraph styles, colours, page geometry and the hyphenator are built here a single time and
handed to every flowable builder, so no builder creates styles per paragraph. Colours are all
grays (grayscale-safe): meaning is carried by words, boxes and rules, never by colour alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import pyphen
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ... import ir
from ...styles import Style
from .. import RenderOptions
from .fonts import FontSet
from .slots import Slot

PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
QUESTION_INDENT = 24.0  # room for the question number hanging in the left margin of the text


@dataclass(frozen=True)
class Geometry:
    """Page size and the text frame (points; origin bottom left, as in PDF)."""

    page_w: float
    page_h: float
    margin: float

    @property
    def frame_w(self) -> float:
        return self.page_w - 2 * self.margin

    @property
    def frame_h(self) -> float:
        return self.page_h - 2 * self.margin


@dataclass(frozen=True)
class Palette:
    ink: colors.Color
    accent: colors.Color
    rule: colors.Color
    quiet: colors.Color  # secondary text (meta lines, labels): still dark enough to photocopy
    panel: colors.Color  # light fill behind facts panels and notes
    page: colors.Color
    page_is_white: bool


@dataclass(frozen=True)
class Kit:
    """Read-only context for every builder of one render."""

    style: Style
    meta: ir.Meta
    fonts: FontSet
    geo: Geometry
    palette: Palette
    para: dict[str, ParagraphStyle]
    teacher: bool
    targets: frozenset[str]  # anchors that get a destination in this PDF (links to others print as text)
    # Laying out a pack to personalise later: the slots drawn so far, by form name (see slots.py).
    slots: dict[str, Slot] | None = field(default=None, compare=False)
    _sized: dict[tuple[str, float], ParagraphStyle] = field(default_factory=dict, compare=False)

    def sized(self, name: str, size: float) -> ParagraphStyle:
        """A copy of paragraph style ``name`` at ``size`` points (cached: cards shrink text to fit)."""
        key = (name, round(size, 2))
        if key not in self._sized:
            base = self.para[name]
            ratio = base.leading / base.fontSize
            self._sized[key] = ParagraphStyle(f"{name}@{key[1]}", parent=base, fontSize=size,
                                              leading=size * ratio, bulletFontSize=size)
        return self._sized[key]


def _gray(level: float) -> colors.Color:
    return colors.Color(level, level, level)


def make_palette(style: Style) -> Palette:
    return Palette(
        ink=colors.HexColor(style.ink), accent=colors.HexColor(style.accent),
        rule=_gray(style.rule_gray), quiet=_gray(0.3), panel=_gray(0.93),
        page=colors.HexColor(style.page_color), page_is_white=style.page_color.lower() == "#ffffff",
    )


@functools.lru_cache(maxsize=8)
def _hyphenator_for(lang: str) -> Hyphenator:
    return Hyphenator(lang)  # loading a pyphen dictionary takes a tenth of a second: once per process


class Hyphenator:
    """pyphen's word splitter for reportlab's ``hyphenationLang`` (which accepts a callable).

    reportlab deep-copies a paragraph's style when it splits an indented paragraph; copying
    pyphen's whole dictionary each time cost half a second a pack, so copies share this one."""

    def __init__(self, lang: str):
        self._iterate = pyphen.Pyphen(lang=lang).iterate

    def __call__(self, word: str):
        return self._iterate(word)

    def __deepcopy__(self, memo: dict) -> Hyphenator:
        return self


def make_hyphenator(style: Style, language: str) -> Hyphenator | None:
    """A hyphenator for the document language, or None (style off, or no dictionary)."""
    if not style.hyphenate:
        return None
    lang = pyphen.language_fallback(language.replace("-", "_"))
    return _hyphenator_for(lang) if lang else None


def make_kit(doc: ir.Document, style: Style, options: RenderOptions, fonts: FontSet,
             targets: frozenset[str], with_slots: bool = False) -> Kit:
    width, height = PAPER_SIZES[options.paper]
    palette = make_palette(style)
    hyphenator = make_hyphenator(style, doc.meta.language)
    return Kit(style=style, meta=doc.meta, fonts=fonts,
               geo=Geometry(width, height, style.margin_mm * mm), palette=palette,
               para=paragraph_styles(style, fonts, palette, hyphenator),
               teacher=doc.meta.edition == "teacher", targets=targets, slots={} if with_slots else None)


def paragraph_styles(style: Style, fonts: FontSet, pal: Palette,
                     hyphenator: Hyphenator | None) -> dict[str, ParagraphStyle]:
    body, head = fonts.body, fonts.heading
    size, small = style.body_size, style.small_size
    lead = style.leading
    base = ParagraphStyle(
        "base", fontName=body.regular, bulletFontName=body.regular, fontSize=size, leading=size * lead,
        textColor=pal.ink, allowWidows=0, allowOrphans=0, splitLongWords=1,
        hyphenationLang="", embeddedHyphenation=0, uriWasteReduce=0)
    prose = ParagraphStyle("prose", parent=base, spaceAfter=style.paragraph_space,
                           alignment=TA_JUSTIFY if style.align == "justify" else TA_LEFT,
                           hyphenationLang=hyphenator or "")
    sans = ParagraphStyle("sans", parent=base, fontName=head.regular, bulletFontName=head.bold)
    s: dict[str, ParagraphStyle] = {"base": base, "body": prose, "sans": sans}

    def add(name: str, parent: ParagraphStyle, **kw) -> None:
        s[name] = ParagraphStyle(name, parent=parent, **kw)

    add("lead", prose, fontSize=size * 1.12, leading=size * 1.12 * lead, spaceAfter=style.paragraph_space * 1.5)
    add("meta", sans, fontSize=small, leading=small * 1.3, textColor=pal.quiet, spaceAfter=3, keepWithNext=0)
    add("note", prose, fontSize=size * 0.95, leading=size * 0.95 * lead, backColor=pal.panel,
        borderPadding=(4, 6, 5, 6), leftIndent=6, rightIndent=6, spaceBefore=6, spaceAfter=10)
    add("caution", prose, borderWidth=0.9, borderColor=pal.ink, borderPadding=(4, 6, 5, 6),
        leftIndent=7, rightIndent=7, spaceBefore=8, spaceAfter=12)
    for level, hsize, before, after in ((1, style.h1_size, 0, 10), (2, style.h2_size, 14, 6),
                                        (3, style.h3_size, 10, 4)):
        add(f"h{level}", sans, fontName=head.bold, fontSize=hsize, leading=hsize * 1.2, spaceBefore=before,
            spaceAfter=after, keepWithNext=1, textColor=pal.ink)
    add("quote", prose, alignment=TA_LEFT, spaceAfter=2)
    add("attribution", sans, fontSize=small, leading=small * 1.3, alignment=TA_RIGHT, textColor=pal.quiet)
    add("item", prose, leftIndent=16, bulletIndent=4, spaceAfter=3)
    add("glossary", prose, leftIndent=16, firstLineIndent=-16, spaceAfter=5, alignment=TA_LEFT)
    add("facts-term", sans, fontName=head.bold, fontSize=small, leading=small * 1.3)
    add("facts-def", base, fontSize=size * 0.95, leading=size * 0.95 * 1.25)
    add("label", sans, fontName=head.bold, fontSize=small, leading=small * 1.25)
    add("small", sans, fontSize=small, leading=small * 1.25)
    add("small-right", sans, fontSize=small, leading=small * 1.25, alignment=TA_RIGHT)
    add("toc0", sans, fontName=head.bold, fontSize=size, leading=size * 1.3, spaceBefore=7,
        rightIndent=28)
    add("toc1", base, fontSize=size * 0.95, leading=size * 1.25, leftIndent=14, rightIndent=28)
    add("card-quote", base, fontSize=size * 1.3, leading=size * 1.3 * 1.25)
    add("card-prompt", sans, leftIndent=11, bulletIndent=0, leading=size * 1.3, spaceAfter=3)
    add("card-meta", sans, fontName=head.bold, fontSize=small, leading=small * 1.25)
    _worksheet_styles(style, add, sans, s)
    return s


def _worksheet_styles(style: Style, add: Callable, sans: ParagraphStyle, s: dict) -> None:
    """Worksheets are set in the heading family: the clearest face for labels and questions."""
    size, small = style.body_size, style.small_size
    add("ws-title", s["h2"], spaceBefore=0, fontSize=style.h2_size * 1.1, leading=style.h2_size * 1.3)
    add("ws-prompt", sans, leftIndent=QUESTION_INDENT, bulletIndent=0, bulletFontSize=size,
        leading=size * style.leading, spaceBefore=10, spaceAfter=2)
    add("ws-text", sans, leading=size * 1.3)
    add("ws-marks", sans, fontSize=small, leading=small * 1.3, alignment=TA_RIGHT, textColor=s["meta"].textColor,
        spaceAfter=2)
    add("ws-answer", sans, fontSize=size * 0.95, leading=size * 0.95 * 1.35)
    add("ws-point", s["ws-answer"], leftIndent=12, bulletIndent=2, spaceBefore=2)
