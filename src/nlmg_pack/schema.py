"""A small declarative schema: field lists in, frozen dataclasses (or diagnostics) out.

One ``Spec`` per item type lists its fields; ``convert`` checks a loaded mapping against it
(unknown keys with "did you mean", missing fields, types, enums, ids) and builds the dataclass.
References to other items and chapter numbers cannot be checked until every file is loaded, so
``convert`` records them in a ``Context`` and ``Context.check_references`` resolves them later.
The same engine validates content, pack recipes and styles.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import Collector
from .ir import Src
from .markup import MarkupError, parse_markup
from .source import PosList, PosMap

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

_BAD = object()  # marks a value that already produced a diagnostic


@dataclass(frozen=True)
class Field:
    """One key of a mapping. ``kind`` is one of: text, markup, int, number, bool, id, date,
    lang, chapter, part, ref:TABLE, enum:A|B, or a nested ``Spec``; ``many`` makes it a list."""

    name: str
    kind: Any
    required: bool = True
    default: Any = None
    many: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Spec:
    """An item type: a name for messages, its fields and the dataclass to build."""

    name: str
    fields: tuple[Field, ...]
    build: Callable[..., Any]
    table: str = ""  # when set, the item's ``id`` is registered in this table


@dataclass
class Context:
    """What validation learns along the way, checked once everything is loaded."""

    out: Collector
    tables: dict[str, dict[str, Src]] = field(default_factory=dict)
    refs: list[tuple[str, str, Src]] = field(default_factory=list)
    chapters: list[tuple[int, Src]] = field(default_factory=list)
    parts: list[tuple[int, Src]] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # tables whose file failed to load

    def register(self, table: str, item_id: str, src: Src) -> None:
        ids = self.tables.setdefault(table, {})
        if item_id in ids:
            first = ids[item_id]
            self.out.add(src.path, src.line, "E120",
                         f"duplicate {table} id '{item_id}' (first defined at {first})")
        else:
            ids[item_id] = src

    def check_references(self, chapter_count: int | None, part_numbers: set[int]) -> None:
        for table, ref, src in self.refs:
            known = self.tables.get(table, {})
            if ref not in known and table not in self.unreadable:
                hint = did_you_mean(ref, known)
                self.out.add(src.path, src.line, "E121", f"unknown {table} '{ref}'{hint}")
        if chapter_count:
            for chapter, src in self.chapters:
                if not 1 <= chapter <= chapter_count:
                    self.out.add(src.path, src.line, "E122",
                                 f"chapter {chapter} is outside the book (1-{chapter_count})")
        for number, src in self.parts:
            if part_numbers and number not in part_numbers:
                self.out.add(src.path, src.line, "E121",
                             f"unknown part {number} (parts are {', '.join(map(str, sorted(part_numbers)))})")


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def type_name(value: Any) -> str:
    return {dict: "a mapping", PosMap: "a mapping", list: "a list", PosList: "a list",
            str: "text", int: "a number", float: "a number", bool: "true/false",
            type(None): "nothing"}.get(type(value), type(value).__name__)


def convert(data: Any, spec: Spec, ctx: Context, path: str, line: int) -> Any:
    """Check ``data`` against ``spec`` and build the item, or return None after reporting."""
    if not isinstance(data, dict):
        ctx.out.add(path, line, "E111", f"{spec.name} must be a mapping, not {type_name(data)}")
        return None
    line = getattr(data, "line", line)
    line_of = data.line_of if isinstance(data, PosMap) else (lambda _k: line)
    known = {f.name for f in spec.fields}
    ok = True
    for key in data:
        if key not in known:
            ok = False
            ctx.out.add(path, line_of(key), "E110",
                        f"unknown key '{key}' in {spec.name}{did_you_mean(key, known)}")
    values: dict[str, Any] = {}
    for f in spec.fields:
        if f.name not in data or data[f.name] is None:
            if f.required:
                ok = False
                ctx.out.add(path, line, "E112", f"{spec.name} is missing '{f.name}'")
            values[f.name] = () if f.many and f.default is None else f.default
            continue
        value = _convert_field(data[f.name], f, ctx, path, line_of(f.name))
        if value is _BAD:
            ok = False
        values[f.name] = value
    if not ok:
        # Still claim the id, so that one broken item does not also break every reference to it.
        if spec.table and isinstance(data.get("id"), str):
            ctx.register(spec.table, data["id"], Src(path, line))
        return None
    src = Src(path, line)
    if spec.table and "id" in values:
        ctx.register(spec.table, values["id"], src)
    return spec.build(src=src, **values)


def _convert_field(value: Any, f: Field, ctx: Context, path: str, line: int) -> Any:
    if not f.many:
        return _convert_one(value, f, ctx, path, line)
    if not isinstance(value, list):
        ctx.out.add(path, line, "E111", f"'{f.name}' must be a list, not {type_name(value)}")
        return _BAD
    items = []
    for index, item in enumerate(value):
        item_line = value.line_of(index) if isinstance(value, PosList) else line
        converted = _convert_one(item, f, ctx, path, item_line)
        # A bad item has been reported; keep its good siblings so later checks stay precise.
        if converted is not _BAD and converted is not None:
            items.append(converted)
    return tuple(items)


def _convert_one(value: Any, f: Field, ctx: Context, path: str, line: int) -> Any:
    kind = f.kind
    if isinstance(kind, Spec):
        built = convert(value, kind, ctx, path, line)
        return _BAD if built is None else built
    checker = _SCALARS.get(kind.split(":", 1)[0])
    if checker is None:
        raise ValueError(f"schema bug: unknown field kind {kind!r}")
    return checker(value, f, ctx, path, line)


def _wrong(ctx: Context, f: Field, path: str, line: int, want: str, value: Any) -> Any:
    ctx.out.add(path, line, "E111", f"'{f.name}' must be {want}, not {type_name(value)}")
    return _BAD


def _text(value, f, ctx, path, line):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return _wrong(ctx, f, path, line, "text", value)
    value = str(value).strip()
    if not value:
        ctx.out.add(path, line, "E113", f"'{f.name}' must not be empty")
        return _BAD
    return value


def _markup(value, f, ctx, path, line):
    value = _text(value, f, ctx, path, line)
    if value is _BAD:
        return _BAD
    try:
        refs = parse_markup(value).references()
    except MarkupError as exc:
        ctx.out.add(path, line, "E125", f"'{f.name}': {exc}")
        return _BAD
    for table, ref in refs:
        ctx.refs.append((table, ref, Src(path, line)))
    return value


def _any(value, f, ctx, path, line):
    if isinstance(value, (list, dict)):
        return _wrong(ctx, f, path, line, "text, a number or true/false", value)
    return value.strip() if isinstance(value, str) else value


def _int(value, f, ctx, path, line):
    if isinstance(value, bool) or not isinstance(value, int):
        return _wrong(ctx, f, path, line, "a whole number", value)
    if value < 0:
        ctx.out.add(path, line, "E113", f"'{f.name}' must not be negative")
        return _BAD
    return value


def _number(value, f, ctx, path, line):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _wrong(ctx, f, path, line, "a number", value)
    return value


def _bool(value, f, ctx, path, line):
    return value if isinstance(value, bool) else _wrong(ctx, f, path, line, "true or false", value)


def _pattern(regex: re.Pattern, want: str):
    def check(value, f, ctx, path, line):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return _wrong(ctx, f, path, line, want, value)
        value = str(value)
        if not regex.match(value):
            ctx.out.add(path, line, "E114", f"'{f.name}' must be {want}, not '{value}'")
            return _BAD
        return value
    return check


def _chapter(value, f, ctx, path, line):
    value = _int(value, f, ctx, path, line)
    if value is not _BAD:
        ctx.chapters.append((value, Src(path, line)))
    return value


def _part(value, f, ctx, path, line):
    value = _int(value, f, ctx, path, line)
    if value is not _BAD:
        ctx.parts.append((value, Src(path, line)))
    return value


def _ref(value, f, ctx, path, line):
    value = _pattern(ID_RE, "an id (lower-case words joined by hyphens)")(value, f, ctx, path, line)
    if value is not _BAD:
        ctx.refs.append((f.kind.split(":", 1)[1], value, Src(path, line)))
    return value


def _enum(value, f, ctx, path, line):
    allowed = f.kind.split(":", 1)[1].split("|")
    if not isinstance(value, str) or value not in allowed:
        shown = value if isinstance(value, (str, int, float)) else type_name(value)
        ctx.out.add(path, line, "E113", f"'{f.name}' must be one of {', '.join(allowed)}, not '{shown}'"
                    f"{did_you_mean(shown, allowed)}")
        return _BAD
    return value


_SCALARS = {
    "any": _any, "text": _text, "markup": _markup, "int": _int, "number": _number, "bool": _bool,
    "id": _pattern(ID_RE, "an id (lower-case words joined by hyphens)"),
    "date": _pattern(DATE_RE, "a date like 2026-11-01"),
    "lang": _pattern(LANG_RE, "a language tag like en-GB"),
    "chapter": _chapter, "part": _part, "ref": _ref, "enum": _enum,
}
