"""A synthetic book N times the size of the real content, for the scaling benchmark.

The real book folder is copied N times into one bigger book: copy k (k >= 2) gets its chapters
shifted by (k-1) x chapters, its Parts renumbered, every id suffixed ``-xk`` and every
reference, inline ``{c:...}``-style markup included, pointed at the same copy. Titles and names
get a ``(k)`` suffix so the copies are distinguishable in the output. Copy 1 is the real content
unchanged, so ``--scale 1`` builds exactly what the default pack builds.

The walk is driven by the content schema (``nlmg_pack.content`` specs), so a field added to the
schema is scaled correctly as long as its kind says what it is (chapter, part, ref:..., markup).
The result is validated with the real loader before it is used.

    python bench/synth.py --scale 10 --out /tmp/nlmg-x10
"""

from __future__ import annotations

import argparse
import copy
import re
from pathlib import Path
from typing import Any

import yaml

from nlmg_pack.content import FILES, load_content
from nlmg_pack.schema import Spec

REAL_BOOK = Path(__file__).resolve().parents[1] / "content" / "never-let-me-go"
SHARED_TABLES = {"group"}  # book-level character groups are shared by every copy
RENAMED_TEXT = {"title", "name", "term"}  # text fields that get a "(k)" suffix in copy k
REF_RE = re.compile(r"(?<!\\)\{([cqtg]):([^}|]+)(\|[^}]*)?\}")


class Copy:
    """How copy number ``k`` (1-based) shifts ids, chapters and parts."""

    def __init__(self, k: int, chapters: int, parts: int) -> None:
        self.k, self.chapter_offset, self.part_offset = k, (k - 1) * chapters, (k - 1) * parts

    def ident(self, value: str) -> str:
        return value if self.k == 1 else f"{value}-x{self.k}"

    def title(self, value: str) -> str:
        return value if self.k == 1 else f"{value} ({self.k})"

    def markup(self, value: str) -> str:
        if self.k == 1:
            return value
        return REF_RE.sub(lambda m: f"{{{m[1]}:{self.ident(m[2].strip())}{m[3] or ''}}}", value)


def scale_value(value: Any, kind: Any, name: str, cp: Copy) -> Any:
    if isinstance(kind, Spec):
        return scale_item(value, kind, cp) if isinstance(value, dict) else value
    if kind == "id":
        return cp.ident(value)
    if isinstance(kind, str) and kind.startswith("ref:"):
        return value if kind[4:] in SHARED_TABLES else cp.ident(value)
    if kind == "chapter" and isinstance(value, int):
        return value + cp.chapter_offset
    if kind == "part" and isinstance(value, int):
        return value + cp.part_offset
    if kind in ("markup", "any") and isinstance(value, str):
        return cp.markup(value)
    if kind == "text" and name in RENAMED_TEXT and isinstance(value, str):
        return cp.title(value)
    return value


def scale_item(item: dict, spec: Spec, cp: Copy) -> dict:
    out = dict(item)
    for field in spec.fields:
        value = item.get(field.name)
        if value is None:
            continue
        if field.many and isinstance(value, list):
            out[field.name] = [scale_value(v, field.kind, field.name, cp) for v in value]
        else:
            out[field.name] = scale_value(value, field.kind, field.name, cp)
    return out


def scale_book(book: dict, scale: int) -> dict:
    chapters, parts = book["chapters"], book["parts"]
    out = copy.deepcopy(book)
    out["title"] = f"{book['title']} (synthetic x{scale})"
    out["chapters"] = chapters * scale
    out["parts"] = []
    for k in range(1, scale + 1):
        cp = Copy(k, chapters, len(parts))
        for part in parts:
            moved = dict(part, number=part["number"] + cp.part_offset,
                         first_chapter=part["first_chapter"] + cp.chapter_offset,
                         last_chapter=part["last_chapter"] + cp.chapter_offset)
            moved["title"] = cp.title(part["title"])
            out["parts"].append(moved)
    return out


def _spec_of(key: str, name: str) -> Spec:
    return FILES[name][key][0]


def write_synthetic_book(scale: int, out_dir: Path, source: Path | None = None) -> Path:
    """Write a book folder ``scale`` times the size of ``source`` into ``out_dir``; validate it."""
    source = source or REAL_BOOK
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    out_dir.mkdir(parents=True, exist_ok=True)
    book = yaml.safe_load((source / "book.yaml").read_text(encoding="utf-8"))
    chapters, parts = book["chapters"], len(book["parts"])
    _dump(scale_book(book, scale), out_dir / "book.yaml")
    for name in FILES:
        data = yaml.safe_load((source / name).read_text(encoding="utf-8")) or {}
        scaled: dict[str, list] = {}
        for key, items in data.items():
            spec = _spec_of(key, name)
            scaled[key] = [scale_item(item, spec, Copy(k, chapters, parts))
                           for k in range(1, scale + 1) for item in items]
        _dump(scaled, out_dir / name)
    load_content(out_dir)  # raises BuildError (every problem, path:line) if the copy is invalid
    return out_dir


def _dump(data: Any, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def content_size(folder: Path) -> dict[str, int]:
    """Item counts of a validated book folder (to show what "Nx" means)."""
    c = load_content(folder)
    return {"chapters": c.book.chapters, "events": len(c.events), "characters": len(c.characters),
            "themes": len(c.themes), "quotes": len(c.quotes), "worksheets": len(c.worksheets),
            "questions": sum(len(w.questions) for w in c.worksheets), "terms": len(c.terms),
            "bytes": sum(p.stat().st_size for p in folder.glob("*.yaml"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    folder = write_synthetic_book(args.scale, args.out)
    print(folder, content_size(folder))


if __name__ == "__main__":
    main()
