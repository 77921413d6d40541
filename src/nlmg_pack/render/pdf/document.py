"""The document template: page templates (cover, body, card sheets), running heads and footers,
contents and outline entries, metadata, and the multi-pass build."""

from __future__ import annotations

import io
import time

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreakIfNotEmpty, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from ... import ir
from .cards import CardFace, draw_cut_lines, grid_frames
from .cover import CoverPage, contents_flowables
from .flow import section_flowables
from .markup import esc
from .slots import Slot, place_slot
from .styles import Kit
from .widgets import PageTotal

MAX_PASSES = 8


class PackDocTemplate(BaseDocTemplate):
    """Tracks what the page furniture needs: the running head, the cells used on a card sheet,
    the page total, and turns marked flowables into contents entries and outline items."""

    def __init__(self, buffer: io.BytesIO, kit: Kit, total: PageTotal, **kwargs):
        super().__init__(buffer, **kwargs)
        self.kit = kit
        self.page_total = total
        total.doc = self
        self.running_head = ""
        self.used_cells: set[int] = set()
        self.addPageTemplates(page_templates(kit))

    def beforeDocument(self) -> None:
        self.running_head = ""  # every pass starts from the cover

    def beforePage(self) -> None:
        self.used_cells = set()

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "toc_entry", None)
        if entry:
            level, title, key = entry
            self.notify("TOCEntry", (level, esc(title), self.page, key))
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
        head = getattr(flowable, "running_head", None)
        if head is not None:
            self.running_head = head
        if isinstance(flowable, CardFace):
            self.used_cells.add(int(self.frame.id.removeprefix("card")))


# --------------------------------------------------------------------------- page furniture


def _paint_background(canv: Canvas, doc: PackDocTemplate) -> None:
    pal = doc.kit.palette
    if not pal.page_is_white:
        canv.saveState()
        canv.setFillColor(pal.page)
        canv.rect(0, 0, doc.kit.geo.page_w, doc.kit.geo.page_h, stroke=0, fill=1)
        canv.restoreState()


def _footer(canv: Canvas, doc: PackDocTemplate, numbered: bool = True) -> None:
    if getattr(canv, "layout_only", False):
        return  # the measuring pass: its pages are thrown away, and the total is not known yet
    kit = doc.kit
    geo, size = kit.geo, kit.style.small_size
    y = geo.margin * 0.5 - size * 0.3
    canv.saveState()
    canv.setFillColor(kit.palette.ink)
    x = geo.margin
    canv.setFont(kit.fonts.heading.bold, size)
    if kit.teacher:
        canv.drawString(x, y, "Teacher edition")
        x += canv.stringWidth("Teacher edition   ", kit.fonts.heading.bold, size)
    if kit.slots is not None:  # the pupil's name and class, so a loose page finds its owner
        place_slot(canv, kit.slots, Slot("owner", kit.fonts.heading.bold, size, geo.frame_w * 0.55), x, y)
    if numbered:
        canv.setFont(kit.fonts.heading.regular, size)
        canv.drawRightString(geo.page_w - geo.margin, y, f"Page {doc.page} of {doc.page_total.total}")
    canv.restoreState()


def _header(canv: Canvas, doc: PackDocTemplate, right: str, rule: bool = True) -> None:
    if getattr(canv, "layout_only", False):
        return  # the measuring pass: its pages are thrown away
    kit = doc.kit
    geo, size = kit.geo, kit.style.small_size
    y = geo.page_h - geo.margin * 0.5 - size * 0.3
    canv.saveState()
    canv.setFillColor(kit.palette.quiet)
    canv.setFont(kit.fonts.heading.regular, size)
    if doc.running_head:
        canv.drawString(geo.margin, y, doc.running_head)
    canv.drawRightString(geo.page_w - geo.margin, y, right)
    if rule:
        canv.setStrokeColor(kit.palette.rule)
        canv.setLineWidth(0.4)
        canv.line(geo.margin, y - size * 0.55, geo.page_w - geo.margin, y - size * 0.55)
    canv.restoreState()


def _cover_end(canv: Canvas, doc: PackDocTemplate) -> None:
    _footer(canv, doc, numbered=False)


def _body_end(canv: Canvas, doc: PackDocTemplate) -> None:
    _header(canv, doc, doc.kit.meta.book_title)
    _footer(canv, doc)


def _front_end(canv: Canvas, doc: PackDocTemplate) -> None:
    draw_cut_lines(canv, doc.kit, doc.used_cells)
    _header(canv, doc, "Cut along the dashed lines" if doc.used_cells else "", rule=False)
    _footer(canv, doc)


def _back_end(canv: Canvas, doc: PackDocTemplate) -> None:
    draw_cut_lines(canv, doc.kit, doc.used_cells)
    _header(canv, doc, "Card backs: print double-sided, flip on the long edge", rule=False)
    _footer(canv, doc)


def page_templates(kit: Kit) -> list[PageTemplate]:
    geo = kit.geo

    def text_frame(name: str) -> Frame:
        return Frame(geo.margin, geo.margin, geo.frame_w, geo.frame_h, leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0, id=name)

    size = (geo.page_w, geo.page_h)
    return [
        PageTemplate("cover", [text_frame("cover")], onPage=_paint_background, onPageEnd=_cover_end,
                     pagesize=size),
        PageTemplate("body", [text_frame("body")], onPage=_paint_background, onPageEnd=_body_end, pagesize=size),
        PageTemplate("cards-front", grid_frames(kit), onPage=_paint_background, onPageEnd=_front_end,
                     pagesize=size),
        PageTemplate("cards-back", grid_frames(kit), onPage=_paint_background, onPageEnd=_back_end,
                     pagesize=size),
        PageTemplate("cards-front-first", grid_frames(kit, with_band=True), onPage=_paint_background,
                     onPageEnd=_front_end, pagesize=size),
        PageTemplate("cards-back-first", grid_frames(kit, with_band=True), onPage=_paint_background,
                     onPageEnd=_back_end, pagesize=size),
    ]


# --------------------------------------------------------------------------- story and build


def _collapse_breaks(story: list[Flowable]) -> list[Flowable]:
    """reportlab skips only the first of several page breaks in a row (the rest make blank
    pages), so keep just the last of each run: its template is the one that matters."""
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, PageBreakIfNotEmpty) and out and isinstance(out[-1], PageBreakIfNotEmpty):
            out[-1] = flowable
        else:
            out.append(flowable)
    return out


def printed_sections(doc: ir.Document) -> list[ir.Section]:
    """Sections the PDF prints: answers travel with their questions (teacher edition only), so
    a separate answers section (made for the EPUB) is never printed."""
    return [s for s in doc.sections if s.kind != "answers"]


def assemble_story(doc: ir.Document, kit: Kit, total: PageTotal) -> list[Flowable]:
    """Cover, the leading intro section(s), contents, then every other section."""
    sections = printed_sections(doc)
    lead = 0
    while lead < len(sections) and sections[lead].kind == "intro":
        lead += 1
    story: list[Flowable] = [total, CoverPage(kit)]
    for section in sections[:lead]:
        story += section_flowables(section, kit)
    if sections:
        story += contents_flowables(kit)
    for section in sections[lead:]:
        story += section_flowables(section, kit)
    return _collapse_breaks(story)


def _seed_contents(story: list[Flowable]) -> None:
    """Give the contents its entries (page numbers still 0) before the first pass, so that pass
    already lays the contents out at full length: the second pass is then usually the last."""
    def entries(flowables: list[Flowable]) -> list[tuple]:
        found: list[tuple] = []
        for flowable in flowables:
            entry = getattr(flowable, "toc_entry", None)
            if entry:
                found.append((entry[0], esc(entry[1]), 0, entry[2]))
            inner = getattr(flowable, "_content", None)  # KeepTogether and friends
            if isinstance(inner, list):
                found += entries(inner)
        return found

    for flowable in story:
        if isinstance(flowable, TableOfContents):
            flowable.addEntries(entries(story))


def _canvas_maker(epoch: int):
    """A Canvas whose creation and modification dates are SOURCE_DATE_EPOCH (invariant mode
    otherwise stamps a fixed 2000-01-01), with the outline pane open on opening.

    The first pass's canvas is marked ``layout_only``: that pass cannot be the last (the page
    total starts unknown), so paragraphs skip setting their text on it."""
    passes = [0]

    def make(*args, **kwargs) -> Canvas:
        canv = Canvas(*args, **kwargs)
        canv.layout_only = passes[0] == 0
        passes[0] += 1
        stamp = canv._doc._timeStamp
        stamp.t = epoch
        stamp.lt = time.gmtime(epoch)
        stamp.YMDhms = tuple(stamp.lt)[:6]
        stamp.dhh = stamp.dmm = 0
        stamp.tzname = "UTC"
        canv.showOutline()
        return canv

    return make


def build_pdf(doc: ir.Document, kit: Kit, epoch: int) -> bytes:
    meta = doc.meta
    buffer = io.BytesIO()
    total = PageTotal()
    template = PackDocTemplate(
        buffer, kit, total,
        pagesize=(kit.geo.page_w, kit.geo.page_h),
        leftMargin=kit.geo.margin, rightMargin=kit.geo.margin,
        topMargin=kit.geo.margin, bottomMargin=kit.geo.margin,
        title=meta.title, author=meta.creator,
        subject=meta.subject or f"A study pack for {meta.book_title} by {meta.book_author}",
        keywords=list(meta.keywords), creator="nlmg-pack", lang=meta.language,
        invariant=1, pageCompression=1, displayDocTitle=1,
        initialFontName=kit.fonts.body.regular, initialFontSize=kit.style.body_size,
    )
    story = assemble_story(doc, kit, total)
    _seed_contents(story)
    template.multiBuild(story, maxPasses=MAX_PASSES, canvasmaker=_canvas_maker(epoch))
    return buffer.getvalue()
