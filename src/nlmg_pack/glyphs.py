"""Glyph coverage: every character the document prints must exist in the style's fonts.

A character a TrueType font lacks prints as an empty box (or silently vanishes), so it is a
content error, reported at the ``path:line`` of the block that holds it, before any rendering.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from . import ir
from .errors import BuildError, Collector
from .styles import Style

IGNORED = {"\n", "\t", "\u00ad"}  # layout characters, never drawn as glyphs


@lru_cache(maxsize=16)
def font_charset(path: Path) -> frozenset[int]:
    font = TTFont(str(path), lazy=True)
    return frozenset(font.getBestCmap() or {})


def check_glyphs(doc: ir.Document, style: Style) -> None:
    """Raise BuildError (E140) for each character missing from any font it may be set in."""
    families = (style.body_font, style.heading_font)
    covered = frozenset.intersection(*(font_charset(p) for fam in families for p in fam.files().values()))
    out = Collector()
    seen: set[tuple[str, ir.Src]] = set()
    for text, src in texts(doc):
        for ch in set(text) - IGNORED:
            if ord(ch) not in covered and (ch, src) not in seen:
                seen.add((ch, src))
                names = " / ".join(sorted({f.name for f in families}))
                out.add(src.path or "<generated>", src.line, "E140",
                        f"character '{ch}' (U+{ord(ch):04X}) is not in the style's fonts ({names}); "
                        "replace it or choose another style")
    if out.items:
        raise BuildError(out.items)


def texts(doc: ir.Document):
    """Yield (text, src) for every string the renderers may print."""
    m = doc.meta
    for value in (m.title, m.book_title, m.book_author):
        yield value, ir.NO_SRC
    for section in doc.sections:
        yield section.title, ir.NO_SRC
        yield ir.plain(section.intro), ir.NO_SRC
        for block in ir.walk_blocks(section.blocks):
            src = getattr(block, "src", ir.NO_SRC)
            for value in _block_texts(block):
                yield value, src


def _block_texts(block: ir.Block) -> list[str]:
    if isinstance(block, (ir.Heading, ir.Paragraph)):
        return [ir.plain(block.content)]
    if isinstance(block, ir.BlockQuote):
        return [ir.plain(block.content), ir.plain(block.attribution)]
    if isinstance(block, ir.ItemList):
        return [ir.plain(i) for i in block.items]
    if isinstance(block, ir.DefinitionList):
        return [ir.plain(d.term) + ir.plain(d.definition) for d in block.items]
    if isinstance(block, ir.Group):
        return [ir.plain(block.title)]
    if isinstance(block, ir.CardSet):
        return [" ".join((c.quote, c.speaker, *c.themes, *c.back)) for c in block.cards]
    if isinstance(block, ir.Worksheet):
        return [ir.plain(block.title), ir.plain(block.instructions), ir.plain(block.subtitle)] + [
            _question_text(q) for q in block.questions]
    if isinstance(block, ir.Figure):
        return [ir.plain(block.title), block.alt, ir.plain(block.caption)] + [
            s.text for s in block.graphic.shapes if isinstance(s, ir.GText)]
    return []


def _question_text(q: ir.Question) -> str:
    parts = [ir.plain(q.prompt), ir.plain(q.answer.content), *(ir.plain(p) for p in q.answer.points),
             *q.options, *q.items, *q.match_left, *q.match_right, *q.ao]
    if q.extract:
        parts += [ir.plain(q.extract.content), ir.plain(q.extract.attribution)]
    return " ".join(parts)


def check_names(rows: list[tuple[str, int]], path: str, style: Style) -> None:
    """Check names from a class list (text, line) against the fonts, reporting at ``path:line``."""
    families = (style.body_font, style.heading_font)
    covered = frozenset.intersection(*(font_charset(p) for fam in families for p in fam.files().values()))
    out = Collector()
    for text, line in rows:
        for ch in sorted(set(text) - IGNORED):
            if ord(ch) not in covered:
                out.add(path, line, "E140", f"character '{ch}' (U+{ord(ch):04X}) in this name is not in the "
                                            "style's fonts; write the name without it or choose another style")
    if out.items:
        raise BuildError(out.items)
