"""Load a book folder into the validated content model, reporting every problem at once.

Stages: read each YAML file (``source``), check it against the item specs (``schema``), then
check what only the whole folder can tell: references, chapter ranges, Part structure and the
content rules (quotation length, answers that match their options, ...). Any diagnostic raises
``BuildError`` with all of them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import model as m
from .errors import Collector
from .rules import check_rules
from .schema import Context, Field, Spec, convert
from .source import PosMap, load_yaml

F = Field

PART = Spec("part", (
    F("number", "int"), F("title", "text"), F("first_chapter", "int"), F("last_chapter", "int"),
    F("setting", "text", False), F("summary", "markup", False)), m.Part)
CLOCK = Spec("story_clock", (F("label", "text"), F("min", "number"), F("max", "number")), m.StoryClock)
GROUP = Spec("group", (F("id", "id"), F("title", "text")), m.CharacterGroup, table="group")
PACK_INFO = Spec("pack", (F("publisher", "text"), F("creator", "text"), F("date", "date"),
                          F("rights", "text", False)), m.PackInfo)
BOOK = Spec("book", (
    F("title", "text"), F("author", "text"), F("year", "int"), F("language", "lang"),
    F("setting", "text"), F("edition_note", "text"), F("chapters", "int"),
    F("parts", PART, many=True), F("story_clock", CLOCK), F("groups", GROUP, many=True),
    F("pack", PACK_INFO)), m.Book)

EVENT = Spec("event", (
    F("id", "id"), F("chapter", "chapter"), F("story_time", "number"), F("place", "text"),
    F("title", "text"), F("summary", "markup"), F("characters", "ref:character", many=True),
    F("themes", "ref:theme", False, many=True), F("story_time_label", "text", False),
    F("key", "bool", False, False), F("reveals", "chapter", False)), m.Event, table="event")

TRAIT = Spec("trait", (F("trait", "text"), F("evidence", "markup"), F("chapter", "chapter")), m.Trait)
RELATIONSHIP = Spec("relationship", (
    F("with", "ref:character"), F("kind", "text"), F("note", "markup"), F("chapter", "chapter"),
    F("reveals", "chapter", False)),
    lambda src, **kw: m.Relationship(with_=kw.pop("with"), src=src, **kw))
ARC = Spec("arc stage", (F("part", "part"), F("text", "markup")), m.ArcStage)
CHARACTER = Spec("character", (
    F("id", "id"), F("name", "text"), F("kind", "enum:full|minor"), F("role", "text"),
    F("group", "ref:group"), F("first_chapter", "chapter"), F("summary", "markup"),
    F("traits", TRAIT, False, many=True), F("relationships", RELATIONSHIP, False, many=True),
    F("arc", ARC, False, many=True), F("quotes", "ref:quote", False, many=True),
    F("reveals", "chapter", False)), m.Character, table="character")

SO_FAR = Spec("spoiler-safe version", (
    F("up_to_chapter", "chapter"), F("summary", "markup"), F("essay", "markup", many=True),
    F("chapters", "chapter", many=True), F("quotes", "ref:quote", False, many=True),
    F("title", "text", False)), m.ThemeSoFar)
THEME = Spec("theme", (
    F("id", "id"), F("kind", "enum:theme|symbol"), F("title", "text"), F("summary", "markup"),
    F("essay", "markup", many=True), F("chapters", "chapter", many=True),
    F("quotes", "ref:quote", many=True), F("reveals", "chapter", False),
    F("so_far", SO_FAR, False, many=True)), m.Theme, table="theme")

QUOTE = Spec("quote", (
    F("id", "id"), F("text", "text"), F("speaker", "ref:character"), F("chapter", "chapter"),
    F("context", "markup"), F("analysis", "markup"), F("themes", "ref:theme", many=True),
    F("source", "enum:novel|film"), F("verified", "bool"), F("speaker_note", "text", False),
    F("note", "text", False), F("reveals", "chapter", False)), m.Quote, table="quote")

PAIR = Spec("pair", (F("left", "text"), F("right", "text")), m.Pair)
QUESTION = Spec("question", (
    F("id", "id"), F("type", "enum:short|extended|choice|true-false|sequence|match"),
    F("prompt", "markup"), F("marks", "int"), F("answer", "any", False), F("ao", "text", False, many=True),
    F("lines", "int", False), F("quote", "ref:quote", False), F("options", "text", False, many=True),
    F("items", "text", False, many=True), F("pairs", PAIR, False, many=True),
    F("mark_scheme", "markup", False, many=True), F("reveals", "chapter", False)), m.QuestionSpec)
WORKSHEET = Spec("worksheet", (
    F("id", "id"), F("title", "text"), F("kind", "enum:comprehension|vocabulary|close-reading|exam"),
    F("reveals", "chapter"), F("questions", QUESTION, many=True), F("part", "part", False),
    F("specification", "ref:specification", False), F("instructions", "markup", False)),
    m.WorksheetSpec, table="worksheet")

TERM = Spec("term", (
    F("id", "id"), F("term", "text"), F("meaning", "markup"), F("first_chapter", "chapter"),
    F("reveals", "chapter", False), F("see_also", "ref:term", False, many=True)), m.Term, table="term")

NOTE = Spec("note", (F("id", "id"), F("title", "text"), F("body", "markup", many=True),
                     F("reveals", "chapter", False)), m.Note, table="note")
DIFFERENCE = Spec("difference", (F("topic", "text"), F("novel", "markup"), F("adaptation", "markup"),
                                 F("reveals", "chapter", False)), m.Difference)
ADAPTATION = Spec("adaptation", (F("id", "id"), F("title", "text"), F("summary", "markup"),
                                 F("differences", DIFFERENCE, many=True)), m.Adaptation, table="adaptation")
OBJECTIVE = Spec("assessment objective", (F("code", "text"), F("text", "text")), m.Objective)
SPECIFICATION = Spec("specification", (
    F("id", "id"), F("board", "text"), F("code", "text"), F("level", "text"), F("title", "text"),
    F("component", "text"), F("assessment_objectives", OBJECTIVE, many=True)),
    m.Specification, table="specification")

# file name -> (top-level key, item spec, required?)
FILES: dict[str, dict[str, tuple[Spec, bool]]] = {
    "timeline.yaml": {"events": (EVENT, True)},
    "characters.yaml": {"characters": (CHARACTER, True)},
    "themes.yaml": {"themes": (THEME, True)},
    "quotes.yaml": {"quotes": (QUOTE, True)},
    "worksheets.yaml": {"worksheets": (WORKSHEET, True)},
    "glossary.yaml": {"terms": (TERM, True)},
    "context.yaml": {"notes": (NOTE, False), "adaptations": (ADAPTATION, False),
                     "specifications": (SPECIFICATION, False)},
}


def load_content(folder: Path, shown_root: Path | None = None) -> m.Content:
    """Validate ``folder`` and return its Content; raise BuildError listing every problem."""
    out = Collector()
    ctx = Context(out)
    root = shown_root if shown_root is not None else Path.cwd()
    if not folder.is_dir():
        out.add(_shown(folder, root), 0, "E100", "content folder does not exist")
        out.raise_if_any()
    book = _load_book(folder, root, ctx)
    tables = {key: items for name in FILES for key, items in _load_list_file(folder, name, root, ctx).items()}
    part_numbers = {p.number for p in book.parts} if book else set()
    ctx.check_references(book.chapters if book else None, part_numbers)
    if book is None:
        out.raise_if_any()
    # Rules run even after schema errors (on the items that did validate), so an author sees
    # every problem in one pass rather than one stage at a time.
    content = _fill_reveals(m.Content(slug=folder.resolve().name, book=book, **tables))
    check_rules(content, out)
    out.raise_if_any()
    return content


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _load_book(folder: Path, root: Path, ctx: Context) -> m.Book | None:
    path = folder / "book.yaml"
    shown = _shown(path, root)
    if not path.is_file():
        ctx.out.add(shown, 0, "E100", "book.yaml is missing: every book folder needs one")
        return None
    data = load_yaml(path, shown, ctx.out)
    return None if data is None else convert(data, BOOK, ctx, shown, 1)


def _load_list_file(folder: Path, name: str, root: Path, ctx: Context) -> dict[str, tuple]:
    keys = FILES[name]
    empty = {key: () for key in keys}
    path = folder / name
    shown = _shown(path, root)
    if not path.is_file():
        ctx.out.add(shown, 0, "E100", f"{name} is missing from the book folder")
        ctx.unreadable.update(spec.table for spec, _req in keys.values())
        return empty
    data = load_yaml(path, shown, ctx.out)
    if not isinstance(data, PosMap):
        ctx.unreadable.update(spec.table for spec, _req in keys.values())
        if data is not None:
            ctx.out.add(shown, getattr(data, "line", 1), "E111",
                        f"{name} must be a mapping with {' / '.join(keys)}, not a list or text")
        return empty
    spec = Spec(name, tuple(Field(k, s, required=req, many=True) for k, (s, req) in keys.items()),
                build=lambda src, **kw: kw)
    result = convert(data, spec, ctx, shown, 1)
    if result is None:
        return empty
    return {key: tuple(value or ()) for key, value in result.items()}


def _fill_reveals(c: m.Content) -> m.Content:
    """Give every item a concrete ``reveals`` so filtering never has to guess."""
    last = c.book.chapters
    return replace(
        c,
        events=tuple(replace(e, reveals=e.reveals or e.chapter) for e in c.events),
        characters=tuple(replace(
            ch, reveals=ch.reveals or ch.first_chapter,
            relationships=tuple(replace(r, reveals=r.reveals or r.chapter) for r in ch.relationships))
            for ch in c.characters),
        themes=tuple(replace(t, reveals=t.reveals or max(t.chapters, default=last)) for t in c.themes),
        quotes=tuple(replace(q, reveals=q.reveals or q.chapter) for q in c.quotes),
        worksheets=tuple(replace(w, questions=tuple(
            replace(q, reveals=q.reveals or w.reveals) for q in w.questions)) for w in c.worksheets),
        terms=tuple(replace(t, reveals=t.reveals or t.first_chapter) for t in c.terms),
        notes=tuple(replace(n, reveals=n.reveals or 1) for n in c.notes),
        adaptations=tuple(replace(a, differences=tuple(
            replace(d, reveals=d.reveals or last) for d in a.differences)) for a in c.adaptations),
    )

