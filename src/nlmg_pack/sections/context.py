"""Front matter ("How to use this pack") and the context section (author, film, exam boards)."""

from __future__ import annotations

from .. import ir
from ..select import Selection
from ..typography import smarten
from .common import Prose, labelled

SECTION_BLURBS = {
    "context": "Context: the author, when and how the novel was published, and how the 2010 film differs.",
    "timeline": "Timeline: every chapter's key events, Part by Part, with places, characters and Kathy's age.",
    "characters": "Characters: a sheet for each main character (traits with evidence, relationships, "
                  "how they change, quotations).",
    "themes": "Themes: essays on the big ideas, each citing chapters and quotations.",
    "symbols": "Motifs and symbols: the objects and places that recur, and what they come to mean.",
    "quotes": "Key quotations: each with who says it, when, what is happening, and how it works.",
    "cards": "Quote cards: cut them out and test yourself (prompts on the back).",
    "worksheets": "Worksheets: comprehension, vocabulary, close reading and exam practice, with room to write.",
    "glossary": "Glossary: the novel's own vocabulary and what each word hides.",
    "figures": "Diagrams: the dual timeline, the relationship map and the theme tracker.",
}


def intro_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    book, pack = sel.book, sel.pack
    blocks: list[ir.Block] = [ir.Paragraph((
        ir.Text(smarten(f"This pack is a companion to {book.author}'s ")), ir.Emph(ir.text(book.title)),
        ir.Text(f" ({book.year}) for students and their teachers. Use it alongside the novel, not instead of it.")),
        role="lead")]
    blocks.append(ir.ItemList(tuple(ir.text(smarten(SECTION_BLURBS[s])) for s in pack.sections
                                    if s in SECTION_BLURBS)))
    blocks.extend(_edition_notes(sel))
    blocks.append(ir.Paragraph(labelled("About the quotations", ir.text(smarten(book.edition_note))), role="note"))
    return (ir.Section(id="how-to-use", title="How to use this pack", kind="intro", blocks=tuple(blocks),
                       running_head="How to use this pack"),)


def _edition_notes(sel: Selection) -> list[ir.Block]:
    notes: list[ir.Block] = []
    if sel.cutoff < sel.book.chapters:
        notes.append(ir.Paragraph(labelled("No spoilers", ir.text(
            f"This pack covers chapters 1\u2013{sel.cutoff} only. Nothing that happens or is revealed later "
            "appears in it.")), role="caution"))
    else:
        notes.append(ir.Paragraph(labelled("Spoilers", ir.text(
            "This pack covers the whole novel, including its ending. If you are still reading, ask for a "
            "pack that stops at your chapter.")), role="caution"))
    if sel.pack.edition == "teacher":
        notes.append(ir.Paragraph(labelled("Teacher edition", ir.text(
            "Answers, indicative content and mark-scheme notes follow each question. Do not hand this "
            "edition to students.")), role="note"))
    else:
        notes.append(ir.Paragraph(labelled("Worksheets", ir.text(
            "Write your answers on the lines (in your notebook if you are using the e-book). The marks "
            "show how much detail is expected: roughly one clear, supported point per mark.")), role="note"))
    return notes


def context_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    c = sel.content
    blocks: list[ir.Block] = [
        ir.Group(anchor=f"note-{n.id}", title=ir.text(smarten(n.title)),
                 blocks=tuple(ir.Paragraph(prose(p), src=n.src) for p in n.body), src=n.src)
        for n in c.notes]
    blocks.extend(_adaptation(prose, a) for a in c.adaptations)
    if c.specifications:
        blocks.append(_specifications(c.specifications))
    if not blocks:
        return ()
    return (ir.Section(id="context", title="Context", kind="context", blocks=tuple(blocks),
                       running_head="Context"),)


def _adaptation(prose: Prose, a) -> ir.Group:
    blocks: list[ir.Block] = [ir.Paragraph(prose(a.summary), role="lead", src=a.src)]
    for d in a.differences:
        blocks.append(ir.Group(
            anchor=f"{a.id}-{_slug(d.topic)}", title=ir.text(smarten(d.topic)), level=3, layout="keep",
            blocks=(ir.Paragraph(labelled("In the novel", prose(d.novel)), src=d.src),
                    ir.Paragraph(labelled("In the film", prose(d.adaptation)), src=d.src)), src=d.src))
    return ir.Group(anchor=f"adaptation-{a.id}", title=ir.text(smarten(a.title)), blocks=tuple(blocks), src=a.src)


def _specifications(specs) -> ir.Group:
    blocks: list[ir.Block] = []
    for s in specs:
        blocks.append(ir.Heading(3, ir.text(smarten(f"{s.board} {s.level} {s.title} ({s.code})")), f"spec-{s.id}",
                                 src=s.src))
        blocks.append(ir.Paragraph(ir.text(smarten(s.component)), src=s.src))
        blocks.append(ir.DefinitionList(tuple(ir.Definition(ir.text(o.code), ir.text(smarten(o.text)), src=o.src)
                                              for o in s.assessment_objectives)))
    return ir.Group(anchor="exam-specifications", title=ir.text("Exam specifications"), blocks=tuple(blocks))


def _slug(text: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())
