"""Cut-out quote cards: a grid of ``card_columns`` x ``card_rows`` frames per sheet.

Each card is one flowable that fills its frame (so it can never split), shrinking its text when
it would not fit. Dashed cut lines are drawn by the page template around the cells actually
used, inside the page (not reportlab's cropMarks, which enlarge the page). With backs, each
sheet of fronts is followed by a sheet of backs whose columns are mirrored, so that a sheet
printed double-sided (flip on the long edge) puts each back behind its front.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Frame, FrameBreak, KeepInFrame, PageBreakIfNotEmpty, Paragraph

from ... import ir
from .markup import esc
from .styles import Kit
from .widgets import FullFrame, Marker, Para

Cell = tuple[float, float, float, float]  # x, y (bottom left), width, height
MIN_TEXT_SIZE = 5.0


def grid_cells(kit: Kit) -> list[Cell]:
    """Card cells, row by row from the top left, filling the text area of the page."""
    cols, rows = kit.style.card_columns, kit.style.card_rows
    geo = kit.geo
    cell_w, cell_h = geo.frame_w / cols, geo.frame_h / rows
    return [(geo.margin + c * cell_w, geo.margin + geo.frame_h - (r + 1) * cell_h, cell_w, cell_h)
            for r in range(rows) for c in range(cols)]


def grid_frames(kit: Kit, with_band: bool = False) -> list[Frame]:
    """Frames for a card sheet. ``with_band``: the top row is one frame (the section's title and
    instructions on the first sheet) and cards fill the rows below, at the same size."""
    cells = list(enumerate(grid_cells(kit)))
    frames: list[Frame] = []
    if with_band:
        _, (_, y, _, h) = cells[0]
        frames.append(Frame(kit.geo.margin, y, kit.geo.frame_w, h, leftPadding=0, rightPadding=0,
                            topPadding=0, bottomPadding=6, id="band"))
        cells = cells[kit.style.card_columns:]
    frames += [Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"card{i}")
               for i, (x, y, w, h) in cells]
    return frames


def band_possible(kit: Kit) -> bool:
    return kit.style.card_rows > 1


def draw_cut_lines(canv, kit: Kit, used: set[int]) -> None:
    """Dashed lines around every used cell; a shared edge is drawn once."""
    cells = grid_cells(kit)
    edges: set[tuple[float, float, float, float]] = set()
    for index in used:
        x, y, w, h = cells[index]
        x2, y2 = x + w, y + h
        for edge in ((x, y, x2, y), (x, y2, x2, y2), (x, y, x, y2), (x2, y, x2, y2)):
            edges.add(tuple(round(v, 2) for v in edge))
    canv.saveState()
    canv.setStrokeColor(kit.palette.rule)
    canv.setLineWidth(0.6)
    canv.setDash(4, 3)
    for x1, y1, x2, y2 in sorted(edges):
        canv.line(x1, y1, x2, y2)
    canv.restoreState()


def _fit(make: Callable[[float], list[Paragraph]], width: float, height: float,
         start: float) -> tuple[list[Paragraph], list[float]]:
    """Paragraphs at the largest size (from ``start`` down, in half points) that fit ``height``."""
    size = start
    while True:
        paras = make(size)
        heights = [p.wrap(width, 10_000)[1] + p.style.spaceAfter for p in paras]
        if sum(heights) <= height or size <= MIN_TEXT_SIZE:
            return paras, heights
        size -= 0.5


def _draw_stack(canv, paras: list[Paragraph], heights: list[float], x: float, top: float) -> None:
    y = top
    for para, height in zip(paras, heights, strict=True):
        y -= height
        para.drawOn(canv, x, y + para.style.spaceAfter)


def _quoted(text: str) -> str:
    return text if text[:1] in "\u2018\u201c'\"" else f"\u2018{text}\u2019"


class CardFace(Flowable):
    """One side of one card, filling its grid cell."""

    def __init__(self, card: ir.Card, number: int, kit: Kit, back: bool = False):
        super().__init__()
        self.card, self.number, self.kit, self.back = card, number, kit, back

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, avail_h
        return avail_w, avail_h

    def draw(self) -> None:
        canv = self.canv
        if getattr(canv, "layout_only", False):
            return  # a card fills a fixed cell: the measuring pass needs nothing drawn
        pad = min(5 * mm, self.width * 0.07)
        canv.saveState()
        clip = canv.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canv.clipPath(clip, stroke=0, fill=0)
        if not self.back and self.card.anchor:
            canv.bookmarkHorizontal(self.card.anchor, 0, self.height)
        label = f"Card {self.number}" + (" \u00b7 back" if self.back else "")
        top = self.height - pad - self._corner_label(label, pad)
        if not self.back and not self.card.verified:
            self._unverified_badge(pad)
        inner_w = self.width - 2 * pad
        if self.back:
            self._draw_back(inner_w, pad, top)
        else:
            self._draw_front(inner_w, pad, top)
        canv.restoreState()

    def _corner_label(self, label: str, pad: float) -> float:
        para = Para(esc(label), self.kit.para["small"])
        height = para.wrap(self.width / 2, self.height)[1]
        para.drawOn(self.canv, pad, self.height - pad - height)
        return height + 4

    def _unverified_badge(self, pad: float) -> None:
        """A boxed word (not a colour) so it survives black-and-white copying."""
        canv, kit = self.canv, self.kit
        size = kit.style.small_size * 0.85
        font = kit.fonts.heading.bold
        text = "\u2020 UNVERIFIED"
        width = stringWidth(text, font, size) + 6
        x, y = self.width - pad - width, self.height - pad - size - 3
        canv.setStrokeColor(kit.palette.ink)
        canv.setLineWidth(0.8)
        canv.rect(x, y, width, size + 4, stroke=1, fill=0)
        canv.setFillColor(kit.palette.ink)
        canv.setFont(font, size)
        canv.drawString(x + 3, y + 2.2 + size * 0.1, text)

    def _draw_front(self, inner_w: float, pad: float, top: float) -> None:
        kit, card = self.kit, self.card
        footer = [Para(esc(f"\u2014 {card.speaker}, chapter {card.chapter}"), kit.para["card-meta"])]
        if card.themes:
            footer.append(Para(esc("Themes: " + " \u00b7 ".join(card.themes)), kit.para["small"]))
        footer_h = [p.wrap(inner_w, self.height)[1] + 1 for p in footer]
        bottom = pad + sum(footer_h)
        quote = _quoted(card.quote)
        paras, heights = _fit(lambda s: [Para(esc(quote), kit.sized("card-quote", s))],
                              inner_w, top - bottom - 6, kit.para["card-quote"].fontSize)
        _draw_stack(self.canv, paras, heights, pad, top)
        _draw_stack(self.canv, footer, footer_h, pad, bottom)

    def _draw_back(self, inner_w: float, pad: float, top: float) -> None:
        kit = self.kit
        prompts = self.card.back

        def make(size: float) -> list[Paragraph]:
            return [Para(esc(p), kit.sized("card-prompt", size), bulletText="\u2022") for p in prompts]

        paras, heights = _fit(make, inner_w, top - pad, kit.para["card-prompt"].fontSize)
        _draw_stack(self.canv, paras, heights, pad, top - 2)


class IfEvenPage(Flowable):
    """Inserts ``content`` when it lands on an even page (used to start card fronts on a
    right-hand page, so fronts and backs share a sheet of paper)."""

    _ZEROSIZE = 1

    def __init__(self, content: list[Flowable]):
        super().__init__()
        self.content = content

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        doc = self._doctemplate
        if doc is not None and doc.page % 2 == 0:
            doc.frame.add_generated_content(*self.content)
        return 0, 0

    def draw(self) -> None:
        pass


def _mirrored_backs(sheet: tuple[ir.Card, ...], first_number: int, kit: Kit, capacity: int) -> list[Flowable]:
    """Backs in mirrored column order; empty cells keep the positions of missing cards."""
    cols = kit.style.card_columns
    slots: list[Flowable] = []
    for position in range(capacity):
        row, col = divmod(position, cols)
        source = row * cols + (cols - 1 - col)
        if source < len(sheet):
            slots.append(CardFace(sheet[source], first_number + source, kit, back=True))
        else:
            slots.append(FullFrame())
    while slots and isinstance(slots[-1], FullFrame):
        slots.pop()
    return slots


def _sheets(cards: tuple[ir.Card, ...], first: int, rest: int) -> list[tuple[int, tuple[ir.Card, ...]]]:
    """(index of the first card, cards) for each sheet; the first sheet may hold fewer."""
    out, start, capacity = [], 0, first
    while start < len(cards):
        out.append((start, cards[start:start + capacity]))
        start += capacity
        capacity = rest
    return out


def cardset_flowables(sets: tuple[ir.Block, ...], kit: Kit, marker: Marker | None,
                      band: list[Flowable] | None = None) -> list[Flowable]:
    """Card sheets for every CardSet in ``sets``. ``marker`` names the first sheet (contents,
    outline, running head); ``band`` (title and instructions) fills the first sheet's top row."""
    cardsets = [s for s in sets if isinstance(s, ir.CardSet)]
    use_band = bool(band) and band_possible(kit)
    out: list[Flowable] = []
    if band and not use_band:  # one row per sheet: the instructions get a page of their own
        out += [PageBreakIfNotEmpty("body"), *([marker] if marker else []), *band]
        marker = None
    first_front = "cards-front-first" if use_band else "cards-front"
    out.append(PageBreakIfNotEmpty(first_front))
    if any(s.with_backs for s in cardsets):
        blank = Para("This page is left blank so that the card backs line up when the sheets "
                     "are printed double-sided.", kit.para["small"])
        out.append(IfEvenPage([Marker(running_head=""), blank, PageBreakIfNotEmpty(first_front)]))
    if marker is not None:
        out.append(marker)
    if use_band:
        band_h = kit.geo.frame_h / kit.style.card_rows - 8  # the band frame keeps 6 pt below its text
        out += [KeepInFrame(kit.geo.frame_w, band_h, band, mode="shrink"),
                FrameBreak()]
    per_sheet = kit.style.card_columns * kit.style.card_rows
    first_capacity = per_sheet - (kit.style.card_columns if use_band else 0)
    number = 1
    for cardset in cardsets:
        first = first_capacity if number == 1 else per_sheet
        for index, (start, sheet) in enumerate(_sheets(cardset.cards, first, per_sheet)):
            banded = use_band and number == 1 and index == 0
            capacity = first_capacity if banded else per_sheet
            out += [CardFace(card, number + start + i, kit) for i, card in enumerate(sheet)]
            if cardset.with_backs:
                out += [PageBreakIfNotEmpty("cards-back-first" if banded else "cards-back"),
                        *([FullFrame()] if banded else []),
                        *_mirrored_backs(sheet, number + start, kit, capacity),
                        PageBreakIfNotEmpty("cards-front")]
        number += len(cardset.cards)
        out.append(PageBreakIfNotEmpty("cards-front"))
    out.append(PageBreakIfNotEmpty("body"))
    return out
