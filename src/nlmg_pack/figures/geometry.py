"""Boxes and line segments: overlap tests, clipping, and lines cut around text (``lines_around``,
in spatial.py, cuts many lines around many boxes)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .. import ir
from .metrics import ASCENT, DESCENT, Measure, text_width


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle, y downwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def overlaps(self, other: Box) -> bool:
        """True when the interiors intersect (touching edges do not count)."""
        return (self.x0 < other.x1 and other.x0 < self.x1
                and self.y0 < other.y1 and other.y0 < self.y1)

    def inside(self, other: Box, tolerance: float = 1e-6) -> bool:
        return (self.x0 >= other.x0 - tolerance and self.y0 >= other.y0 - tolerance
                and self.x1 <= other.x1 + tolerance and self.y1 <= other.y1 + tolerance)

    def inflate(self, d: float) -> Box:
        return Box(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float

    def point(self, t: float) -> tuple[float, float]:
        return self.x1 + (self.x2 - self.x1) * t, self.y1 + (self.y2 - self.y1) * t

    def length(self) -> float:
        return math.hypot(self.x2 - self.x1, self.y2 - self.y1)


def text_box(measure: Measure, label: ir.GText) -> Box:
    """The box a GText covers (its ink, approximately), from its baseline point and alignment."""
    w = text_width(measure, label.text, label.size, label.bold)
    x0 = {"start": label.x, "middle": label.x - w / 2, "end": label.x - w}[label.align]
    return Box(x0, label.y - ASCENT * label.size, x0 + w, label.y + DESCENT * label.size)


def shape_box(shape: ir.Shape, measure: Measure) -> Box:
    """The bounding box of any figure primitive (stroke width included)."""
    if isinstance(shape, ir.GText):
        return text_box(measure, shape)
    if isinstance(shape, ir.GLine):
        half = shape.stroke.width / 2
        return Box(min(shape.x1, shape.x2) - half, min(shape.y1, shape.y2) - half,
                   max(shape.x1, shape.x2) + half, max(shape.y1, shape.y2) + half)
    half = shape.stroke.width / 2 if shape.stroke else 0.0
    if isinstance(shape, ir.GRect):
        return Box(shape.x - half, shape.y - half, shape.x + shape.w + half, shape.y + shape.h + half)
    if isinstance(shape, ir.GCircle):
        r = shape.r + half
        return Box(shape.cx - r, shape.cy - r, shape.cx + r, shape.cy + r)
    xs = [p[0] for p in shape.points]
    ys = [p[1] for p in shape.points]
    return Box(min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half)


def _clip_interval(seg: Segment, box: Box) -> tuple[float, float] | None:
    """The parameter range [t0, t1] of ``seg`` that lies inside ``box`` (Liang-Barsky)."""
    t0, t1 = 0.0, 1.0
    dx, dy = seg.x2 - seg.x1, seg.y2 - seg.y1
    for p, q in ((-dx, seg.x1 - box.x0), (dx, box.x1 - seg.x1),
                 (-dy, seg.y1 - box.y0), (dy, box.y1 - seg.y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return t0, t1


def segment_hits_box(seg: Segment, box: Box, margin: float = 1e-6) -> bool:
    """True when the segment passes through the interior of ``box``."""
    span = _clip_interval(seg, box)
    return span is not None and (span[1] - span[0]) * seg.length() > margin


def cut_segment(seg: Segment, boxes: Iterable[Box], min_length: float = 0.6) -> list[Segment]:
    """The pieces of ``seg`` outside every box: lines pass *behind* labels and nodes, leaving a
    gap, so text is never struck through whatever the page colour."""
    spans = sorted(s for s in (_clip_interval(seg, b) for b in boxes) if s is not None)
    pieces: list[Segment] = []
    start = 0.0
    for t0, t1 in spans:
        if t0 > start:
            pieces.append(_sub_segment(seg, start, t0))
        start = max(start, t1)
    if start < 1.0:
        pieces.append(_sub_segment(seg, start, 1.0))
    return [p for p in pieces if p.length() >= min_length]


def _sub_segment(seg: Segment, t0: float, t1: float) -> Segment:
    (x1, y1), (x2, y2) = seg.point(t0), seg.point(t1)
    return Segment(x1, y1, x2, y2)


def segments_cross(a: Segment, b: Segment) -> bool:
    """True when the two segments cross properly (touching ends do not count)."""
    def orient(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> float:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1 = orient(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
    d2 = orient(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
    d3 = orient(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
    d4 = orient(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
    return d1 * d2 < 0 and d3 * d4 < 0


RUN_TOLERANCE = 2.0  # how close a leader may come to a parallel line before it "runs along" it


def runs_along(line: Segment, leader: Segment, tolerance: float = RUN_TOLERANCE) -> bool:
    """True when a horizontal or vertical leader lies on top of a line of the same direction."""
    if abs(line.y1 - line.y2) < 0.01 and abs(leader.y1 - leader.y2) < 0.5:
        near = abs(line.y1 - leader.y1) < tolerance
        return near and min(leader.x1, leader.x2) < max(line.x1, line.x2) and \
            max(leader.x1, leader.x2) > min(line.x1, line.x2)
    if abs(line.x1 - line.x2) < 0.01 and abs(leader.x1 - leader.x2) < 0.5:
        near = abs(line.x1 - leader.x1) < tolerance
        return near and min(leader.y1, leader.y2) < max(line.y1, line.y2) and \
            max(leader.y1, leader.y2) > min(line.y1, line.y2)
    return False
