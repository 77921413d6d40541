"""The CLI's commands, as functions of parsed arguments (kept apart from argument parsing)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .build import BuildRequest, build_pack
from .content import load_content
from .errors import BuildError, Diagnostic
from .packs import CONTENT_DIR, SECTION_KINDS, Overrides, available_packs, load_pack
from .render import RENDERERS
from .styles import available_styles


def build(args: argparse.Namespace) -> list[Path]:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or not formats:
        raise BuildError([Diagnostic("<command line>", 0, "E132",
                                     f"--format must be a comma-separated list of {', '.join(RENDERERS)}")])
    if args.up_to_chapter is not None and args.up_to_chapter < 1:
        raise BuildError([Diagnostic("<command line>", 0, "E132", "--up-to-chapter must be 1 or more")])
    overrides = Overrides(edition=args.edition, paper=args.paper, style=args.style,
                          up_to_chapter=args.up_to_chapter)
    request = BuildRequest(pack=args.pack, overrides=overrides, content_dir=args.content,
                           out_dir=args.out, formats=formats)
    return build_pack(request)


def check(args: argparse.Namespace) -> str:
    pack = load_pack(args.pack) if args.pack else None
    folder = args.content or CONTENT_DIR / (pack.book if pack else load_pack("full").book)
    content = load_content(folder)
    c = content
    return (f"{folder}: OK — {len(c.events)} events, {len(c.characters)} characters, "
            f"{len(c.themes)} themes and symbols, {len(c.quotes)} quotations, "
            f"{len(c.worksheets)} worksheets ({sum(len(w.questions) for w in c.worksheets)} questions), "
            f"{len(c.terms)} glossary terms")


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
