"""What every section module shares: anchors, link resolution, and small IR helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .. import ir
from .. import model as m
from ..markup import to_inlines
from ..select import Selection
from ..typography import smarten

PREFIX = {"character": "char", "quote": "quote", "theme": "theme", "term": "term", "event": "event"}
NUMBER_WORDS = ("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")


@dataclass(frozen=True)
class Lookup:
    """Id -> item tables of one content model. Sections look items up for every entry they
    write: building the tables once per content, not once per entry, keeps composing linear."""

    names: dict[str, str]  # character id -> name
    titles: dict[str, str]  # theme id -> title
    quotes: dict[str, m.Quote]
    theme_chapters: tuple[tuple[m.Theme, frozenset[int]], ...]  # every theme with its chapters

    @classmethod
    def of(cls, content: m.Content) -> Lookup:
        return cls(names={c.id: c.name for c in content.characters},
                   titles={t.id: t.title for t in content.themes},
                   quotes={q.id: q for q in content.quotes},
                   theme_chapters=tuple((t, frozenset(t.chapters)) for t in content.themes))


R = TypeVar("R")


def same_as_last(func: Callable[..., R]) -> Callable[..., R]:
    """``func`` remembering its latest call: called again with the very same arguments, it
    returns the same result. A build composes both editions of a version from one content
    model, so per-content work done this way happens once per version, not once per document. Arguments are
    compared by identity, not equality: the content model is immutable, comparing it deeply
    would cost what the memo saves, and holding the arguments keeps their ids from being reused.
    """
    last: tuple[tuple[Any, ...], R] | None = None

    def remembered(*args: Any) -> R:
        nonlocal last
        if last is None or len(last[0]) != len(args) or any(a is not b for a, b in zip(last[0], args, strict=True)):
            last = (args, func(*args))
        return last[1]

    return remembered


lookup: Callable[[m.Content], Lookup] = same_as_last(Lookup.of)
"""The (shared, read-only) tables for a content model."""


def anchor(table: str, item_id: str) -> str:
    return f"{PREFIX[table]}-{item_id}"


class Prose:
    """Turns markup into IR inlines. Links to items this pack leaves out are pruned from the
    finished document, leaving their text."""

    def __init__(self, sel: Selection):
        # Names come from everything safe to show, not only what this pack prints: a theme
        # essay in a Part Two pack may mention a Part One quotation by name.
        c = sel.visible or sel.content
        self._names = {
            "character": {x.id: x.name for x in c.characters},
            "quote": {x.id: f"'{x.text}'" for x in c.quotes},
            "theme": {x.id: x.title for x in c.themes},
            "term": {x.id: x.term for x in c.terms},
        }

    def resolve(self, table: str, ref: str) -> tuple[str, str, ir.LinkKind]:
        shown = smarten(self._names.get(table, {}).get(ref, ref))
        return anchor(table, ref), shown, table  # type: ignore[return-value]

    def __call__(self, source: str | None) -> ir.Inlines:
        return to_inlines(source, self.resolve) if source else ()


def chapter_ref(n: int) -> str:
    return f"ch. {n}"


def part_label(part: m.Part) -> str:
    return f"{part.title} (chapters {part.first_chapter}\u2013{part.last_chapter})"


def link(table: str, item_id: str, label: str) -> ir.Link:
    return ir.Link(anchor(table, item_id), ir.text(smarten(label)), table)  # type: ignore[arg-type]


def joined(nodes: list[ir.Inline], sep: str = ", ") -> ir.Inlines:
    out: list[ir.Inline] = []
    for i, node in enumerate(nodes):
        if i:
            out.append(ir.Text(sep))
        out.append(node)
    return tuple(out)


def character_links(sel: Selection, ids: tuple[str, ...]) -> ir.Inlines:
    names = lookup(sel.content).names
    return joined([link("character", cid, names.get(cid, cid)) for cid in ids])


def theme_links(sel: Selection, ids: tuple[str, ...]) -> ir.Inlines:
    titles = lookup(sel.content).titles
    return joined([link("theme", tid, titles[tid]) for tid in ids if tid in titles])


def speaker_line(sel: Selection, q: m.Quote) -> ir.Inlines:
    """'Miss Lucy, to students sheltering in the pavilion (ch. 7)' with the name linked."""
    names = lookup(sel.content).names
    parts: list[ir.Inline] = [link("character", q.speaker, names.get(q.speaker, q.speaker))]
    if q.speaker_note:
        parts.append(ir.Text(smarten(f", {q.speaker_note}")))
    parts.append(ir.Text(f" ({chapter_ref(q.chapter)})"))
    return tuple(parts)


def quote_block(sel: Selection, q: m.Quote, *, entry: bool = False) -> ir.BlockQuote:
    """The quotation set off, attributed; ``entry`` makes it the quote bank's link target."""
    return ir.BlockQuote(
        content=ir.text(smarten(q.text)),
        attribution=speaker_line(sel, q),
        anchor=anchor("quote", q.id) if entry else "",
        verified=q.verified,
        src=q.src,
    )


def meta(*pieces: ir.Inlines | str, src: ir.Src = ir.NO_SRC) -> ir.Paragraph:
    """A small-print line of pieces separated by middle dots."""
    nodes: list[ir.Inline] = []
    for piece in pieces:
        inl = ir.text(piece) if isinstance(piece, str) else piece
        if not inl:
            continue
        if nodes:
            nodes.append(ir.Text(" \u00b7 "))
        nodes.extend(inl)
    return ir.Paragraph(tuple(nodes), role="meta", src=src)


def labelled(label: str, content: ir.Inlines) -> ir.Inlines:
    return (ir.Strong(ir.text(label + ": ")),) + content
