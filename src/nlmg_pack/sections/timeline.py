"""The plot timeline: one section per Part, a group per chapter, each event summarised."""

from __future__ import annotations

from .. import ir
from .. import model as m
from ..select import Selection
from ..typography import smarten
from .common import Prose, character_links, meta, part_label


def to_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    sections = []
    for part in sel.book.parts:
        events = [e for e in sel.content.events if part.first_chapter <= e.chapter <= part.last_chapter]
        if not events:
            continue
        chapters = sorted({e.chapter for e in events})
        groups = tuple(_chapter_group(sel, prose, n, [e for e in events if e.chapter == n]) for n in chapters)
        intro = prose(part.summary) if part.summary and part.last_chapter <= sel.cutoff else ()
        sections.append(ir.Section(
            id=f"timeline-part-{part.number}", title=f"Timeline: {part_label(part)}",
            kind="timeline", blocks=groups, running_head=f"Timeline \u00b7 {part.title}",
            intro=intro, part=part.number))
    return tuple(sections)


def _chapter_group(sel: Selection, prose: Prose, chapter: int, events: list[m.Event]) -> ir.Group:
    blocks: list[ir.Block] = []
    for e in events:
        blocks.append(ir.Paragraph((ir.Strong(ir.text(smarten(e.title))), ir.Text(". ")) + prose(e.summary),
                                   src=e.src))
        when = f"{sel.book.story_clock.label}: {e.story_time_label or _number(e.story_time)}"
        blocks.append(meta(smarten(e.place), smarten(when), character_links(sel, e.characters), src=e.src))
    return ir.Group(anchor=f"timeline-ch-{chapter}", title=ir.text(f"Chapter {chapter}"), blocks=tuple(blocks),
                    level=3, layout="keep", role="chapter", src=events[0].src)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

