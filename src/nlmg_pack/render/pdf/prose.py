"""Prose building blocks shared by every layout: inline text, paragraphs, headings, set-off
quotations and lists."""

from __future__ import annotations

from reportlab.platypus import Flowable, Indenter, Paragraph, Spacer, Table
from reportlab.platypus.tables import TableStyle

from ... import ir
from .markup import anchor_tag, esc, inline
from .styles import Kit
from .widgets import Para

QUOTE_INDENT = 14.0


def text(kit: Kit, inlines: ir.Inlines) -> str:
    return inline(inlines, kit.style.emphasis, kit.targets)


def para(kit: Kit, markup: str, style: str, anchor: str = "", **attrs) -> Paragraph:
    flowable = Para(anchor_tag(anchor) + markup, kit.para[style])
    for key, value in attrs.items():
        setattr(flowable, key, value)
    return flowable


def heading(kit: Kit, level: int, content: ir.Inlines, anchor: str, toc_level: int | None = None,
            running_head: str | None = None) -> Paragraph:
    """A heading; with ``toc_level`` it becomes a contents entry and an outline item."""
    style = f"h{min(max(level, 1), 3)}"
    toc = (toc_level, ir.plain(content), anchor) if toc_level is not None and anchor else None
    return para(kit, text(kit, content), style, anchor, toc_entry=toc, running_head=running_head)


def _ruled_cell(content: list[Flowable], kit: Kit, width: float, rule_width: float = 2.0,
                pad: float = 10.0) -> Table:
    """One cell with a gray rule down its left side; splits inside long content."""
    table = Table([[content]], colWidths=[width], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LINEBEFORE", (0, 0), (0, -1), rule_width, kit.palette.rule),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("FONTNAME", (0, 0), (-1, -1), kit.fonts.body.regular),
    ]))
    return table


def blockquote(q: ir.BlockQuote, kit: Kit, width: float | None = None) -> list[Flowable]:
    """A quotation set off: indented, a rule at its left, attribution below it."""
    attribution = text(kit, q.attribution)
    if not q.verified:
        # The same words as the EPUB (and the quote bank's own key to the dagger).
        attribution += (" " if attribution else "") + "<b>(\u2020\u00a0wording not yet checked)</b>"
    content: list[Flowable] = [para(kit, text(kit, q.content), "quote", q.anchor)]
    if attribution:
        content.append(para(kit, "\u2014\u00a0" + attribution if q.attribution else attribution, "attribution"))
    avail = (width or kit.geo.frame_w) - QUOTE_INDENT
    return [Spacer(1, 4), Indenter(left=QUOTE_INDENT), _ruled_cell(content, kit, avail),
            Indenter(left=-QUOTE_INDENT), Spacer(1, kit.style.paragraph_space + 2)]


def item_list(items: tuple[ir.Inlines, ...], kit: Kit, ordered: bool, style: str = "item") -> list[Flowable]:
    out: list[Flowable] = []
    for number, item in enumerate(items, start=1):
        bullet = f"{number}." if ordered else "\u2022"
        out.append(Para(text(kit, item), kit.para[style], bulletText=bullet))
    if out:
        out.append(Spacer(1, kit.style.paragraph_space / 2))
    return out


def plain_para(kit: Kit, value: str, style: str) -> Paragraph:
    return Para(esc(value), kit.para[style])
