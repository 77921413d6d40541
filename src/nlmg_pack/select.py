"""Pack selection: cut the content down to what this pack may show.

Two kinds of cut. The **spoiler cut** (``up_to_chapter``) drops every item whose ``reveals``
is later than the cut-off, and trims what is left (a character's later relationships and
arcs). The **filters** (parts, themes, characters) narrow a pack to a focus. The result is a
``Selection``: the same content model, smaller, so section modules never re-check either rule.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import model as m
from .errors import BuildError, Diagnostic
from .packs import Pack
from .schema import did_you_mean


@dataclass(frozen=True)
class Selection:
    content: m.Content  # what the pack shows
    pack: Pack
    cutoff: int  # last chapter a reader of this pack has read
    visible: m.Content | None = None  # everything safe to name (before the pack's filters)

    @property
    def book(self) -> m.Book:
        return self.content.book


def select(content: m.Content, pack: Pack) -> Selection:
    _check_pack_against(content, pack)
    cutoff = pack.up_to_chapter or content.book.chapters
    visible = _spoiler_cut(content, cutoff)
    return Selection(content=_filter(visible, pack), pack=pack, cutoff=cutoff, visible=visible)


def _check_pack_against(content: m.Content, pack: Pack) -> None:
    problems: list[Diagnostic] = []

    def problem(field_name: str, message: str) -> None:
        where = pack.origin(field_name)
        problems.append(Diagnostic(where, 0, "E132" if where == "<command line>" else "E130", message))

    if pack.up_to_chapter is not None and not 1 <= pack.up_to_chapter <= content.book.chapters:
        problem("up_to_chapter", f"up_to_chapter {pack.up_to_chapter} is outside the book (1-{content.book.chapters})")
    known = {"themes": {t.id for t in content.themes}, "characters": {c.id for c in content.characters},
             "parts": {p.number for p in content.book.parts}, "chapters": set(range(1, content.book.chapters + 1))}
    for name, allowed in known.items():
        for value in getattr(pack.filters, name):
            if value not in allowed:
                problem(name, f"filter {name}: unknown '{value}'{did_you_mean(value, allowed)}")
    if problems:
        raise BuildError(problems)


def _spoiler_cut(c: m.Content, cutoff: int) -> m.Content:
    def ok(item) -> bool:
        return (item.reveals or 0) <= cutoff

    parts_done = {p.number for p in c.book.parts if p.last_chapter <= cutoff}
    characters = tuple(
        replace(ch, relationships=tuple(r for r in ch.relationships if ok(r)),
                arc=tuple(a for a in ch.arc if a.part in parts_done),
                traits=tuple(t for t in ch.traits if t.chapter <= cutoff))
        for ch in c.characters if ok(ch))
    quotes = tuple(q for q in c.quotes if ok(q) and q.source == "novel")
    quote_ids = {q.id for q in quotes}
    characters = tuple(replace(ch, quotes=tuple(q for q in ch.quotes if q in quote_ids)) for ch in characters)
    worksheets = tuple(replace(w, questions=tuple(q for q in w.questions if ok(q)))
                       for w in c.worksheets if w.reveals <= cutoff)
    return replace(
        c,
        events=tuple(e for e in c.events if ok(e)),
        characters=characters,
        themes=tuple(t for t in (_theme_so_far(t, cutoff) for t in c.themes) if t is not None),
        quotes=quotes,
        worksheets=tuple(w for w in worksheets if w.questions),
        terms=tuple(t for t in c.terms if ok(t)),
        notes=tuple(n for n in c.notes if ok(n)),
        adaptations=tuple(replace(a, differences=tuple(d for d in a.differences if ok(d)))
                          for a in c.adaptations),
    )


def _theme_so_far(t: m.Theme, cutoff: int) -> m.Theme | None:
    """The full entry if it is safe; else its latest spoiler-safe version, if it has one."""
    if (t.reveals or 0) <= cutoff:
        return t
    safe = [v for v in t.so_far if v.up_to_chapter <= cutoff]
    if not safe:
        return None
    v = max(safe, key=lambda v: v.up_to_chapter)
    return replace(t, title=v.title or t.title, summary=v.summary, essay=v.essay, chapters=v.chapters,
                   quotes=v.quotes, reveals=v.up_to_chapter, so_far=())


def _filter(c: m.Content, pack: Pack) -> m.Content:
    f = pack.filters
    c = replace(c, worksheets=tuple(w for w in c.worksheets if w.kind in f.worksheet_kinds))
    if f.chapters:
        wanted_chapters = set(f.chapters)
        c = replace(c, events=tuple(e for e in c.events if e.chapter in wanted_chapters),
                    quotes=tuple(q for q in c.quotes if q.chapter in wanted_chapters))
    if f.parts:
        chapters = {ch for p in c.book.parts if p.number in f.parts
                    for ch in range(p.first_chapter, p.last_chapter + 1)}
        c = replace(c, events=tuple(e for e in c.events if e.chapter in chapters),
                    quotes=tuple(q for q in c.quotes if q.chapter in chapters),
                    worksheets=tuple(w for w in c.worksheets if w.part is None or w.part in f.parts))
    if f.themes:
        wanted = set(f.themes)
        c = replace(c, themes=tuple(t for t in c.themes if t.id in wanted),
                    quotes=tuple(q for q in c.quotes if wanted & set(q.themes)),
                    events=tuple(e for e in c.events if wanted & set(e.themes)))
    if f.characters:
        wanted = set(f.characters)
        c = replace(c, characters=tuple(ch for ch in c.characters if ch.id in wanted),
                    quotes=tuple(q for q in c.quotes if q.speaker in wanted),
                    events=tuple(e for e in c.events if wanted & set(e.characters)))
    return c
