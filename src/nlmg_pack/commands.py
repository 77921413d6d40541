"""The CLI's commands, as functions of parsed arguments (kept apart from argument parsing)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .build import BuildRequest, build_pack
from .content import load_content
from .errors import BuildError, Diagnostic
from .packs import CONTENT_DIR, MAX_VERSIONS, SECTION_KINDS, Overrides, available_packs, load_pack
from .render import RENDERERS
from .select import select
from .styles import available_styles


def build(args: argparse.Namespace) -> list[Path]:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or not formats:
        raise BuildError([Diagnostic("<command line>", 0, "E132",
                                     f"--format must be a comma-separated list of {', '.join(RENDERERS)}")])
    problems = []
    if args.up_to_chapter is not None and args.up_to_chapter < 1:
        problems.append("--up-to-chapter must be 1 or more")
    if args.versions is not None and not 1 <= args.versions <= MAX_VERSIONS:
        problems.append(f"--versions must be 1-{MAX_VERSIONS}")
    if args.students and args.edition:
        problems.append("--students makes student copies and a teacher key per version; drop --edition")
    if problems:
        raise BuildError([Diagnostic("<command line>", 0, "E132", p) for p in problems])
    overrides = Overrides(edition=args.edition, paper=args.paper, style=args.style,
                          up_to_chapter=args.up_to_chapter, seed=args.seed, versions=args.versions,
                          parts=tuple(args.part), themes=tuple(args.theme), characters=tuple(args.character))
    request = BuildRequest(pack=args.pack, overrides=overrides, content_dir=args.content, out_dir=args.out,
                           formats=formats, students=args.students, progress=True)
    return build_pack(request)


def check(args: argparse.Namespace) -> str:
    pack = load_pack(args.pack) if args.pack else None
    folder = args.content or CONTENT_DIR / (pack.book if pack else load_pack("full").book)
    c = load_content(folder)
    if pack:
        select(c, pack)  # the recipe's filters and cut-off must fit this book
    return (f"{_shown(folder)}: OK — {len(c.events)} events, {len(c.characters)} characters, "
            f"{len(c.themes)} themes and symbols, {len(c.quotes)} quotations, "
            f"{len(c.worksheets)} worksheets ({sum(len(w.questions) for w in c.worksheets)} questions), "
            f"{len(c.terms)} glossary terms")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def listing() -> str:
    books = sorted(p.name for p in CONTENT_DIR.iterdir() if (p / "book.yaml").is_file())
    rows = [
        "books:    " + ", ".join(books),
        "packs:    " + ", ".join(available_packs()),
        "styles:   " + ", ".join(available_styles()),
        "sections: " + ", ".join(SECTION_KINDS),
        "formats:  " + ", ".join(RENDERERS),
    ]
    return "\n".join(rows)
