"""The dual timeline: the order of telling (chapters, across) against story time (up).

Each event is a marker: x is its chapter (events within a chapter are spread across the
chapter's column in the order they are told), y its ``story_time`` on the book's story clock.
A thin line joins the markers in telling order, so every drop is a flashback. Parts are shaded
bands with their titles; key events carry labels placed by the collision-avoiding placer.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir, model
from ..typography import smarten
from . import common as c
from .geometry import Box, Segment, text_box
from .labels import Occupancy, PlacedLabel, PointLabel, place_point_labels, place_point_labels_best
from .metrics import Measure, text_width
from .spatial import lines_around

ANCHOR = "fig-dual-timeline"
ROW = 12.0  # height of one text row outside the plot
HEADROOM = 24.0  # two label rows above the latest story time
FOOTROOM = 8.0
SPREAD = 0.8  # share of a chapter column its markers spread over


@dataclass(frozen=True)
class Marker:
    event: model.Event
    x: float
    y: float
    r: float

    @property
    def box(self) -> Box:
        return Box(self.x - self.r, self.y - self.r, self.x + self.r, self.y + self.r)


@dataclass(frozen=True)
class TimelineLayout:
    """Everything the figure shows, with the boxes tests check for overlaps."""

    width: float
    height: float
    plot: Box
    markers: tuple[Marker, ...]
    labels: tuple[PlacedLabel, ...]
    numbered: tuple[tuple[int, model.Event], ...]
    shapes: tuple[ir.Shape, ...]


@dataclass(frozen=True)
class _Frame:
    """The plot's coordinate system."""

    plot: Box
    first_chapter: int
    last_chapter: int
    lo: float
    hi: float

    @property
    def column(self) -> float:
        return self.plot.width / (self.last_chapter - self.first_chapter + 1)

    def x_of(self, chapter: int) -> float:
        return self.plot.x0 + (chapter - self.first_chapter) * self.column

    def y_of(self, story_time: float) -> float:
        # Room above the top value and below the bottom one for a label's height.
        top, bottom = self.plot.y0 + HEADROOM, self.plot.y1 - FOOTROOM
        share = (story_time - self.lo) / ((self.hi - self.lo) or 1.0)
        return bottom - share * (bottom - top)


def visible_events(content: model.Content, last: int) -> tuple[model.Event, ...]:
    """Events told and safe to show by chapter ``last``, in telling order (stable)."""
    shown = [e for e in content.events if e.chapter <= last and c.event_reveal(e) <= last]
    return tuple(sorted(shown, key=lambda e: e.chapter))


def _frame(content: model.Content, events: tuple[model.Event, ...], last: int,
           width: float, measure: Measure) -> tuple[_Frame, tuple[float, ...]]:
    clock = content.book.story_clock
    lo = min([clock.min] + [e.story_time for e in events])
    hi = max([clock.max] + [e.story_time for e in events])
    y_ticks = tuple(t for t in c.ticks(lo, hi) if lo <= t <= hi)
    tick_w = max(text_width(measure, c.nice(t), c.SMALL_SIZE) for t in y_ticks)
    left = tick_w + 6.0
    plot_h = max(230.0, 0.6 * width)  # narrow layouts (e-readers) get relatively taller plots
    top = 2 * ROW + 2
    plot = Box(left, top, width - 3.0, top + plot_h)
    return _Frame(plot, 1, last, lo, hi), y_ticks


def _markers(frame: _Frame, events: tuple[model.Event, ...]) -> tuple[Marker, ...]:
    by_chapter: dict[int, list[model.Event]] = {}
    for event in events:
        by_chapter.setdefault(event.chapter, []).append(event)
    markers = []
    for chapter in sorted(by_chapter):
        group = by_chapter[chapter]
        # Spread over the middle of the column so each marker sits clearly in its chapter.
        step = SPREAD * frame.column / len(group)
        start = frame.x_of(chapter) + (1 - SPREAD) / 2 * frame.column
        for i, event in enumerate(group):
            r = min(3.2 if event.key else 2.3, max(1.4, step * 0.42))
            markers.append(Marker(event, start + (i + 0.5) * step,
                                  frame.y_of(event.story_time), r))
    return tuple(markers)


def _bands(frame: _Frame, spans: tuple[c.PartSpan, ...],
           measure: Measure) -> tuple[list[ir.Shape], list[Segment]]:
    """Shaded Part bands with titles above the plot; returns shapes and the dividing lines
    (drawn later, cut around labels)."""
    shapes: list[ir.Shape] = []
    dividers: list[Segment] = []
    for i, span in enumerate(spans):
        x0, x1 = frame.x_of(span.first), frame.x_of(span.last + 1)
        if i % 2 == 1:
            shapes.append(ir.GRect(x0, ROW + 1, x1 - x0, frame.plot.y1 - ROW - 1, stroke=None, fill=c.BAND_GRAY))
        if i > 0:
            dividers.append(Segment(x0, ROW + 1, x0, frame.plot.y1))
        title = c.fitting_text(measure, c.part_label_options(span), c.TITLE_SIZE, x1 - x0 - 4, bold=True)
        if title:
            label = ir.GText((x0 + x1) / 2, 2 * ROW - 2, title, c.TITLE_SIZE, bold=True, align="middle")
            shapes.append(label)
    return shapes, dividers


def _axes(frame: _Frame, y_ticks: tuple[float, ...], clock: model.StoryClock,
          measure: Measure) -> tuple[list[ir.Shape], list[Segment]]:
    """Axis lines, tick labels and the story-clock title; returns shapes and the gridlines."""
    p = frame.plot
    shapes: list[ir.Shape] = [ir.GText(0.0, ROW - 3, smarten(clock.label), c.SMALL_SIZE, bold=True)]
    grid: list[Segment] = []
    for t in y_ticks:
        y = frame.y_of(t)
        grid.append(Segment(p.x0, y, p.x1, y))
        shapes.append(ir.GLine(p.x0 - 3, y, p.x0, y, c.AXIS))
        shapes.append(ir.GText(p.x0 - 4.5, y + 0.35 * c.SMALL_SIZE, c.nice(t), c.SMALL_SIZE, align="end"))
    shapes.append(ir.GLine(p.x0, p.y0, p.x0, p.y1, c.AXIS))
    shapes.append(ir.GLine(p.x0, p.y1, p.x1, p.y1, c.AXIS))
    shapes.extend(_chapter_ticks(frame, measure))
    shapes.append(ir.GText((p.x0 + p.x1) / 2, p.y1 + 2 * ROW, "Chapter (the order of telling)",
                           c.SMALL_SIZE, bold=True, align="middle"))
    return shapes, grid


def _chapter_ticks(frame: _Frame, measure: Measure) -> list[ir.Shape]:
    """Chapter numbers under the columns, skipping any that would touch the previous one."""
    shapes: list[ir.Shape] = []
    right_edge = -1e9
    y = frame.plot.y1 + ROW - 2
    for chapter in range(frame.first_chapter, frame.last_chapter + 1):
        x = frame.x_of(chapter) + frame.column / 2
        label = ir.GText(x, y, str(chapter), c.SMALL_SIZE, align="middle")
        box = text_box(measure, label)
        if box.x0 < right_edge + 3 or box.x1 > frame.plot.x1 + 2:
            continue
        right_edge = box.x1
        shapes.append(ir.GLine(x, frame.plot.y1, x, frame.plot.y1 + 2.5, c.AXIS))
        shapes.append(label)
    return shapes


def _label_requests(markers: tuple[Marker, ...]) -> list[PointLabel]:
    return [PointLabel(m.event.id, m.x, m.y, m.r, smarten(m.event.title), c.LABEL_SIZE)
            for m in markers if m.event.key]


def _marker_occupancy(frame: _Frame, markers: tuple[Marker, ...], soft: list[Segment]) -> Occupancy:
    """The plot before any label: markers (solid, and crowding their neighbours) and lines."""
    occ = Occupancy(frame.plot.inflate(-1.0))
    for m in markers:
        occ.add_solid(m.box.inflate(0.8))
        occ.add_crowd(m.box)
    for seg in soft:
        occ.add_soft(seg)
    return occ


def _place_labels(frame: _Frame, markers: tuple[Marker, ...], soft: list[Segment],
                  measure: Measure) -> tuple[list[PlacedLabel], list[tuple[int, Marker]]]:
    """Titles for key events. One that fits nowhere is numbered instead (the number placed by
    its marker where there is room) and listed in a key under the chart."""

    base = _marker_occupancy(frame, markers, soft)

    def new_occupancy() -> Occupancy:
        # placement starts afresh many times (orders tried, repairs): share the markers and
        # lines, which never move, instead of indexing them all again each time
        return base.fork()

    placed, missed, occ = place_point_labels_best(_label_requests(markers), new_occupancy, measure)
    by_id = {m.event.id: m for m in markers}
    keyed: list[tuple[int, Marker]] = []
    for n, req in enumerate(missed, start=1):
        keyed.append((n, by_id[req.key]))
        small = PointLabel(req.key, req.x, req.y, req.radius, str(n), c.SMALL_SIZE)
        placed.extend(place_point_labels([small], occ, measure, max_distance=60)[0])
    return placed, keyed


def _path(markers: tuple[Marker, ...]) -> list[Segment]:
    return [Segment(a.x, a.y, b.x, b.y) for a, b in zip(markers, markers[1:], strict=False)]


def _marker_shapes(markers: tuple[Marker, ...]) -> list[ir.Shape]:
    out: list[ir.Shape] = []
    for m in markers:
        if m.event.key:
            out.append(ir.GCircle(m.x, m.y, m.r, stroke=None, fill=c.INK))
        else:
            out.append(ir.GCircle(m.x, m.y, m.r - 0.35, stroke=ir.Stroke(gray=0.2, width=0.7), fill=None))
    return out


def _legend(y: float, width: float, measure: Measure) -> tuple[list[ir.Shape], float]:
    """Marker key laid out left to right (wrapping); returns shapes and the y below it."""
    items = (("key", "key event (labelled)"), ("other", "other event"), ("path", "order of telling"))
    shapes: list[ir.Shape] = []
    x = 0.0
    for kind, words in items:
        w = 12 + text_width(measure, words, c.SMALL_SIZE) + 12
        if x > 0 and x + w > width:
            x, y = 0.0, y + ROW
        mid = y - 0.3 * c.SMALL_SIZE
        if kind == "key":
            shapes.append(ir.GCircle(x + 4, mid, 3.0, stroke=None, fill=c.INK))
        elif kind == "other":
            shapes.append(ir.GCircle(x + 4, mid, 1.9, stroke=ir.Stroke(gray=0.2, width=0.7), fill=None))
        else:
            shapes.append(ir.GLine(x, mid, x + 9, mid, c.HAIRLINE))
        shapes.append(ir.GText(x + 12, y, words, c.SMALL_SIZE))
        x += w
    return shapes, y + ROW


def layout_dual_timeline(content: model.Content, up_to_chapter: int | None, measure: Measure,
                         width: float = 470.0) -> TimelineLayout | None:
    """Compute the whole figure; None when no event is visible by the cut-off."""
    last = c.last_chapter(content, up_to_chapter)
    events = visible_events(content, last)
    if not events:
        return None
    frame, y_ticks = _frame(content, events, last, width, measure)
    markers = _markers(frame, events)
    band_shapes, dividers = _bands(frame, c.part_spans(content.book, last), measure)
    axis_shapes, grid = _axes(frame, y_ticks, content.book.story_clock, measure)
    path = _path(markers)
    labels, keyed = _place_labels(frame, markers, grid + path + dividers, measure)
    label_boxes = [p.box for p in labels]
    legend, y = _legend(frame.plot.y1 + 3 * ROW + 2, width, measure)
    key_rows, y = c.key_rows(measure, [(str(n), f"{smarten(m.event.title)} (ch. {m.event.chapter})")
                                       for n, m in keyed], y + 2, width)
    shapes: list[ir.Shape] = [*band_shapes]
    shapes += lines_around(grid, label_boxes, c.THIN)
    shapes += lines_around(dividers, label_boxes, c.HAIRLINE)
    shapes += axis_shapes
    shapes += lines_around(path, label_boxes + [m.box.inflate(0.4) for m in markers], c.HAIRLINE)
    shapes += [ir.GLine(p.leader.x1, p.leader.y1, p.leader.x2, p.leader.y2, c.HAIRLINE)
               for p in labels if p.leader]
    shapes += _marker_shapes(markers)
    shapes += [p.text for p in labels] + legend + key_rows
    return TimelineLayout(width, round(y, 2), frame.plot, markers, tuple(labels),
                          tuple((n, m.event) for n, m in keyed),
                          tuple(c.round_shape(s) for s in shapes))


def _time_label(content: model.Content, event: model.Event) -> str:
    if event.story_time_label:
        return smarten(event.story_time_label)
    return f"{smarten(content.book.story_clock.label)} {c.nice(event.story_time)}"


def _equivalent(content: model.Content, events: tuple[model.Event, ...]) -> ir.ItemList:
    """The events in story order (when they happen), each with the chapter that tells it."""
    ordered = sorted(range(len(events)), key=lambda i: (events[i].story_time, events[i].chapter, i))
    items = []
    for i in ordered:
        event = events[i]
        title: ir.Inline = ir.Text(smarten(event.title))
        if event.key:
            title = ir.Strong((title,))
        items.append((ir.Text(f"{_time_label(content, event)}: "), title,
                      ir.Text(f" (told in chapter {event.chapter})")))
    return ir.ItemList(tuple(items), ordered=True)


def build_dual_timeline(content: model.Content, up_to_chapter: int | None, measure: Measure,
                        width: float = 470.0) -> ir.Figure | None:
    layout = layout_dual_timeline(content, up_to_chapter, measure, width)
    if layout is None:
        return None
    events = tuple(m.event for m in layout.markers)
    clock = smarten(content.book.story_clock.label)
    last = c.last_chapter(content, up_to_chapter)
    keys = sum(1 for e in events if e.key)
    alt = (f"A chart of {len(events)} events placing each by the chapter that tells it (across, "
           f"chapters 1\u2013{last}) and by when it happens ({clock}, up), with {keys} key events "
           f"labelled; the list below gives the same events in story order.")
    caption = ("Across: the chapter that tells each event, in the order of telling. "
               f"Up: when it happens ({clock}). Filled markers are key events. The thin line joins "
               "the events in the order they are told, so every drop is a flashback.")
    return ir.Figure(
        anchor=ANCHOR,
        title=ir.text("Dual timeline: the order of telling and the order of events"),
        graphic=ir.Graphic(layout.width, layout.height, layout.shapes),
        alt=alt,
        caption=ir.text(caption),
        equivalent=(_equivalent(content, events),),
        src=content.book.src,
    )
