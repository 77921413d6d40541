"""Pack recipes (``packs/NAME.yaml``): what a pack contains, validated like content.

A recipe names the book, the sections in order, the chapter cut-off, filters, edition, paper
and style. Command-line flags override recipe fields (``Overrides``). The result is a frozen
``Pack`` that the rest of the pipeline reads.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import Collector
from .schema import Context, Field, Spec, convert, did_you_mean
from .source import PosMap, load_yaml

ROOT = Path(__file__).resolve().parents[2]
PACKS_DIR = ROOT / "packs"
CONTENT_DIR = ROOT / "content"

SECTION_KINDS = ("intro", "context", "timeline", "characters", "themes", "symbols", "quotes",
                 "cards", "worksheets", "glossary", "figures")
EDITIONS = ("student", "teacher", "both")
MAX_VERSIONS = 26  # versions are lettered A-Z
PAPERS = ("a4", "letter")
WORKSHEET_KINDS = ("comprehension", "vocabulary", "close-reading", "exam")
# exercises.GENERATORS implements exactly these (checked there); named here so recipes validate
# without importing the generators.
GENERATOR_NAMES = ("who-said-it", "complete-the-quotation", "order-events", "match-character",
                   "match-quote-theme", "which-part")


@dataclass(frozen=True)
class Filters:
    """Narrow a pack to some Parts, chapters, themes or characters (empty = everything)."""

    parts: tuple[int, ...] = ()
    chapters: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    worksheet_kinds: tuple[str, ...] = WORKSHEET_KINDS  # [] = no authored worksheets


@dataclass(frozen=True)
class Exercise:
    """A generated exercise: which generator, how many questions, and an optional title."""

    generator: str
    count: int
    title: str = ""


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    book: str
    sections: tuple[str, ...]
    edition: str = "student"
    paper: str = "a4"
    style: str = "classic"
    up_to_chapter: int | None = None
    filters: Filters = Filters()
    card_backs: bool = True
    description: str = ""
    output: str = ""  # file name stem; defaults to the book (full pack) or book-pack
    exercises: tuple[Exercise, ...] = ()
    seed: int = 1
    versions: int = 1
    src_path: str = ""
    from_command_line: frozenset[str] = frozenset()  # fields set by flags, for error locations

    def origin(self, field_name: str) -> str:
        """Where a field's value came from, for a diagnostic's path."""
        return "<command line>" if field_name in self.from_command_line else (self.src_path or self.name)

    @property
    def editions(self) -> tuple[str, ...]:
        return ("student", "teacher") if self.edition == "both" else (self.edition,)


@dataclass(frozen=True)
class Overrides:
    """Command-line values that replace recipe fields (None = keep the recipe's)."""

    edition: str | None = None
    paper: str | None = None
    style: str | None = None
    up_to_chapter: int | None = None
    seed: int | None = None
    versions: int | None = None
    parts: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()


FILTERS = Spec("filters", (
    Field("parts", "int", False, many=True), Field("chapters", "int", False, many=True),
    Field("themes", "id", False, many=True), Field("characters", "id", False, many=True),
    Field("worksheet_kinds", "enum:" + "|".join(WORKSHEET_KINDS), False, WORKSHEET_KINDS, many=True)),
    lambda src, **kw: Filters(**kw))
EXERCISE = Spec("exercise", (
    Field("generator", "enum:" + "|".join(GENERATOR_NAMES)), Field("count", "int"),
    Field("title", "text", False, "")), lambda src, **kw: Exercise(**kw))
RECIPE = Spec("pack", (
    Field("title", "text"), Field("book", "id"), Field("sections", f"enum:{'|'.join(SECTION_KINDS)}", many=True),
    Field("edition", f"enum:{'|'.join(EDITIONS)}", False, "student"),
    Field("paper", f"enum:{'|'.join(PAPERS)}", False, "a4"), Field("style", "id", False, "classic"),
    Field("up_to_chapter", "int", False), Field("filters", FILTERS, False, Filters()),
    Field("card_backs", "bool", False, True), Field("description", "text", False, ""),
    Field("output", "id", False, ""), Field("exercises", EXERCISE, False, many=True),
    Field("seed", "int", False, 1), Field("versions", "int", False, 1)), lambda src, **kw: kw)


def available_packs(packs_dir: Path = PACKS_DIR) -> list[str]:
    return sorted(p.stem for p in packs_dir.glob("*.yaml"))


def pack_path(name_or_file: str, packs_dir: Path = PACKS_DIR) -> Path:
    candidate = Path(name_or_file)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        return candidate
    return packs_dir / f"{name_or_file}.yaml"


def load_pack(name_or_file: str, overrides: Overrides = Overrides(), packs_dir: Path = PACKS_DIR) -> Pack:
    """Read and validate a recipe, apply overrides; raise BuildError listing every problem."""
    out = Collector()
    path = pack_path(name_or_file, packs_dir)
    shown = _shown(path)
    if not path.is_file():
        hint = did_you_mean(name_or_file, available_packs(packs_dir))
        out.add(shown, 0, "E130", f"no pack '{name_or_file}'{hint} (available: {', '.join(available_packs(packs_dir))})")
        out.raise_if_any()
    data = load_yaml(path, shown, out)
    out.raise_if_any()
    if not isinstance(data, PosMap):
        out.add(shown, 1, "E130", "a pack recipe must be a mapping (title:, book:, sections: ...)")
        out.raise_if_any()
    values = convert(data, RECIPE, Context(out), shown, 1)
    _check_numbers(data, shown, out)
    out.raise_if_any()
    for i, kind in enumerate(values["sections"]):
        if kind in values["sections"][:i]:
            out.add(shown, data["sections"].line_of(i), "E130", f"section '{kind}' is listed twice")
    out.raise_if_any()
    return apply_overrides(Pack(name=path.stem, src_path=shown, **values), overrides)


def _check_numbers(data: PosMap, shown: str, out: Collector) -> None:
    """Ranges, checked on the raw recipe so they are reported alongside any schema errors."""
    versions = data.get("versions")
    if isinstance(versions, int) and not isinstance(versions, bool) and not 1 <= versions <= MAX_VERSIONS:
        out.add(shown, data.line_of("versions"), "E130", f"versions must be 1-{MAX_VERSIONS}")
    exercises = data.get("exercises")
    for i, ex in enumerate(exercises if isinstance(exercises, list) else []):
        count = ex.get("count") if isinstance(ex, dict) else None
        if isinstance(count, int) and not isinstance(count, bool) and not 1 <= count <= 50:
            out.add(shown, exercises.line_of(i), "E130", f"exercise count must be 1-50, not {count}")


def apply_overrides(pack: Pack, o: Overrides) -> Pack:
    """Command-line flags win over the recipe; filter flags replace the recipe's filter."""
    scalars = {f.name: getattr(o, f.name) for f in fields(o)
               if f.name in ("edition", "paper", "style", "up_to_chapter", "seed", "versions")
               and getattr(o, f.name) is not None}
    filters = pack.filters
    flagged = set(scalars)
    for name in ("parts", "themes", "characters"):
        if getattr(o, name):
            filters = replace(filters, **{name: getattr(o, name)})
            flagged.add(name)
    return replace(pack, filters=filters, from_command_line=frozenset(flagged), **scalars)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def output_stem(pack: Pack, edition: str, version: str = "") -> str:
    """``never-let-me-go`` for the full pack, ``never-let-me-go-part-one`` for others, then
    ``-B`` for a version and ``-teacher`` for the teacher edition."""
    stem = pack.output or f"{pack.book}-{pack.name}"
    if version:
        stem += f"-{version}"
    return f"{stem}-teacher" if edition == "teacher" else stem
