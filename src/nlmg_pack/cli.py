"""Command line: argument parsing, diagnostics on stderr, exit codes. Nothing else.

Exit status: 0 success; 2 bad content, pack, style or arguments (every problem printed as
``path:line: CODE message``); 1 an internal bug (the only case that shows a traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import BuildError, Diagnostic

EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports misuse in our diagnostic format, with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise BuildError([Diagnostic("<command line>", 0, "E132", message)])


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nlmg-pack", description="Build printable PDF and EPUB study packs from YAML content.")
    parser.add_argument("--version", action="version", version=f"nlmg-pack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = sub.add_parser("build", help="build a pack (PDF and/or EPUB)")
    build.add_argument("--pack", default="full", help="pack name in packs/ or a recipe file (default: full)")
    build.add_argument("--content", type=Path, help="book folder (default: content/<the recipe's book>)")
    build.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default: dist)")
    build.add_argument("--format", default="pdf,epub", help="comma-separated: pdf, epub (default: both)")
    build.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: the recipe's)")
    build.add_argument("--style", help="style name in styles/ (default: the recipe's)")
    build.add_argument("--edition", choices=("student", "teacher", "both"), help="edition (default: the recipe's)")
    build.add_argument("--up-to-chapter", type=int, metavar="N", help="leave out everything revealed after chapter N")
    build.add_argument("--part", type=int, action="append", default=[], metavar="N",
                       help="only this Part (repeatable)")
    build.add_argument("--theme", action="append", default=[], metavar="ID", help="only this theme (repeatable)")
    build.add_argument("--character", action="append", default=[], metavar="ID",
                       help="only this character (repeatable)")
    build.add_argument("--seed", type=int, help="seed for generated exercises and versions")
    build.add_argument("--versions", type=int, metavar="N", help="make N versions (A, B, ...) with their own keys")
    build.add_argument("--students", type=Path, metavar="FILE",
                       help="class list CSV (name[,class]): one personalised PDF per student")

    check = sub.add_parser("check", help="validate a book folder (and optionally a pack) without building")
    check.add_argument("--content", type=Path, help="book folder (default: content/<the default pack's book>)")
    check.add_argument("--pack", help="also validate this pack recipe")

    sub.add_parser("list", help="list books, packs, styles and section kinds")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = make_parser().parse_args(argv)
        return _run(args)
    except BuildError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        count = len(exc.diagnostics)
        print(f"nlmg-pack: {count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("nlmg-pack: interrupted; nothing was written.", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from . import commands  # deferred: `--help` should not load the pipeline

    if args.command == "build":
        written = commands.build(args)
        for path in written:
            print(path)
    elif args.command == "check":
        print(commands.check(args))
    else:
        print(commands.listing())
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
