"""Small custom flowables: markers for the contents/outline, write-on lines, boxes."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import IndexingFlowable


class Marker(Flowable):
    """Zero-size flowable that names a place: a destination ``key`` for links and the outline,
    an optional contents entry (level, title) and the running head from here on.

    The document template reads ``toc_entry`` and ``running_head`` in ``afterFlowable``."""

    _ZEROSIZE = 1

    def __init__(self, key: str = "", toc: tuple[int, str] | None = None, running_head: str | None = None):
        super().__init__()
        self.key = key
        self.toc_entry = (toc[0], toc[1], key) if toc else None
        self.running_head = running_head

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.key:
            self.canv.bookmarkHorizontal(self.key, 0, 0)


class PageTotal(IndexingFlowable):
    """Knows the page count of the previous pass, so footers can say 'page N of M'.

    ``multiBuild`` repeats passes until every indexing flowable is satisfied; this one is satisfied
    when two passes end with the same page count, i.e. when the M printed on every page is true."""

    _ZEROSIZE = 1

    def __init__(self) -> None:
        super().__init__()
        self.total = 0
        self._previous = -1
        self.doc = None  # set by the document template before building

    def beforeBuild(self) -> None:
        self._previous = self.total

    def afterBuild(self) -> None:
        self.total = self.doc.page if self.doc is not None else 0

    def isSatisfied(self) -> int:
        return int(self.total == self._previous)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class WriteLines(Flowable):
    """``count`` ruled lines to write on, ``spacing`` apart; splits between lines."""

    def __init__(self, count: int, spacing: float, gray: colors.Color, first_gap: float | None = None):
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.gray = gray
        self.first_gap = spacing if first_gap is None else first_gap

    def _height(self, count: int) -> float:
        return self.first_gap + (count - 1) * self.spacing + 2 if count else 0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        self.height = self._height(self.count)
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        fits = 0
        while fits < self.count and self._height(fits + 1) <= avail_h:
            fits += 1
        if fits == 0 or fits == self.count:
            return []
        return [WriteLines(fits, self.spacing, self.gray, self.first_gap),
                WriteLines(self.count - fits, self.spacing, self.gray)]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.gray)
        canv.setLineWidth(0.6)
        y = self.height - self.first_gap
        for _ in range(self.count):
            canv.line(0, y, self.width, y)
            y -= self.spacing
        canv.restoreState()


class Box(Flowable):
    """An empty square to tick or to write a letter or number in. ``drop`` lowers it from the
    top of its table cell so that it sits level with the first line of the text beside it."""

    def __init__(self, size: float, ink: colors.Color, line_width: float = 0.9, drop: float = 0.0):
        super().__init__()
        self.size = size
        self.ink = ink
        self.line_width = line_width
        self.drop = drop

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.size, self.size + self.drop

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.ink)
        self.canv.setLineWidth(self.line_width)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


class FullFrame(Flowable):
    """Takes a whole frame and draws nothing: keeps a card grid position empty."""

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return avail_w, avail_h

    def draw(self) -> None:
        pass


class Para(Paragraph):
    """A Paragraph that breaks its lines once per width.

    multiBuild lays the story out at least twice with the same flowables, and KeepTogether and
    tables wrap their content more than once per pass; breaking lines is most of reportlab's
    work. It also helps correctness: reportlab's breakLines is not idempotent (after a word split
    at its own hyphen, later calls measure the next line about a hyphen too wide, and a justified
    line comes out short), so the first result is the one to keep. Splitting rewrites fragments
    in place, so a split drops the memory."""

    def breakLines(self, width):  # noqa: N802 - reportlab's name
        key = tuple(width) if isinstance(width, list) else width
        cache = self.__dict__.setdefault("_line_cache", {})
        hit = cache.get(key)
        if hit is None:
            result = super().breakLines(width)
            cache[key] = (result, list(width) if isinstance(width, list) else width)
            return result
        result, widths_after = hit
        if isinstance(width, list):
            width[:] = widths_after  # breakLines adjusts the widths for a bullet: replay that
        return result

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        if parts and parts != [self]:
            self.__dict__.pop("_line_cache", None)
        return parts

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        # The first multiBuild pass only measures (it can never be the last one: its contents
        # have no page numbers yet), so setting its text would be wasted work.
        if not getattr(canvas, "layout_only", False):
            super().drawOn(canvas, x, y, _sW)
