"""PDF renderer: ``render_pdf(doc, style, options) -> bytes`` (reportlab; imported only here).

Modules: fonts (registration), styles (the per-render kit: paragraph styles, colours, page
geometry), markup (inline -> Paragraph markup, escaping), widgets (small custom flowables),
prose (paragraphs, headings, quotations, lists), flow (blocks -> flowables, sections),
worksheets, cards, figures, cover (cover and contents), document (templates, page furniture,
outline, metadata, the multi-pass build), slots (personalised copies from one layout), combine
(a class set's print-all file)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab import rl_config

from ... import ir, links
from ...styles import Style
from .. import RenderOptions
from .document import build_pdf, printed_sections
from .fonts import register_fonts
from .slots import fill, filled_forms, slot_values
from .styles import Kit, make_kit

# Streams are Flate-compressed binary already; the ASCII85 layer reportlab adds by default makes
# every file about 10% bigger and costs time in pure Python.
rl_config.useA85 = 0


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
    return build_pdf(doc, _kit(doc, style, options, with_slots=False), options.epoch)


def render_pdf_copies(doc: ir.Document, style: Style, options: RenderOptions,
                      people: Sequence[tuple[str, str]]) -> list[bytes]:
    """One PDF of ``doc`` per (name, class) in ``people``: laid out once, then personalised
    (see ``slots``), so thirty copies cost little more than one."""
    kit = _kit(doc, style, options, with_slots=True)
    base = build_pdf(doc, kit, options.epoch)
    slots = [kit.slots[name] for name in sorted(kit.slots or {})]
    return [fill(base, filled_forms(slots, slot_values(person), kit.palette.ink)) for person in people]


def _kit(doc: ir.Document, style: Style, options: RenderOptions, with_slots: bool) -> Kit:
    fonts = register_fonts(style.body_font, style.heading_font)
    teacher = doc.meta.edition == "teacher"
    return make_kit(doc, style, options, fonts, link_targets(doc, teacher), with_slots)


__all__ = ["render_pdf", "render_pdf_copies"]
