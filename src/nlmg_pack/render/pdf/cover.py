"""Front matter: the cover page and the contents page."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreakIfNotEmpty, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents
from reportlab.platypus.tables import TableStyle

from .markup import esc
from .slots import Slot, place_slot
from .styles import Kit
from .widgets import Marker, Para


def _style(kit: Kit, name: str, font: str, size: float, leading: float = 1.2, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, parent=kit.para["base"], fontName=font, fontSize=size, leading=size * leading,
                          alignment=TA_LEFT, **kw)


class CoverPage(Flowable):
    """Fills the first page: book and pack titles up top, edition, then who the copy is for."""

    def __init__(self, kit: Kit):
        super().__init__()
        self.kit = kit

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, avail_h
        return avail_w, avail_h

    def _title_block(self) -> list[tuple[Paragraph, float]]:
        kit, meta, st = self.kit, self.kit.meta, self.kit.style
        head, body = kit.fonts.heading, kit.fonts.body
        big = st.h1_size * 1.7
        blocks = [
            (Para("Study pack", _style(kit, "c-kicker", head.bold, st.small_size * 1.1,
                                            textColor=kit.palette.quiet)), 10),
            (Para(esc(meta.book_title), _style(kit, "c-book", head.bold, big, 1.08)), 6),
            (Para(esc(meta.book_author), _style(kit, "c-author", head.regular, st.h3_size * 1.2)), 28),
            (Para(esc(meta.title), _style(kit, "c-pack", head.bold, st.h2_size * 1.15, 1.2)), 8),
        ]
        if meta.description:
            blocks.append((Para(esc(meta.description), _style(kit, "c-desc", body.regular, st.body_size * 1.1,
                                                                   st.leading)), 8))
        if meta.up_to_chapter:
            scope = (f"Covers chapters 1\u2013{meta.up_to_chapter} only: nothing after chapter "
                     f"{meta.up_to_chapter} is discussed.")
            blocks.append((Para(esc(scope), _style(kit, "c-scope", head.regular, st.body_size)), 8))
        return blocks

    def _edition_badge(self, top: float) -> None:
        """The edition in a box (a border and words, not a colour, mark the teacher copy)."""
        canv, kit = self.canv, self.kit
        size = kit.style.body_size * 1.15
        label = "TEACHER EDITION" if kit.teacher else "STUDENT EDITION"
        width = stringWidth(label, kit.fonts.heading.bold, size) + 16
        height = size + 12
        canv.setStrokeColor(kit.palette.ink)
        canv.setLineWidth(1.5 if kit.teacher else 0.8)
        canv.rect(0, top - height, width, height, stroke=1, fill=0)
        canv.setFillColor(kit.palette.ink)
        canv.setFont(kit.fonts.heading.bold, size)
        canv.drawString(8, top - height + 6 + size * 0.12, label)
        if kit.teacher:
            canv.setFont(kit.fonts.heading.regular, kit.style.body_size)
            canv.drawString(width + 10, top - height + 6 + size * 0.12, "with answers and mark schemes")

    def draw(self) -> None:
        canv, kit = self.canv, self.kit
        y = self.height - self.height * 0.12
        for para, gap in self._title_block():
            height = para.wrap(self.width * 0.9, self.height)[1]
            y -= height
            para.drawOn(canv, 0, y)
            y -= gap
            if para.style.name == "c-author":
                canv.setStrokeColor(kit.palette.ink)
                canv.setLineWidth(2.5)
                canv.line(0, y + 12, 56, y + 12)
        self._edition_badge(y - 10)
        self._draw_owner()
        self._draw_small_print()

    def _draw_owner(self) -> None:
        """Name and class: lines to write on, with slots on them for a personalised copy."""
        canv, kit = self.canv, self.kit
        size = kit.style.body_size * 1.1
        step = max(kit.style.write_line_mm * mm * 1.6, size * 2.4)
        base = self.height * 0.16
        rows = (("Name", "name", 0.75), ("Class", "class", 0.45))
        canv.setFont(kit.fonts.heading.regular, kit.style.small_size)
        canv.setFillColor(kit.palette.quiet)
        canv.drawString(0, base + len(rows) * step, "This copy belongs to")
        canv.setFillColor(kit.palette.ink)
        for index, (label, slot_field, reach) in enumerate(rows):
            y = base + (len(rows) - 1 - index) * step
            canv.setFont(kit.fonts.heading.bold, size)
            canv.drawString(0, y + 4, label)
            x0, x1 = size * 4.2, self.width * reach
            if kit.slots is not None:
                place_slot(canv, kit.slots, Slot(slot_field, kit.fonts.heading.regular, size * 1.15, x1 - x0),
                           x0, y + 4)
            canv.setStrokeColor(kit.palette.ink)
            canv.setLineWidth(0.8)
            canv.line(x0, y, x1, y)

    def _draw_small_print(self) -> None:
        kit, meta = self.kit, self.kit.meta
        parts = [p for p in (meta.publisher, meta.date, meta.rights) if p]
        if not parts:
            return
        para = Para(esc("  \u00b7  ".join(parts)), kit.para["small"])
        para.wrap(self.width, self.height)
        para.drawOn(self.canv, 0, 0)


def contents_flowables(kit: Kit) -> list[Flowable]:
    """The contents page: real page numbers, each entry a link (filled in by multiBuild)."""
    toc = TableOfContents(
        levelStyles=[kit.para["toc0"], kit.para["toc1"]], dotsMinLevel=0, rightColumnWidth=36,
        tableStyle=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), kit.fonts.body.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
    title = Para("Contents", kit.para["h1"])
    return [PageBreakIfNotEmpty("body"), Marker(running_head="Contents"), title, toc]
