"""The module layout the design promises: each library behind its one renderer."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "nlmg_pack"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def modules_importing(library: str) -> set[str]:
    return {str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if library in imported_modules(p)}


def test_reportlab_only_in_the_pdf_renderer() -> None:
    users = modules_importing("reportlab")
    assert users, "the PDF renderer should import reportlab"
    assert all(u.startswith("render/pdf/") for u in users), users


def test_ebooklib_only_in_the_epub_renderer() -> None:
    users = modules_importing("ebooklib")
    assert users, "the EPUB renderer should import ebooklib"
    assert all(u.startswith("render/epub/") for u in users), users


def test_sections_and_renderers_stay_apart() -> None:
    for path in (SRC / "sections").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "render" not in imported_modules(path) and ".render" not in text, path
    for path in (SRC / "render").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}
        forbidden = {"sections", "model", "content", "source", "schema", "packs", "select"}
        assert not {str(m).split(".")[0] for m in relative if m} & forbidden, path
        assert "yaml" not in imported_modules(path), path
