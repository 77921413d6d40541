"""IR blocks -> reportlab flowables (prose, headings, quotes, lists, groups).

Cards, worksheets and figures have their own modules; this one dispatches to them. Every block
that carries an anchor emits a named destination for it, so links and the outline always land.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreakIfNotEmpty, Spacer, Table
from reportlab.platypus.tables import TableStyle

from ... import ir
from . import cards, figures, worksheets
from .prose import blockquote, heading, item_list, para, plain_para, text
from .styles import Kit
from .widgets import Marker


def section_flowables(section: ir.Section, kit: Kit) -> list[Flowable]:
    """A section from a fresh page: title (contents level 0), intro, blocks."""
    head = section.running_head or section.title
    if section.blocks and all(isinstance(b, ir.CardSet) for b in section.blocks):
        # Card sheets only: no title page in front of them. The title and instructions take
        # the first sheet's top row (cards keep one size, and no paper is wasted).
        marker = Marker(section.id, toc=(0, section.title), running_head=head)
        band = [plain_para(kit, section.title, "h1")]
        if section.intro:
            band.append(para(kit, text(kit, section.intro), "lead"))
        return cards.cardset_flowables(section.blocks, kit, marker, band)
    out: list[Flowable] = [
        PageBreakIfNotEmpty("body"),
        heading(kit, 1, ir.text(section.title), section.id, toc_level=0, running_head=head),
    ]
    if section.intro:
        out.append(para(kit, text(kit, section.intro), "lead"))
    out += blocks_flowables(section.blocks, kit, section.kind, at_section_top=True)
    return out


def blocks_flowables(blocks: tuple[ir.Block, ...], kit: Kit, kind: str,
                     at_section_top: bool = False) -> list[Flowable]:
    out: list[Flowable] = []
    for index, block in enumerate(blocks):
        out += block_flowables(block, kit, kind, first=at_section_top and index == 0)
    return out


def block_flowables(block: ir.Block, kit: Kit, kind: str, first: bool = False) -> list[Flowable]:
    if isinstance(block, ir.Heading):
        return [heading(kit, block.level, block.content, block.anchor)]
    if isinstance(block, ir.Paragraph):
        return [para(kit, text(kit, block.content), block.role if block.role in kit.para else "body")]
    if isinstance(block, ir.BlockQuote):
        return blockquote(block, kit)
    if isinstance(block, ir.ItemList):
        return item_list(block.items, kit, block.ordered)
    if isinstance(block, ir.DefinitionList):
        return facts_panel(block, kit) if block.role == "facts" else glossary(block, kit)
    if isinstance(block, ir.Group):
        return group(block, kit, kind, first)
    if isinstance(block, ir.CardSet):
        return cards.cardset_flowables((block,), kit, None)
    if isinstance(block, ir.Worksheet):
        return worksheets.worksheet_flowables(block, kit, first)
    if isinstance(block, ir.Figure):
        return figures.figure_flowables(block, kit)
    raise TypeError(f"unknown block {type(block).__name__}")  # the IR is closed: a bug if reached


def group(g: ir.Group, kit: Kit, kind: str, first: bool) -> list[Flowable]:
    if kind == "timeline" and g.level >= 3:
        return [timeline_entry(g, kit)]
    title = heading(kit, g.level, g.title, g.anchor, toc_level=1 if g.level == 2 else None)
    body: list[Flowable] = [title, *blocks_flowables(g.blocks, kit, kind)]
    if g.layout == "keep":
        return [KeepTogether(body)]
    if g.layout == "page" and not first:
        return [PageBreakIfNotEmpty(), *body]
    return body


def glossary(dl: ir.DefinitionList, kit: Kit) -> list[Flowable]:
    return [para(kit, f"<b>{text(kit, d.term)}</b>\u2002{text(kit, d.definition)}", "glossary", d.anchor)
            for d in dl.items]


def facts_panel(dl: ir.DefinitionList, kit: Kit) -> list[Flowable]:
    """Key facts as a shaded two-column panel (Role: …, First appears: …)."""
    if not dl.items:
        return []
    term_w = min(kit.geo.frame_w * 0.28, 40 * kit.style.small_size / 3)
    rows = [[para(kit, text(kit, d.term), "facts-term", d.anchor), para(kit, text(kit, d.definition), "facts-def")]
            for d in dl.items]
    table = Table(rows, colWidths=[term_w, kit.geo.frame_w - term_w], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), kit.palette.panel),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 7), ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ("FONTNAME", (0, 0), (-1, -1), kit.fonts.body.regular),
    ]))
    return [table, Spacer(1, kit.style.paragraph_space + 4)]


def timeline_entry(g: ir.Group, kit: Kit) -> Flowable:
    """A chapter of the timeline: its title in a narrow left column, events to the right of a
    gray rule, so a reader can run an eye down the chapters."""
    label_w = max(kit.style.body_size * 5.5, kit.geo.frame_w * 0.17)
    label = para(kit, text(kit, g.title), "label", g.anchor)
    body = blocks_flowables(g.blocks, kit, "timeline-entry") or [Spacer(1, 1)]
    table = Table([[label, body]], colWidths=[label_w, kit.geo.frame_w - label_w], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBEFORE", (1, 0), (1, -1), 1.2, kit.palette.rule),
        ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 8),
        ("LEFTPADDING", (1, 0), (1, -1), 10), ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), kit.fonts.body.regular),
    ]))
    table.keepWithNext = 0
    return KeepTogether([table, Spacer(1, 6)])
