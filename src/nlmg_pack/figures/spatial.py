"""A uniform grid (spatial hash) of boxes and segments, for "what is near here?" queries.

Label placement asks thousands of times per figure whether a candidate box overlaps anything
already drawn. Scanning every item makes that quadratic in the number of markers and labels;
the grid hands back only the items that share a cell with the query, so each query costs what
is *near* it. Queries return a superset of the items that can touch the query shape: callers
still apply their exact test to each, so every answer is the same as a full scan's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from .. import ir
from .geometry import Box, Segment, cut_segment

T = TypeVar("T")

CELL = 20.0  # points: about a short label's width, a few markers across
# Cells are widened by this much on every query, so that rounding at a cell edge can never
# hide an item that exactly touches the query area (the exact tests count touching as a hit).
SLACK = 1.0

_Bucket = list[tuple[int, T]]  # (insertion number, item): the number tells repeats apart


def segment_bounds(seg: Segment) -> Box:
    """The bounding box of a segment (every point of it lies inside)."""
    return Box(min(seg.x1, seg.x2), min(seg.y1, seg.y2), max(seg.x1, seg.x2), max(seg.y1, seg.y2))


class GridIndex(Generic[T]):
    """Items bucketed by the grid cells they touch: a box by every cell of its area, a segment
    by the cells along it only (a long diagonal line would otherwise claim its whole bounding
    box, and every query near it would have to test it)."""

    def __init__(self, cell: float = CELL) -> None:
        self._cell = cell
        self._buckets: dict[tuple[int, int], _Bucket] = {}
        self._count = 0
        # the cells (x0, y0, x1, y1) that hold anything, so that a query reaching far outside
        # the drawing visits only cells that can hold something
        self._extent: tuple[int, int, int, int] | None = None

    def __len__(self) -> int:
        return self._count

    def add(self, item: T, shape: Box | Segment) -> None:
        """Index ``item`` by where ``shape`` lies (the item is usually the shape itself)."""
        entry = (self._count, item)
        self._count += 1
        self._grow(shape if isinstance(shape, Box) else segment_bounds(shape))
        for key in self._cells(shape):
            bucket = self._buckets.get(key)
            if bucket is None:
                self._buckets[key] = [entry]
            else:
                bucket.append(entry)

    def near(self, shape: Box | Segment) -> Iterator[T]:
        """Every item that may touch ``shape``; an item spanning several cells may come more
        than once (harmless for yes/no questions, which stop at the first hit)."""
        buckets = self._buckets
        for key in self._cells(shape):
            bucket = buckets.get(key)
            if bucket:
                for _, item in bucket:
                    yield item

    def near_once(self, shape: Box | Segment) -> list[T]:
        """Like ``near`` but each item once, for counting."""
        seen: dict[int, T] = {}
        buckets = self._buckets
        for key in self._cells(shape):
            bucket = buckets.get(key)
            if bucket:
                seen.update(bucket)
        return list(seen.values())

    # Any point P of a shape lies in cell (floor(P.x / cell), floor(P.y / cell)), and that cell
    # is among the shape's cells. So two shapes that share a point share a cell: whatever
    # touches a query shape is in one of its cells. SLACK widens every range a little more.
    # (Plain loops and lists below: these run for every candidate spot of every label.)

    def _cells(self, shape: Box | Segment) -> list[tuple[int, int]]:
        if self._extent is None:
            return []
        if isinstance(shape, Box):
            return self._box_cells(shape.x0, shape.y0, shape.x1, shape.y1)
        return self._segment_cells(shape)

    def _grow(self, bounds: Box) -> None:
        cell = self._cell
        gx0, gy0 = math.floor((bounds.x0 - SLACK) / cell), math.floor((bounds.y0 - SLACK) / cell)
        gx1, gy1 = math.floor((bounds.x1 + SLACK) / cell), math.floor((bounds.y1 + SLACK) / cell)
        if self._extent is not None:
            ex0, ey0, ex1, ey1 = self._extent
            gx0, gy0, gx1, gy1 = min(gx0, ex0), min(gy0, ey0), max(gx1, ex1), max(gy1, ey1)
        self._extent = (gx0, gy0, gx1, gy1)

    def _box_cells(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        """The cells of the area from (x0, y0) to (x1, y1), within the extent."""
        assert self._extent is not None
        cell = self._cell
        ex0, ey0, ex1, ey1 = self._extent
        gy0 = max(math.floor((y0 - SLACK) / cell), ey0)
        gy1 = min(math.floor((y1 + SLACK) / cell), ey1)
        return [(gx, gy)
                for gx in range(max(math.floor((x0 - SLACK) / cell), ex0), min(math.floor((x1 + SLACK) / cell), ex1) + 1)
                for gy in range(gy0, gy1 + 1)]

    def _segment_cells(self, seg: Segment) -> list[tuple[int, int]]:
        """Column by column, the cells between the heights the segment has at the column's
        edges (a straight line's height within a column lies between those two)."""
        (xa, ya), (xb, yb) = sorted(((seg.x1, seg.y1), (seg.x2, seg.y2)))
        dx, cell = xb - xa, self._cell
        if dx <= 0:
            return self._box_cells(xa, min(ya, yb), xb, max(ya, yb))
        assert self._extent is not None
        ex0, ey0, ex1, ey1 = self._extent
        cells: list[tuple[int, int]] = []
        for gx in range(max(math.floor((xa - SLACK) / cell), ex0), min(math.floor((xb + SLACK) / cell), ex1) + 1):
            left, right = max(xa, gx * cell - SLACK), min(xb, (gx + 1) * cell + SLACK)
            y_left = ya + (yb - ya) * (left - xa) / dx
            y_right = ya + (yb - ya) * (right - xa) / dx
            gy0 = max(math.floor((min(y_left, y_right) - SLACK) / cell), ey0)
            gy1 = min(math.floor((max(y_left, y_right) + SLACK) / cell), ey1)
            cells += [(gx, gy) for gy in range(gy0, gy1 + 1)]
        return cells


def lines_around(segments: Iterable[Segment], boxes: Sequence[Box], stroke: ir.Stroke) -> list[ir.GLine]:
    """GLines for ``segments`` with the parts inside ``boxes`` removed. Each line is cut only
    by the boxes near it (found through a grid, kept in their given order), not by all."""
    index: GridIndex[int] = GridIndex()
    for i, box in enumerate(boxes):
        index.add(i, box)
    out: list[ir.GLine] = []
    for seg in segments:
        near = [boxes[i] for i in sorted(index.near_once(seg))]
        for piece in cut_segment(seg, near):
            out.append(ir.GLine(round(piece.x1, 2), round(piece.y1, 2),
                                round(piece.x2, 2), round(piece.y2, 2), stroke))
    return out
