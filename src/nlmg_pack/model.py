"""The validated content model: one frozen dataclass per item type of docs/content-format.md.

Prose fields marked ``Markup`` hold the author's text with inline markup still in it; section
modules turn it into IR inlines. ``src`` is where the item was defined. ``reveals`` is always
resolved to a number (the chapter after which the item is safe to show) by the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ir import Src

Markup = str


@dataclass(frozen=True)
class Part:
    number: int
    title: str
    first_chapter: int
    last_chapter: int
    setting: str | None = None
    summary: Markup | None = None
    src: Src = Src()


@dataclass(frozen=True)
class StoryClock:
    label: str
    min: float
    max: float
    src: Src = Src()


@dataclass(frozen=True)
class CharacterGroup:
    id: str
    title: str
    src: Src = Src()


@dataclass(frozen=True)
class PackInfo:
    publisher: str
    creator: str
    date: str
    rights: str | None = None
    src: Src = Src()


@dataclass(frozen=True)
class Book:
    title: str
    author: str
    year: int
    language: str
    setting: str
    edition_note: str
    chapters: int
    parts: tuple[Part, ...]
    story_clock: StoryClock
    groups: tuple[CharacterGroup, ...]
    pack: PackInfo
    src: Src = Src()

    def part_of(self, chapter: int) -> Part:
        for part in self.parts:
            if part.first_chapter <= chapter <= part.last_chapter:
                return part
        return self.parts[-1]


@dataclass(frozen=True)
class Event:
    id: str
    chapter: int
    story_time: float
    place: str
    title: str
    summary: Markup
    characters: tuple[str, ...]
    themes: tuple[str, ...] = ()
    story_time_label: str | None = None
    key: bool = False
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class Trait:
    trait: str
    evidence: Markup
    chapter: int
    src: Src = Src()


@dataclass(frozen=True)
class Relationship:
    with_: str
    kind: str
    note: Markup
    chapter: int
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class ArcStage:
    part: int
    text: Markup
    src: Src = Src()


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    kind: str  # full | minor
    role: str
    group: str
    first_chapter: int
    summary: Markup
    traits: tuple[Trait, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    arc: tuple[ArcStage, ...] = ()
    quotes: tuple[str, ...] = ()
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class ThemeSoFar:
    """A spoiler-safe version of a theme entry for readers who have reached ``up_to_chapter``."""

    up_to_chapter: int
    summary: Markup
    essay: tuple[Markup, ...]
    chapters: tuple[int, ...]
    quotes: tuple[str, ...]
    title: str | None = None  # when the full title itself gives something away
    src: Src = Src()


@dataclass(frozen=True)
class Theme:
    id: str
    kind: str  # theme | symbol
    title: str
    summary: Markup
    essay: tuple[Markup, ...]
    chapters: tuple[int, ...]
    quotes: tuple[str, ...]
    reveals: int | None = None
    so_far: tuple[ThemeSoFar, ...] = ()
    src: Src = Src()


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    speaker: str
    chapter: int
    context: Markup
    analysis: Markup
    themes: tuple[str, ...]
    source: str  # novel | film
    verified: bool
    speaker_note: str | None = None
    note: str | None = None
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    src: Src = Src()


@dataclass(frozen=True)
class QuestionSpec:
    id: str
    type: str
    prompt: Markup
    marks: int
    answer: object = None  # text, option text or bool, by type (checked by the loader)
    ao: tuple[str, ...] = ()
    lines: int | None = None
    quote: str | None = None
    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    mark_scheme: tuple[Markup, ...] = ()
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class WorksheetSpec:
    id: str
    title: str
    kind: str
    reveals: int
    questions: tuple[QuestionSpec, ...]
    part: int | None = None
    specification: str | None = None
    instructions: Markup | None = None
    src: Src = Src()


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    meaning: Markup
    first_chapter: int
    reveals: int | None = None
    see_also: tuple[str, ...] = ()
    src: Src = Src()


@dataclass(frozen=True)
class Note:
    id: str
    title: str
    body: tuple[Markup, ...]
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class Difference:
    topic: str
    novel: Markup
    adaptation: Markup
    reveals: int | None = None
    src: Src = Src()


@dataclass(frozen=True)
class Adaptation:
    id: str
    title: str
    summary: Markup
    differences: tuple[Difference, ...]
    src: Src = Src()


@dataclass(frozen=True)
class Objective:
    code: str
    text: str
    src: Src = Src()


@dataclass(frozen=True)
class Specification:
    id: str
    board: str
    code: str
    level: str
    title: str
    component: str
    assessment_objectives: tuple[Objective, ...]
    src: Src = Src()


@dataclass(frozen=True)
class Content:
    """A whole validated book folder."""

    slug: str
    book: Book
    events: tuple[Event, ...]
    characters: tuple[Character, ...]
    themes: tuple[Theme, ...]
    quotes: tuple[Quote, ...]
    worksheets: tuple[WorksheetSpec, ...]
    terms: tuple[Term, ...]
    notes: tuple[Note, ...]
    adaptations: tuple[Adaptation, ...]
    specifications: tuple[Specification, ...]

    def character(self, cid: str) -> Character:
        return next(c for c in self.characters if c.id == cid)

    def quote(self, qid: str) -> Quote:
        return next(q for q in self.quotes if q.id == qid)

    def theme(self, tid: str) -> Theme:
        return next(t for t in self.themes if t.id == tid)
