"""Styles: ``styles/NAME.yaml`` → a frozen ``Style`` (with ``parent:`` inheritance).

A style is data: fonts (by PyPI font-package family name, resolved to static TTF files with
``fontpkg``), sizes, spacing, alignment, and the few colours. Renderers read a ``Style``; they
never read the YAML. Styles are validated like content: unknown keys, wrong types and missing
fonts are ``path:line`` diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Collector
from .schema import Context, Field, Spec, convert
from .source import PosMap, load_yaml

STYLES_DIR = Path(__file__).resolve().parents[2] / "styles"
MAX_PARENTS = 8


@dataclass(frozen=True)
class FontFamily:
    """One typeface family: the four static TTF files a renderer registers or embeds."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def files(self) -> dict[str, Path]:
        return {"regular": self.regular, "bold": self.bold,
                "italic": self.italic, "bold_italic": self.bold_italic}


@dataclass(frozen=True)
class Style:
    """Everything a renderer needs to know about the look of a pack.

    Sizes are in points; margins and ``write_line_mm`` in millimetres; ``leading`` is a
    multiple of the body size; colours are ``#rrggbb``. ``emphasis`` says how to show ``Emph``
    ('italic', or 'bold' for styles that avoid italics). ``align`` is 'left' or 'justify'."""

    id: str
    title: str
    description: str
    body_font: FontFamily
    heading_font: FontFamily
    body_size: float
    small_size: float
    h1_size: float
    h2_size: float
    h3_size: float
    leading: float
    paragraph_space: float
    align: str
    emphasis: str
    hyphenate: bool
    page_color: str
    ink: str
    accent: str
    rule_gray: float
    margin_mm: float
    write_line_mm: float
    card_columns: int
    card_rows: int


_FONT_KEYS = ("body_font", "heading_font")
_STYLE_FIELDS = (
    Field("parent", "id", required=False),
    Field("title", "text"),
    Field("description", "text"),
    Field("body_font", "text", doc="font family name of an installed fontpkg package"),
    Field("heading_font", "text"),
    Field("body_size", "number"),
    Field("small_size", "number"),
    Field("h1_size", "number"),
    Field("h2_size", "number"),
    Field("h3_size", "number"),
    Field("leading", "number"),
    Field("paragraph_space", "number"),
    Field("align", "enum:left|justify"),
    Field("emphasis", "enum:italic|bold"),
    Field("hyphenate", "bool"),
    Field("page_color", "text"),
    Field("ink", "text"),
    Field("accent", "text"),
    Field("rule_gray", "number"),
    Field("margin_mm", "number"),
    Field("write_line_mm", "number"),
    Field("card_columns", "int"),
    Field("card_rows", "int"),
)


def available_styles(styles_dir: Path = STYLES_DIR) -> list[str]:
    return sorted(p.stem for p in styles_dir.glob("*.yaml"))


def load_style(name_or_path: str, styles_dir: Path = STYLES_DIR) -> Style:
    """Load, merge with parents, validate and resolve fonts; raise BuildError on any problem."""
    out = Collector()
    path = Path(name_or_path) if name_or_path.endswith(".yaml") else styles_dir / f"{name_or_path}.yaml"
    if not path.is_file():
        choices = ", ".join(available_styles(styles_dir))
        out.add(str(path), 0, "E131", f"no style '{name_or_path}' (available: {choices})")
        out.raise_if_any()
    merged, where = _merge_chain(path, out)
    out.raise_if_any()
    spec = Spec("style", _STYLE_FIELDS, build=lambda src, **kw: kw)
    values = convert(merged, spec, Context(out), where, 1)
    out.raise_if_any()
    values.pop("parent", None)
    fonts = {key: _resolve_family(values[key], where, merged.line_of(key), out) for key in _FONT_KEYS}
    _check_ranges(values, where, merged, out)
    out.raise_if_any()
    values.update(fonts)
    return Style(id=path.stem, **values)


def _merge_chain(path: Path, out: Collector) -> tuple[PosMap, str]:
    """Read ``path`` and its parents; a child's keys override its parent's."""
    chain: list[tuple[PosMap, str]] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None:
        shown = _shown(current)
        if current in seen or len(chain) >= MAX_PARENTS:
            out.add(shown, 0, "E131", "style parents form a loop or are nested too deeply")
            break
        seen.add(current)
        data = load_yaml(current, shown, out)
        if not isinstance(data, PosMap):
            if data is not None:
                out.add(shown, 0, "E131", "a style file must be a mapping of settings")
            break
        chain.append((data, shown))
        parent = data.get("parent")
        if parent is None:
            current = None
        else:
            current = current.parent / f"{parent}.yaml"
            if not current.is_file():
                out.add(shown, data.line_of("parent"), "E131", f"parent style '{parent}' does not exist")
                break
    merged = PosMap()
    merged.path, merged.line, merged.key_lines = chain[0][1] if chain else "", 1, {}
    for data, _shown_path in reversed(chain):
        for key, value in data.items():
            merged[key] = value
            merged.key_lines[key] = data.line_of(key)
    merged.pop("parent", None)
    return merged, chain[0][1] if chain else str(path)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _resolve_family(name: str, where: str, line: int, out: Collector) -> Any:
    import fontpkg  # imported here so that `check` works without fonts installed

    try:
        fam = fontpkg.family(name)
        files = {
            "regular": fontpkg.select_file(fam, 400, "normal", False).path,
            "bold": fontpkg.select_file(fam, 700, "normal", False).path,
            "italic": fontpkg.select_file(fam, 400, "italic", False).path,
            "bold_italic": fontpkg.select_file(fam, 700, "italic", False).path,
        }
    except fontpkg.FontpkgError as exc:
        out.add(where, line, "E131", f"font family '{name}' is not installed with all four styles: {exc}")
        return None
    for label, file in files.items():
        if Path(file).suffix.lower() != ".ttf":
            out.add(where, line, "E131", f"font '{name}' {label} is {Path(file).name}: only TrueType (.ttf) works")
    return FontFamily(name=fam.name, **{k: Path(v) for k, v in files.items()})


def _check_ranges(values: dict, where: str, data: PosMap, out: Collector) -> None:
    rules = [
        ("body_size", 8, 28), ("small_size", 6, 24), ("h1_size", 12, 48), ("h2_size", 10, 40),
        ("h3_size", 9, 32), ("leading", 1.0, 2.5), ("margin_mm", 8, 40),
        ("write_line_mm", 6, 14), ("card_columns", 1, 4), ("card_rows", 1, 6), ("rule_gray", 0, 1),
    ]
    for key, low, high in rules:
        if not low <= values[key] <= high:
            out.add(where, data.line_of(key), "E131", f"'{key}' must be between {low} and {high}")
    for key in ("page_color", "ink", "accent"):
        value = values[key]
        if not (len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in value[1:])):
            out.add(where, data.line_of(key), "E131", f"'{key}' must be a colour like #1a1a1a")

