"""Which relationships a pack may show, merged into one edge per pair of characters.

Both characters' sheets may describe the same relationship: A -> B 'friend' and B -> A
'friend' are one edge with one label. Kinds that change over the book become steps in chapter
order ('friend', then 'lovers'); a kind only one side gives (carer of / cared for by) is
shown for each side.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir, model
from ..typography import smarten
from . import common as c


@dataclass(frozen=True)
class Step:
    """What a relationship is from ``chapter`` on: kinds both sides give, and each side's own."""

    chapter: int
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    def text(self) -> str:
        parts = list(self.shared)
        own = [x for x in ("; ".join(self.only_a), "; ".join(self.only_b)) if x]
        if own:
            parts.append(" / ".join(own))
        return smarten("; ".join(parts))


@dataclass(frozen=True)
class Edge:
    """One line between characters ``a`` and ``b`` (ids, a < b)."""

    a: str
    b: str
    steps: tuple[Step, ...]
    first: int  # chapter where it first shows
    last: int  # latest chapter any of its kinds is revealed

    @property
    def key(self) -> str:
        return f"{self.a}|{self.b}"

    def label_lines(self) -> tuple[str, ...]:
        """'friend' / 'then lovers; carer of / cared for by': one line per change."""
        texts: list[str] = []
        for step in self.steps:
            if not texts or texts[-1] != step.text():
                texts.append(step.text())
        return tuple([texts[0]] + [f"then {t}" for t in texts[1:]])

    @property
    def label(self) -> str:
        return ", ".join(self.label_lines())


def visible_edges(content: model.Content, last: int) -> tuple[Edge, ...]:
    """Relationships safe to show by chapter ``last`` between characters shown by then."""
    shown = {ch.id for ch in content.characters if c.character_reveal(ch) <= last}
    sides: dict[tuple[str, str], tuple[dict[str, int], dict[str, int], list[int]]] = {}
    for ch in content.characters:
        if ch.id not in shown:
            continue
        for rel in ch.relationships:
            if rel.with_ not in shown or rel.with_ == ch.id or c.relationship_reveal(rel) > last:
                continue
            a, b = sorted((ch.id, rel.with_))
            kinds_a, kinds_b, chapters = sides.setdefault((a, b), ({}, {}, []))
            own = kinds_a if ch.id == a else kinds_b
            own[rel.kind] = min(own.get(rel.kind, rel.chapter), rel.chapter)
            chapters += [rel.chapter, c.relationship_reveal(rel)]
    return tuple(Edge(a, b, _steps(ka, kb), min(chs), max(chs))
                 for (a, b), (ka, kb, chs) in sorted(sides.items()))


def _steps(kinds_a: dict[str, int], kinds_b: dict[str, int]) -> tuple[Step, ...]:
    """Group kinds by the chapter they start in; a kind both sides give is shared."""
    starts: dict[int, tuple[list[str], list[str], list[str]]] = {}
    for kind in sorted(set(kinds_a) | set(kinds_b), key=lambda k: (min(kinds_a.get(k, 999), kinds_b.get(k, 999)), k)):
        if kind in kinds_a and kind in kinds_b:
            chapter, slot = min(kinds_a[kind], kinds_b[kind]), 0
        elif kind in kinds_a:
            chapter, slot = kinds_a[kind], 1
        else:
            chapter, slot = kinds_b[kind], 2
        starts.setdefault(chapter, ([], [], []))[slot].append(kind)
    return tuple(Step(ch, tuple(s), tuple(a), tuple(b)) for ch, (s, a, b) in sorted(starts.items()))


def visible_characters(content: model.Content, last: int, edges: tuple[Edge, ...]) -> tuple[model.Character, ...]:
    """Full characters revealed by ``last``, plus minor ones that a shown relationship names."""
    linked = {e.a for e in edges} | {e.b for e in edges}
    return tuple(ch for ch in content.characters
                 if c.character_reveal(ch) <= last and (ch.kind == "full" or ch.id in linked))


def describe(edge: Edge, names: dict[str, str]) -> str:
    """'friend (ch. 1); then lovers, carer of (Kathy), cared for by (Tommy) (ch. 20)'."""
    steps = []
    for step in edge.steps:
        kinds = list(step.shared)
        kinds += [f"{k} ({names[edge.a]})" for k in step.only_a]
        kinds += [f"{k} ({names[edge.b]})" for k in step.only_b]
        steps.append(f"{', '.join(kinds)} (ch. {step.chapter})")
    return smarten("; then ".join(steps))


def equivalent_items(content: model.Content, edges: tuple[Edge, ...], order: dict[str, int]) -> tuple[ir.Inlines, ...]:
    """'Kathy — Tommy: friend (ch. 1); then …' for every edge, in map order."""
    names = {cid: smarten(content.character(cid).name) for cid in order}
    items = []
    for edge in sorted(edges, key=lambda e: (min(order[e.a], order[e.b]), max(order[e.a], order[e.b]))):
        first, second = sorted((edge.a, edge.b), key=lambda cid: order[cid])
        items.append((c.char_link(content, first), ir.Text(" \u2014 "), c.char_link(content, second),
                      ir.Text(f": {describe(edge, names)}")))
    return tuple(items)
