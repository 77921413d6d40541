"""YAML loading that remembers where everything came from.

Mappings load as ``PosMap`` and sequences as ``PosList``: ordinary dict/list subclasses that
also know their own line and the line of each key or item, so every later check can say
``path:line``. Loading is safe (SafeLoader, no custom tags) and bounded: files over
``MAX_BYTES`` and documents with more than ``MAX_ALIASES`` aliases are refused, which stops
"billion laughs" expansion before it starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Collector

MAX_BYTES = 2 * 1024 * 1024
MAX_ALIASES = 100
MAX_EXPANDED_NODES = 200_000  # what the document would hold with every alias copied out


class PosMap(dict):
    """A mapping with ``line`` (its own) and ``key_lines`` (line of each key)."""

    path: str = ""
    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class PosList(list):
    """A sequence with ``line`` (its own) and ``item_lines`` (line of each item)."""

    path: str = ""
    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _AliasLimitError(Exception):
    pass


# libyaml's parser (when PyYAML was built with it) is about five times faster than the pure
# Python one; the constructors below stay in Python either way, so results are identical.
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _make_loader(path: str, base: type = _BaseLoader) -> type:
    class Loader(base):  # type: ignore[misc, valid-type]
        def get_single_node(self):  # type: ignore[override]
            # Aliases are checked on the composed graph, where a repeated node costs nothing:
            # an alias bomb is measured here before anything is built from it.
            root = super().get_single_node()
            if root is not None:
                aliases, expanded = _graph_size(root)
                if aliases > MAX_ALIASES or expanded > MAX_EXPANDED_NODES:
                    raise _AliasLimitError()
            return root

        def construct_mapping(self, node, deep=False):  # type: ignore[override]
            self.flatten_mapping(node)
            result = PosMap()
            result.path, result.line, result.key_lines = path, node.start_mark.line + 1, {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise yaml.constructor.ConstructorError(
                        None, None, "mapping keys must be plain words", key_node.start_mark)
                result[key] = self.construct_object(value_node, deep=True)
                result.key_lines[key] = key_node.start_mark.line + 1
            return result

        def construct_sequence(self, node, deep=False):  # type: ignore[override]
            result = PosList(self.construct_object(child, deep=True) for child in node.value)
            result.path, result.line = path, node.start_mark.line + 1
            result.item_lines = [child.start_mark.line + 1 for child in node.value]
            return result

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_sequence)
    # Dates stay strings: the model decides what a date is, and strings keep output stable.
    Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return Loader


def _graph_size(root: yaml.Node) -> tuple[int, int]:
    """(aliases, node count with aliases expanded). An alias is a second reference to a node
    already composed; sizes are memoised per node, so a bomb is measured, not built."""
    sizes: dict[int, int] = {}
    aliases = 0

    def size(node: yaml.Node) -> int:
        nonlocal aliases
        key = id(node)
        if key in sizes:
            aliases += 1
            return sizes[key]
        sizes[key] = 0  # a recursive alias counts once rather than looping forever
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(child) for child in node.value)
        else:
            total = 1
        sizes[key] = min(total, MAX_EXPANDED_NODES + 1)
        return sizes[key]

    expanded = size(root)
    return aliases, expanded


def load_yaml(path: Path, shown: str, out: Collector) -> Any:
    """Load one YAML file; on any problem add a diagnostic and return None.
    ``shown`` is the path to print in messages (relative, stable across machines)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        out.add(shown, 0, "E100", f"cannot read file: {exc.strerror or exc}")
        return None
    if len(raw) > MAX_BYTES:
        out.add(shown, 0, "E104", f"file is {len(raw)} bytes; the limit is {MAX_BYTES}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        out.add(shown, line, "E102", f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
        return None
    return parse_yaml(text.lstrip("\ufeff"), shown, out)


def parse_yaml(text: str, shown: str, out: Collector) -> Any:
    """Parse YAML text (see ``load_yaml``)."""
    if not text.strip() or all(ln.lstrip().startswith("#") or not ln.strip() for ln in text.splitlines()):
        out.add(shown, 0, "E103", "file is empty")
        return None
    try:
        return yaml.load(text, Loader=_make_loader(shown))  # noqa: S506 - SafeLoader subclass
    except _AliasLimitError:
        out.add(shown, 0, "E104", f"aliases would expand past {MAX_EXPANDED_NODES} items (or more than "
                                  f"{MAX_ALIASES} aliases); expand them by hand")
    except yaml.MarkedYAMLError as exc:
        exc = _python_parser_error(text, shown) or exc
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        out.add(shown, line, "E101", f"YAML syntax error: {problem}")
    except yaml.YAMLError as exc:
        out.add(shown, 0, "E101", f"YAML syntax error: {exc}")
    except RecursionError:
        out.add(shown, 0, "E104", "document is nested too deeply")
    return None


def _python_parser_error(text: str, shown: str) -> yaml.MarkedYAMLError | None:
    """The pure Python parser's account of a syntax error: unlike libyaml's, it says what it
    found as well as what it expected ("expected ',' or ']', but got ':'")."""
    try:
        yaml.load(text, Loader=_make_loader(shown, yaml.SafeLoader))  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        return exc
    except (yaml.YAMLError, _AliasLimitError, RecursionError):
        return None
    return None
