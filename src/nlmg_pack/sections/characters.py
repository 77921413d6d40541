"""Character sheets: a page per main character, then the minor figures in one list."""

from __future__ import annotations

from .. import ir
from .. import model as m
from ..select import Selection
from ..typography import smarten
from .common import Prose, anchor, chapter_ref, labelled, link, lookup, quote_block


def to_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    full = [c for c in sel.content.characters if c.kind == "full"]
    minor = [c for c in sel.content.characters if c.kind == "minor"]
    blocks: list[ir.Block] = [_sheet(sel, prose, c) for c in full]
    if minor:
        blocks.append(ir.Group(
            anchor="characters-minor", title=ir.text("Other characters"), layout="flow", role="characters",
            blocks=(ir.DefinitionList(tuple(_minor(sel, prose, c) for c in minor)),)))
    if not blocks:
        return ()
    return (ir.Section(id="characters", title="Characters", kind="characters", blocks=tuple(blocks),
                       running_head="Characters",
                       intro=ir.text("A sheet for each main character: what they are like, the evidence, "
                                     "how their relationships change, and the quotations to learn.")),)


def _facts(sel: Selection, c: m.Character) -> ir.DefinitionList:
    groups = {g.id: g.title for g in sel.book.groups}
    rows = [("Role", smarten(c.role)), ("First appears", f"Chapter {c.first_chapter}"),
            ("Belongs to", groups.get(c.group, c.group))]
    return ir.DefinitionList(tuple(ir.Definition(ir.text(k), ir.text(v)) for k, v in rows), role="facts", src=c.src)


def _sheet(sel: Selection, prose: Prose, c: m.Character) -> ir.Group:
    blocks: list[ir.Block] = [_facts(sel, c), ir.Paragraph(prose(c.summary), role="lead", src=c.src)]
    if c.traits:
        blocks.append(ir.Heading(3, ir.text("Traits and evidence"), f"{anchor('character', c.id)}-traits"))
        blocks.append(ir.DefinitionList(tuple(
            ir.Definition(ir.text(smarten(t.trait)), with_chapter(prose(t.evidence), t.chapter), src=t.src)
            for t in c.traits)))
    if c.relationships:
        blocks.append(ir.Heading(3, ir.text("Relationships"), f"{anchor('character', c.id)}-relationships"))
        names = lookup(sel.content).names
        blocks.append(ir.DefinitionList(tuple(
            ir.Definition((link("character", r.with_, names.get(r.with_, r.with_)),
                           ir.Text(smarten(f" \u2013 {r.kind}"))),
                          prose(r.note) + (ir.Text(f" (from {chapter_ref(r.chapter)})"),), src=r.src)
            for r in c.relationships)))
    if c.arc:
        parts = {p.number: p.title for p in sel.book.parts}
        blocks.append(ir.Heading(3, ir.text("How they change"), f"{anchor('character', c.id)}-arc"))
        blocks.extend(ir.Paragraph(labelled(parts.get(a.part, f"Part {a.part}"), prose(a.text)), src=a.src)
                      for a in c.arc)
    quotes = lookup(sel.content).quotes
    chosen = [quotes[q] for q in c.quotes if q in quotes]
    if chosen:
        blocks.append(ir.Heading(3, ir.text("Key quotations"), f"{anchor('character', c.id)}-quotes"))
        blocks.extend(quote_block(sel, q) for q in chosen)
    return ir.Group(anchor=anchor("character", c.id), title=ir.text(smarten(c.name)), blocks=tuple(blocks),
                    layout="page", role="character", src=c.src)


def with_chapter(content: ir.Inlines, chapter: int) -> ir.Inlines:
    """Add '(ch. N)' unless the author's text already cites that chapter."""
    if f"ch. {chapter})" in ir.plain(content) or f"chapter {chapter}" in ir.plain(content):
        return content
    return content + (ir.Text(f" ({chapter_ref(chapter)})"),)


def _minor(sel: Selection, prose: Prose, c: m.Character) -> ir.Definition:
    detail = (ir.Emph(ir.text(smarten(c.role))), ir.Text(". ")) + prose(c.summary) + (
        ir.Text(f" (first appears in chapter {c.first_chapter})"),)
    return ir.Definition(ir.text(smarten(c.name)), detail, anchor=anchor("character", c.id), src=c.src)
