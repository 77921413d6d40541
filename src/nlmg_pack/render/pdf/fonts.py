"""Font registration and glyph coverage for the PDF renderer.

reportlab keeps registered fonts in a process-wide table, so fonts are registered under names
derived from their files (idempotent: a second render, or a second style using the same file,
reuses the registration). ``registerFontFamily`` ties the four faces together so that ``<b>`` and
``<i>`` in paragraph markup pick the bold and italic files instead of silently staying regular.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...styles import FontFamily


@dataclass(frozen=True)
class Faces:
    """Registered reportlab font names of one family's four faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    def pick(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular

    def names(self) -> tuple[str, str, str, str]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


@dataclass(frozen=True)
class FontSet:
    """The two families a Style uses."""

    body: Faces
    heading: Faces


def _register_face(path: Path) -> str:
    """Register one TTF file (once per process) and return its reportlab name."""
    name = path.stem
    registered = pdfmetrics.getRegisteredFontNames()
    if name in registered:
        existing = pdfmetrics.getFont(name)
        if Path(getattr(existing.face, "filename", "")) == path:
            return name
        # Same file name, different file (another package version): keep both apart.
        name = f"{path.stem}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"
        if name in registered:
            return name
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def register_family(family: FontFamily) -> Faces:
    faces = Faces(
        regular=_register_face(Path(family.regular)),
        bold=_register_face(Path(family.bold)),
        italic=_register_face(Path(family.italic)),
        bold_italic=_register_face(Path(family.bold_italic)),
    )
    pdfmetrics.registerFontFamily(
        faces.regular, normal=faces.regular, bold=faces.bold,
        italic=faces.italic, boldItalic=faces.bold_italic,
    )
    return faces


def register_fonts(body: FontFamily, heading: FontFamily) -> FontSet:
    return FontSet(body=register_family(body), heading=register_family(heading))
