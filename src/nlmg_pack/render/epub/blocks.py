"""IR blocks -> semantic XHTML elements (one function per block type).

Semantics chosen for e-readers and screen readers: groups are nested ``<section>``s with
headings that never skip a level; quotations are ``<figure>``s holding a ``<blockquote>`` and a
``<figcaption>`` attribution (HTML puts the attribution outside the quotation, so text-to-speech
reads the quoted words alone); facts and glossaries are ``<dl>``, never tables.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ... import ir
from .svg import svg_element
from .worksheets import worksheet
from .xhtml import Context, append, el, heading, inlines, para, quotation

ROLE_CLASSES = {"body": "", "lead": "lead", "meta": "meta", "note": "note", "caution": "caution"}


def blocks(items: tuple[ir.Block, ...], ctx: Context) -> list[ET.Element]:
    """Render a sequence of blocks in order."""
    out: list[ET.Element] = []
    for block in items:
        out.extend(block_elements(block, ctx))
    return out


def block_elements(block: ir.Block, ctx: Context) -> list[ET.Element]:
    """One IR block as one or more XHTML elements."""
    if isinstance(block, ir.Heading):
        level = min(block.level, ctx.level + 1)
        return [heading(level, {"id": block.anchor}, *inlines(block.content, ctx))]
    if isinstance(block, ir.Paragraph):  # an empty one would only add a blank line
        return [para(block.content, ctx, ROLE_CLASSES[block.role])] if block.content else []
    if isinstance(block, ir.BlockQuote):
        return [quotation(block, ctx)]
    if isinstance(block, ir.ItemList):
        return [item_list(block, ctx)]
    if isinstance(block, ir.DefinitionList):
        return [definition_list(block, ctx)]
    if isinstance(block, ir.Group):
        return [group(block, ctx)]
    if isinstance(block, ir.CardSet):
        return [card_set(block)]
    if isinstance(block, ir.Worksheet):
        return [worksheet(block, ctx)]
    if isinstance(block, ir.Figure):
        return figure(block, ctx)
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the IR is a closed set


def item_list(block: ir.ItemList, ctx: Context) -> ET.Element:
    tag = "ol" if block.ordered else "ul"
    return el(tag, None, *(el("li", None, *inlines(item, ctx)) for item in block.items))


def definition_list(block: ir.DefinitionList, ctx: Context) -> ET.Element:
    dl = el("dl", {"class": block.role})
    for item in block.items:
        dl.append(el("dt", {"id": item.anchor}, *inlines(item.term, ctx)))
        dl.append(el("dd", None, *inlines(item.definition, ctx)))
    return dl


def group(block: ir.Group, ctx: Context) -> ET.Element:
    """A titled unit as a nested <section>; its heading is one level below its container's."""
    level = min(block.level, ctx.level + 1)
    inner = ctx.at(level)
    classes = " ".join(c for c in ("group", block.role, block.layout) if c)
    section = el("section", {"class": classes, "id": block.anchor})
    section.append(heading(level, None, *inlines(block.title, ctx)))
    append(section, blocks(block.blocks, inner))
    return section


def card_set(block: ir.CardSet) -> ET.Element:
    """Quote cards as a list of quotations; a card's back prompts follow it as a list."""
    cards = el("ol", {"class": "cards"})
    for card in block.cards:
        item = el("li", {"class": "card", "id": card.anchor})
        item.append(el("blockquote", None, el("p", None, card.quote)))
        where = f"{card.speaker}, chapter {card.chapter}" if card.speaker else f"Chapter {card.chapter}"
        item.append(el("p", {"class": "card-meta"}, where))
        if card.themes:
            item.append(el("p", {"class": "card-themes"}, "Themes: " + ", ".join(card.themes)))
        if not card.verified:
            item.append(el("p", {"class": "unverified"}, "\u2020 Wording not yet checked against the novel."))
        if card.back:
            item.append(el("p", {"class": "card-back-label"}, "Think about:"))
            item.append(el("ul", {"class": "prompts"}, *(el("li", None, p) for p in card.back)))
        cards.append(item)
    return cards


def figure(block: ir.Figure, ctx: Context) -> list[ET.Element]:
    """A diagram: heading, inline SVG with title/desc, caption, then its text equivalent.

    The equivalent is ordinary XHTML right after the picture (never a collapsed <details>,
    which some reading systems cannot open), and the caption links to it."""
    level = ctx.level + 1
    title_text = ir.plain(block.title)
    text_id = f"{block.anchor}-text"
    wrapper = el("section", {"class": "diagram", "id": block.anchor})
    wrapper.append(heading(level, None, *inlines(block.title, ctx)))
    fig = el("figure", {"class": "diagram"}, svg_element(block.graphic, block.anchor, title_text, block.alt))
    caption = el("figcaption")
    append(caption, inlines(block.caption, ctx))
    if block.equivalent:
        append(caption, [" " if len(caption) or caption.text else None,
                         el("a", {"href": f"#{text_id}"}, "Text version of this figure")])
    if len(caption) or caption.text:
        fig.append(caption)
    wrapper.append(fig)
    if block.equivalent:
        inner = ctx.at(level + 1)
        text = el("section", {"class": "text-equivalent", "id": text_id})
        text.append(heading(level + 1, None, f"Text version: {title_text}"))
        append(text, blocks(block.equivalent, inner))
        wrapper.append(text)
    return [wrapper]
