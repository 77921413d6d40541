"""Theme essays and the shorter motif and symbol entries."""

from __future__ import annotations

from .. import ir
from .. import model as m
from ..select import Selection
from ..typography import smarten
from .common import Prose, anchor, labelled, link, lookup, quote_block

INTROS = {
    "theme": "Each essay follows one of the novel's big ideas through the book, with the chapters "
             "where it matters most and the quotations that carry it.",
    "symbol": "Objects, places and images that come back again and again, and what they come to mean.",
}


def to_sections(sel: Selection, prose: Prose, kind: str) -> tuple[ir.Section, ...]:
    chosen = [t for t in sel.content.themes if t.kind == kind]
    if not chosen:
        return ()
    title = "Themes" if kind == "theme" else "Motifs and symbols"
    return (ir.Section(id="themes" if kind == "theme" else "symbols", title=title,
                       kind="themes" if kind == "theme" else "symbols",
                       blocks=tuple(_entry(sel, prose, t) for t in chosen), running_head=title,
                       intro=ir.text(INTROS[kind])),)


def _entry(sel: Selection, prose: Prose, t: m.Theme) -> ir.Group:
    blocks: list[ir.Block] = [ir.Paragraph(prose(t.summary), role="lead", src=t.src)]
    blocks.extend(ir.Paragraph(prose(p), src=t.src) for p in t.essay)
    quotes = lookup(sel.content).quotes
    cited = [quotes[q] for q in t.quotes if q in quotes]
    if cited:
        blocks.append(ir.Heading(3, ir.text("Quotations to use"), f"{anchor('theme', t.id)}-quotes"))
        blocks.extend(quote_block(sel, q) for q in cited)
    chapters = ", ".join(str(n) for n in sorted(t.chapters) if n <= sel.cutoff)
    blocks.append(ir.Paragraph(labelled("Key chapters", ir.text(chapters)), role="meta", src=t.src))
    related = _related(sel, t)
    if related:
        blocks.append(ir.Paragraph(labelled("See also", related), role="meta"))
    return ir.Group(anchor=anchor("theme", t.id), title=ir.text(smarten(t.title)), blocks=tuple(blocks),
                    layout="flow", role=t.kind, src=t.src)


def _related(sel: Selection, t: m.Theme) -> ir.Inlines:
    """Other entries that share at least two of this entry's quotations or chapters."""
    mine = set(t.chapters)
    nodes: list[ir.Inline] = []
    for other, chapters in lookup(sel.content).theme_chapters:
        if other.id != t.id and other.kind != t.kind and len(mine & chapters) >= 3:
            if nodes:
                nodes.append(ir.Text(", "))
            nodes.append(link("theme", other.id, other.title))
    return tuple(nodes)
