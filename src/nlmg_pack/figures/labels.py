"""A small deterministic label placer.

Labels are placed one by one at the cheapest candidate position (nearest first, fewest crossed
lines, away from crowds of markers) whose box overlaps no other label, marker or node and stays
inside the plot. Several placement orders are tried and the best kept; then labels that fit
nowhere, or hang on very long leader lines, are repaired by moving one neighbour out of the
way. A label that still fits nowhere is handed back to the caller, which shows a numbered key.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .. import ir
from .geometry import Box, Segment, segment_hits_box
from .metrics import ASCENT, DESCENT, Measure

# --------------------------------------------------------------------------- occupancy


class Occupancy:
    """What is already on the drawing: ``solid`` boxes that nothing may overlap (labels,
    markers, nodes), ``leaders`` that no label may cover, and ``soft`` lines a label may cross
    at a cost (they are cut away around it afterwards). ``crowd`` boxes (markers) make a
    spot dearer the more of them sit close by, so labels move out to open space rather than
    sit in a row of markers where they would block the labels still to come."""

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.solid: list[Box] = []
        self.leaders: list[Segment] = []
        self.soft: list[Segment] = []
        self.crowd: list[Box] = []

    def box_free(self, box: Box) -> bool:
        if not box.inside(self.bounds):
            return False
        if any(box.overlaps(other) for other in self.solid):
            return False
        return not any(segment_hits_box(seg, box) for seg in self.leaders)

    def crossings(self, box: Box) -> int:
        return sum(1 for seg in self.soft if segment_hits_box(seg, box))

    def crowding(self, box: Box, reach: float = 6.0) -> int:
        wide = box.inflate(reach)
        return sum(1 for other in self.crowd if wide.overlaps(other))

    def cost(self, box: Box, leader: Segment | None) -> float:
        """Extra cost of a free spot: lines it covers, markers nearby, leaders it crosses or
        that would run along a gridline (and so look like part of it)."""
        penalty = 12.0 * self.crossings(box) + 3.0 * self.crowding(box)
        if leader:
            penalty += 0.5 * max(0.0, leader.length() - LONG_LEADER)
            penalty += 20.0 * sum(1 for s in self.leaders if _segments_cross(s, leader))
            penalty += 25.0 * sum(1 for s in self.soft if _runs_along(s, leader))
        return penalty

    def leader_free(self, seg: Segment, target: Box) -> bool:
        """A leader may leave its own marker but must not pass through anything else."""
        start = (seg.x1, seg.y1)
        for box in self.solid:
            if box.contains(*start) or box == target:
                continue
            if segment_hits_box(seg, box, margin=0.3):
                return False
        return target.inside(self.bounds)


# --------------------------------------------------------------------------- point labels


@dataclass(frozen=True)
class PointLabel:
    """A label wanted next to a marker at (x, y) of the given radius."""

    key: str
    x: float
    y: float
    radius: float
    text: str
    size: float


@dataclass(frozen=True)
class PlacedLabel:
    key: str
    text: ir.GText
    box: Box
    leader: Segment | None


PAD = 1.0  # clear space kept around label text inside its box
# Directions in preference order (y downwards): right, left, above, below, then diagonals and
# the in-between angles, so that near spots are tried all round before far ones.
_DIRECTIONS = tuple(
    (round(math.cos(math.radians(a)), 4), round(math.sin(math.radians(a)), 4))
    for a in (0, 180, 270, 90, 315, 225, 45, 135, 337.5, 202.5, 292.5, 247.5, 22.5, 157.5, 67.5, 112.5)
)
_DISTANCES = (0, 5, 10, 16, 24, 34, 46, 60, 76, 94, 114, 136, 160, 186, 214, 244)
LEADER_FROM = 5.0  # a label this far from its marker gets a leader line
LONG_LEADER = 50.0  # leaders longer than this are hard to follow: they cost extra


def _box_at(px: float, py: float, ux: float, uy: float, w: float, h: float) -> Box:
    """A w×h box touching point P on the side facing back along direction (ux, uy)."""
    x0 = px if ux > 0.3 else px - w if ux < -0.3 else px - w / 2
    y0 = py if uy > 0.3 else py - h if uy < -0.3 else py - h / 2
    return Box(x0, y0, x0 + w, y0 + h)


def _candidates(req: PointLabel, w: float, h: float, max_distance: float):
    """(cost, box, leader) for every candidate position, nearest first. Above and below, the
    box may also hang to either side of the marker, not only centred on it."""
    for rank, d in enumerate(x for x in _DISTANCES if x <= max_distance):
        directions = _DIRECTIONS[:8] if d < 30 else _DIRECTIONS
        for order, (ux, uy) in enumerate(directions):
            reach = req.radius + 1.0 + d
            px, py = req.x + ux * reach, req.y + uy * reach
            leader = None
            if d >= LEADER_FROM:
                sx, sy = req.x + ux * (req.radius + 0.8), req.y + uy * (req.radius + 0.8)
                leader = Segment(sx, sy, px, py)
            cost = d + rank * 0.01 + order * 0.001
            box = _box_at(px, py, ux, uy, w, h)
            yield cost, box, leader
            if abs(ux) <= 0.3:
                slide = w / 2 - min(6.0, w / 2)
                yield cost + 0.5, Box(box.x0 + slide, box.y0, box.x1 + slide, box.y1), leader
                yield cost + 0.5, Box(box.x0 - slide, box.y0, box.x1 - slide, box.y1), leader


def _label_text(req: PointLabel, box: Box) -> ir.GText:
    return ir.GText(round(box.x0 + PAD, 2), round(box.y0 + PAD + ASCENT * req.size, 2),
                    req.text, size=req.size)


def place_one(req: PointLabel, occ: Occupancy, measure: Measure, max_distance: float) -> PlacedLabel | None:
    """The cheapest free spot for one label (or None), recorded in ``occ``."""
    w = measure(req.text, req.size) + 2 * PAD
    h = (ASCENT + DESCENT) * req.size + 2 * PAD
    best: tuple[float, Box, Segment | None] | None = None
    for cost, box, leader in _candidates(req, w, h, max_distance):
        if best is not None and cost >= best[0]:
            continue
        if not occ.box_free(box) or (leader and not occ.leader_free(leader, box)):
            continue
        penalty = occ.cost(box, leader)
        if best is None or cost + penalty < best[0]:
            best = (cost + penalty, box, leader)
    if best is None:
        return None
    _, box, leader = best
    occ.solid.append(box)
    if leader:
        occ.leaders.append(leader)
    return PlacedLabel(req.key, _label_text(req, box), box, leader)


def place_point_labels(requests: Sequence[PointLabel], occ: Occupancy, measure: Measure,
                       max_distance: float = 250.0) -> tuple[list[PlacedLabel], list[PointLabel]]:
    """Place labels in the given order; return (placed, the ones that fit nowhere)."""
    placed: list[PlacedLabel] = []
    missed: list[PointLabel] = []
    for req in requests:
        result = place_one(req, occ, measure, max_distance)
        if result is None:
            missed.append(req)
        else:
            placed.append(result)
    return placed, missed


def _orders(requests: Sequence[PointLabel]) -> list[list[PointLabel]]:
    """A few placement orders worth trying: greedy placement depends on who goes first."""
    given = list(requests)
    return [given, given[::-1],
            sorted(given, key=lambda r: (r.y, r.x)), sorted(given, key=lambda r: (-r.y, r.x)),
            sorted(given, key=lambda r: (-r.x, r.y))]


def place_point_labels_best(requests: Sequence[PointLabel], new_occupancy: Callable[[], Occupancy],
                            measure: Measure, max_distance: float = 250.0,
                            ) -> tuple[list[PlacedLabel], list[PointLabel], Occupancy]:
    """Try several orders and keep the result with fewest unplaced labels, then shortest
    leaders; then repair: fit each unplaced label, and shorten each very long leader, by moving
    one neighbour out of the way. Returns the labels in the order of ``requests`` and the
    occupancy they filled."""
    best: tuple[tuple[int, float], list[PlacedLabel], list[PointLabel]] | None = None
    for order in _orders(requests):
        placed, missed = place_point_labels(order, new_occupancy(), measure, max_distance)
        score = (len(missed), round(_reach(placed), 3))
        if best is None or score < best[0]:
            best = (score, placed, missed)
    assert best is not None
    placed, missed = list(best[1]), []
    repair = _Repair(requests, new_occupancy, measure, max_distance)
    for req in best[2]:
        if not repair.improve(req, placed, None):
            missed.append(req)
    long_ones = sorted((p for p in placed if p.leader and p.leader.length() > 2 * LONG_LEADER),
                       key=lambda p: (-_reach([p]), p.key))
    for label in long_ones:
        if label in placed:
            repair.improve(repair.by_key[label.key], placed, label)
    rank = {r.key: i for i, r in enumerate(requests)}
    placed.sort(key=lambda p: rank[p.key])
    return placed, missed, _occupancy_with(placed, new_occupancy)


def _reach(labels: Iterable[PlacedLabel]) -> float:
    return sum(p.leader.length() for p in labels if p.leader)


def _occupancy_with(placed: Sequence[PlacedLabel], new_occupancy: Callable[[], Occupancy]) -> Occupancy:
    occ = new_occupancy()
    for label in placed:
        occ.solid.append(label.box)
        if label.leader:
            occ.leaders.append(label.leader)
    return occ


@dataclass
class _Repair:
    """Rip-up and retry: lift one of the nearest placed labels, place the label being repaired,
    put the lifted one back wherever it fits; keep the variant with the shortest leaders."""

    requests: Sequence[PointLabel]
    new_occupancy: Callable[[], Occupancy]
    measure: Measure
    max_distance: float
    neighbours: int = 8

    @property
    def by_key(self) -> dict[str, PointLabel]:
        return {r.key: r for r in self.requests}

    def improve(self, req: PointLabel, placed: list[PlacedLabel], current: PlacedLabel | None) -> bool:
        """Re-place ``req`` (now ``current``, or unplaced); change ``placed`` and return True
        when a better arrangement is found."""
        by_key = self.by_key
        others = [p for p in placed if p is not current]
        near = sorted(others, key=lambda p: ((by_key[p.key].x - req.x) ** 2 + (by_key[p.key].y - req.y) ** 2,
                                             p.key))[:self.neighbours]
        best: tuple[float, list[PlacedLabel]] | None = None
        for lifted in near:
            rest = [p for p in others if p is not lifted]
            occ = _occupancy_with(rest, self.new_occupancy)
            mine = place_one(req, occ, self.measure, self.max_distance)
            again = place_one(by_key[lifted.key], occ, self.measure, self.max_distance) if mine else None
            if not (mine and again):
                continue
            gain = _reach([mine, again]) - _reach([lifted] + ([current] if current else []))
            if (current is None or gain < -1.0) and (best is None or gain < best[0]):
                best = (gain, rest + [mine, again])
        if best is None:
            return False
        placed[:] = best[1]
        return True


def _segments_cross(a: Segment, b: Segment) -> bool:
    def orient(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> float:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1 = orient(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
    d2 = orient(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
    d3 = orient(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
    d4 = orient(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
    return d1 * d2 < 0 and d3 * d4 < 0


def _runs_along(line: Segment, leader: Segment, tolerance: float = 2.0) -> bool:
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


def boxes_overlap_pairs(boxes: Sequence[Box]) -> list[tuple[int, int]]:
    """Index pairs of overlapping boxes (for tests and self-checks)."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].overlaps(boxes[j])]
