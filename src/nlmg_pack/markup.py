"""The inline markup of prose fields: ``*em*``, ``**strong**``, ``{c:id}`` style references.

``parse_markup`` turns a string into a small tree (or raises ``MarkupError`` with a message an
author can act on); ``to_inlines`` turns that tree into IR inline nodes, asking a resolver for
each reference's anchor and display text. Everything that is not markup is literal text:
``<``, ``&`` and friends pass through untouched and each renderer escapes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import ir
from .typography import smarten

REF_TABLES = {"c": "character", "q": "quote", "t": "theme", "g": "term"}


class MarkupError(ValueError):
    pass


@dataclass(frozen=True)
class Ref:
    table: str
    target: str
    label: str  # "" = let the resolver choose


@dataclass(frozen=True)
class Span:
    style: str  # "em" or "strong"
    children: tuple


@dataclass(frozen=True)
class Tree:
    nodes: tuple  # str | Ref | Span

    def references(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        stack = list(self.nodes)
        while stack:
            node = stack.pop()
            if isinstance(node, Ref):
                found.append((node.table, node.target))
            elif isinstance(node, Span):
                stack.extend(node.children)
        return found


def parse_markup(source: str) -> Tree:
    nodes, rest = _parse(source, 0, None)
    if rest != len(source):  # pragma: no cover - _parse consumes all or raises
        raise MarkupError("unexpected end of markup")
    return Tree(tuple(nodes))


def _parse(s: str, i: int, closer: str | None) -> tuple[list, int]:
    nodes: list = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            nodes.append("".join(buf))
            buf.clear()

    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "\\*{}":
            buf.append(s[i + 1])
            i += 2
        elif closer and s.startswith(closer, i):
            flush()
            return nodes, i + len(closer)
        elif s[i] == "*":
            marker = "**" if s.startswith("**", i) else "*"
            flush()
            children, i = _parse(s, i + len(marker), marker)
            if not children:
                raise MarkupError(f"empty '{marker}{marker}' emphasis")
            nodes.append(Span("strong" if marker == "**" else "em", tuple(children)))
        elif s[i] == "{":
            flush()
            ref, i = _parse_ref(s, i)
            nodes.append(ref)
        elif s[i] == "}":
            raise MarkupError("'}' without a matching '{' (write \\} for a literal brace)")
        else:
            buf.append(s[i])
            i += 1
    if closer:
        raise MarkupError(f"'{closer}' is opened but never closed (write \\* for a literal asterisk)")
    flush()
    return nodes, i


def _parse_ref(s: str, i: int) -> tuple[Ref, int]:
    end = s.find("}", i)
    if end < 0:
        raise MarkupError("'{' is opened but never closed (write \\{ for a literal brace)")
    body = s[i + 1:end]
    prefix, colon, rest = body.partition(":")
    if not colon or prefix not in REF_TABLES:
        raise MarkupError(f"'{{{body}}}' is not a reference; use {{c:id}}, {{q:id}}, {{t:id}} or {{g:id}}")
    target, _bar, label = rest.partition("|")
    if not target.strip():
        raise MarkupError(f"'{{{body}}}' names no id")
    return Ref(REF_TABLES[prefix], target.strip(), label.strip()), end + 1


Resolver = Callable[[str, str], "tuple[str, str, ir.LinkKind]"]
"""(table, id) -> (anchor, default display text, link kind)."""


def to_inlines(source: str, resolve: Resolver) -> ir.Inlines:
    """Markup text → IR inlines, with typographic quotes applied to text runs."""
    return _convert(parse_markup(smarten(source)).nodes, resolve)


def _convert(nodes: tuple, resolve: Resolver) -> ir.Inlines:
    out: list[ir.Inline] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(ir.Text(node))
        elif isinstance(node, Span):
            kids = _convert(node.children, resolve)
            out.append(ir.Emph(kids) if node.style == "em" else ir.Strong(kids))
        else:
            anchor, shown, kind = resolve(node.table, node.target)
            out.append(ir.Link(anchor, (ir.Text(node.label or shown),), kind))
    return tuple(out)
