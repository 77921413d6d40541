"""PDF renderer: ``render_pdf(doc, style, options) -> bytes`` (reportlab; imported only here).

Modules: fonts (registration), styles (the per-render kit: paragraph styles, colours, page
geometry), markup (inline -> Paragraph markup, escaping), widgets (small custom flowables),
prose (paragraphs, headings, quotations, lists), flow (blocks -> flowables, sections),
worksheets, cards, figures, cover (cover and contents), document (templates, page furniture,
outline, metadata, the multi-pass build)."""

from __future__ import annotations

from ... import ir, links
from ...styles import Style
from .. import RenderOptions
from .document import build_pdf, printed_sections
from .fonts import register_fonts
from .styles import make_kit


def link_targets(doc: ir.Document, teacher: bool) -> frozenset[str]:
    """Anchors that get a named destination in this PDF: everything in a printed section,
    except answers in the student edition (which prints none)."""
    printed = {s.id for s in printed_sections(doc)}
    found = {anchor for anchor, section in links.anchors(doc).items() if section in printed}
    if not teacher:
        for section in doc.sections:
            for block in ir.walk_blocks(section.blocks):
                if isinstance(block, ir.Worksheet):
                    found -= {q.answer.anchor for q in block.questions}
    return frozenset(found)


def render_pdf(doc: ir.Document, style: Style, options: RenderOptions) -> bytes:
    """The whole pack as PDF bytes. Glyph coverage is checked before rendering, by the build
    (``nlmg_pack.glyphs``), so every character here has a glyph in the style's fonts."""
    fonts = register_fonts(style.body_font, style.heading_font)
    teacher = doc.meta.edition == "teacher"
    kit = make_kit(doc, style, options, fonts, link_targets(doc, teacher))
    return build_pdf(doc, kit, options.epoch)


__all__ = ["render_pdf"]
