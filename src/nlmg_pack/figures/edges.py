"""Lines and their labels for the relationship map: routing around boxes, label placement."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .. import ir
from .geometry import Box, Segment, segment_hits_box
from .labels import Occupancy
from .metrics import ASCENT, DESCENT, Measure
from .spatial import GridIndex

Route = tuple[Segment, ...]
BEND_STEP = 8.0  # how far a bent line's corner moves out per try
LINE_GAP = 1.12  # line spacing of multi-line labels, in font sizes
PAD = 1.0


@dataclass(frozen=True)
class Anchor:
    """A box an edge starts or ends at (a node), by its centre."""

    key: str
    x: float
    y: float
    box: Box


@dataclass(frozen=True)
class EdgeLabel:
    key: str
    texts: tuple[ir.GText, ...]
    box: Box


class Blockers:
    """The boxes (nodes) a line may not run behind, indexed by where they are, so that a line
    is tested only against the boxes along it rather than against every node."""

    def __init__(self, boxes: Sequence[tuple[str, Box]]) -> None:
        self._index: GridIndex[tuple[str, Box]] = GridIndex()
        for key, box in boxes:
            self._index.add((key, box), box)

    def hit(self, seg: Segment, ends: tuple[str, str]) -> bool:
        """Whether ``seg`` runs behind any box but those of the two nodes it joins."""
        return any(segment_hits_box(seg, box) for key, box in self._index.near(seg) if key not in ends)


def route(a: Anchor, b: Anchor, blockers: Blockers) -> Route:
    """A straight line from a to b, or, where that would run behind another box, two legs
    bent through the nearest clear point to either side of the middle."""
    ends = (a.key, b.key)
    straight = Segment(a.x, a.y, b.x, b.y)
    if not blockers.hit(straight, ends):
        return (straight,)
    (mx, my), length = straight.point(0.5), straight.length() or 1.0
    nx, ny = -(b.y - a.y) / length, (b.x - a.x) / length
    for k in range(1, 16):
        for sign in (1, -1):
            wx, wy = mx + sign * k * BEND_STEP * nx, my + sign * k * BEND_STEP * ny
            legs = (Segment(a.x, a.y, wx, wy), Segment(wx, wy, b.x, b.y))
            if not any(blockers.hit(leg, ends) for leg in legs):
                return legs
    return (straight,)


def longest(path: Route) -> Segment:
    return max(path, key=lambda seg: seg.length())


def _spots(seg: Segment, w: float, h: float) -> Iterator[tuple[float, Box]]:
    """(cost, box) for a label centred on its line: the middle first, then sliding towards
    either end, then nudged a little off the line (which still runs through it)."""
    for k in range(15):
        for sign in ((1,) if k == 0 else (1, -1)):
            x, y = seg.point(0.5 + sign * k * 0.03)
            for shift, extra in ((0.0, 0.0), (0.3 * h, 4.0), (-0.3 * h, 4.0)):
                yield k * 3.0 + extra, Box(x - w / 2, y - h / 2 + shift, x + w / 2, y + h / 2 + shift)


def place_label(key: str, lines: Sequence[str], size: float, seg: Segment, occ: Occupancy,
                measure: Measure) -> EdgeLabel | None:
    """The cheapest free spot on ``seg`` for a (multi-line) label, recorded in ``occ``."""
    w = max(measure(line, size) for line in lines) + 2 * PAD
    h = (ASCENT + DESCENT) * size + (len(lines) - 1) * LINE_GAP * size + 2 * PAD
    best: tuple[float, Box] | None = None
    for cost, box in _spots(seg, w, h):
        if best is not None and cost >= best[0]:
            continue
        if occ.box_free(box):
            total = cost + 15.0 * occ.crossings(box)
            if best is None or total < best[0]:
                best = (total, box)
    if best is None:
        return None
    box = best[1]
    occ.add_solid(box)
    centre = round((box.x0 + box.x1) / 2, 2)
    texts = tuple(ir.GText(centre, round(box.y0 + PAD + ASCENT * size + i * LINE_GAP * size, 2), line,
                           size, align="middle") for i, line in enumerate(lines))
    return EdgeLabel(key, texts, box)
