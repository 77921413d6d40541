"""A small deterministic label placer.

Labels are placed one by one at the cheapest candidate position (nearest first, fewest crossed
lines, away from crowds of markers) whose box overlaps no other label, marker or node and stays
inside the plot. Several placement orders are tried and the best kept; then labels that fit
nowhere, or hang on very long leader lines, are repaired by moving one neighbour out of the
way. A label that still fits nowhere is handed back to the caller, which shows a numbered key.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from .. import ir
from .geometry import RUN_TOLERANCE, Box, Segment, runs_along, segment_hits_box, segments_cross
from .metrics import ASCENT, DESCENT, Measure
from .spatial import GridIndex, segment_bounds

# --------------------------------------------------------------------------- occupancy


_Counts = tuple[int, int, int, int]  # lines covered, markers nearby, leaders crossed, lines run along


@dataclass
class _Spot:
    """A candidate position for a label: its cost before penalties, and what the occupancy
    that listed it counts against it (worked out when first needed, then kept)."""

    cost: float
    box: Box
    leader: Segment | None
    counts: _Counts | None = None


class Occupancy:
    """What is already on the drawing: ``solid`` boxes that nothing may overlap (labels,
    markers, nodes), ``leaders`` that no label may cover, and ``soft`` lines a label may cross
    at a cost (they are cut away around it afterwards). ``crowd`` boxes (markers) make a
    spot dearer the more of them sit close by, so labels move out to open space rather than
    sit in a row of markers where they would block the labels still to come.

    Each kind is kept in a spatial grid, so a question about one spot looks only at what is
    near it instead of at everything drawn (which made placement quadratic in the labels).
    ``fork()`` starts a new occupancy on top of this one, which then stays as it is: placement
    starts afresh from the same markers many times (orders tried, repairs), and the spots the
    markers leave free for a label are worked out once, not on every try."""

    def __init__(self, bounds: Box, parent: Occupancy | None = None) -> None:
        self.bounds = bounds
        self._parent = parent
        self._frozen = False
        self._solid: GridIndex[Box] = GridIndex()
        self._leaders: GridIndex[Segment] = GridIndex()
        self._soft: GridIndex[Segment] = GridIndex()
        self._crowd: GridIndex[Box] = GridIndex()
        # (label, w, h, max_distance) -> the candidate spots free of everything in here
        self._free: dict[tuple[PointLabel, float, float, float], list[_Spot]] = {}

    def add_solid(self, box: Box) -> None:
        self._check_open()
        self._solid.add(box, box)

    def add_leader(self, seg: Segment) -> None:
        self._check_open()
        self._leaders.add(seg, seg)

    def add_soft(self, seg: Segment) -> None:
        self._check_open()
        self._soft.add(seg, seg)

    def add_crowd(self, box: Box) -> None:
        self._check_open()
        self._crowd.add(box, box)

    def fork(self) -> Occupancy:
        """An empty occupancy on top of this one (everything here counts there too), in O(1).
        This one is shared from now on: adding to it raises."""
        self._frozen = True
        return Occupancy(self.bounds, self)

    def _check_open(self) -> None:
        if self._frozen:
            raise RuntimeError("this occupancy has been forked and is shared: add to the fork")

    def _chain(self) -> Iterator[Occupancy]:
        occ: Occupancy | None = self
        while occ is not None:
            yield occ
            occ = occ._parent

    # -- questions about everything on the drawing (this occupancy and the ones under it)

    def box_free(self, box: Box) -> bool:
        return box.inside(self.bounds) and all(occ._clear(box) for occ in self._chain())

    def leader_free(self, seg: Segment, target: Box) -> bool:
        """A leader may leave its own marker but must not pass through anything else."""
        return all(occ._leader_clear(seg, target) for occ in self._chain()) and target.inside(self.bounds)

    def crossings(self, box: Box) -> int:
        return sum(occ._crossings(box) for occ in self._chain())

    def cost(self, box: Box, leader: Segment | None) -> float:
        """Extra cost of a free spot: lines it covers, markers nearby, leaders it crosses or
        that would run along a gridline (and so look like part of it)."""
        return _penalty(self._counts(box, leader), leader)

    def _counts(self, box: Box, leader: Segment | None) -> _Counts:
        total = (0, 0, 0, 0)
        for occ in self._chain():
            total = _added(total, occ._own_counts(box, leader))
        return total

    # -- candidate spots for a label

    def spots(self, req: PointLabel, w: float, h: float, max_distance: float) -> Iterable[_Spot]:
        """Candidate spots for a label, nearest first: every one, or on a fork only those
        the occupancy under it leaves free (listed once per label)."""
        if self._parent is None:
            return (_Spot(cost, box, leader) for cost, box, leader in _candidates(req, w, h, max_distance))
        return self._parent._free_spots(req, w, h, max_distance)

    def spot_free(self, spot: _Spot) -> bool:
        """Whether a spot from ``spots`` is free here too: the same as ``box_free`` and
        ``leader_free``, checking only what the listing has not checked yet."""
        box, leader = spot.box, spot.leader
        if self._parent is None and not box.inside(self.bounds):
            return False
        return self._clear(box) and (leader is None or self._leader_clear(leader, box))

    def spot_cost(self, spot: _Spot) -> float:
        """``cost`` of a spot from ``spots``, reusing what the listing occupancy counted."""
        counts = self._own_counts(spot.box, spot.leader)
        if self._parent is not None:
            counts = _added(counts, self._parent._listed_counts(spot))
        return _penalty(counts, spot.leader)

    def _free_spots(self, req: PointLabel, w: float, h: float, max_distance: float) -> list[_Spot]:
        key = (req, w, h, max_distance)
        free = self._free.get(key)
        if free is None:
            free = [_Spot(s.cost, s.box, s.leader) for s in self.spots(req, w, h, max_distance)
                    if self.spot_free(s)]
            self._free[key] = free
        return free

    def _listed_counts(self, spot: _Spot) -> _Counts:
        if spot.counts is None:
            spot.counts = self._counts(spot.box, spot.leader)
        return spot.counts

    # -- this occupancy's own items only

    def _clear(self, box: Box) -> bool:
        if any(box.overlaps(other) for other in self._solid.near(box)):
            return False
        return not any(segment_hits_box(seg, box) for seg in self._leaders.near(box))

    def _leader_clear(self, seg: Segment, target: Box) -> bool:
        start = (seg.x1, seg.y1)
        for box in self._solid.near(seg):
            if box.contains(*start) or box == target:
                continue
            if segment_hits_box(seg, box, margin=0.3):
                return False
        return True

    def _crossings(self, box: Box) -> int:
        return sum(1 for seg in self._soft.near_once(box) if segment_hits_box(seg, box))

    def _own_counts(self, box: Box, leader: Segment | None) -> _Counts:
        wide = box.inflate(CROWD_REACH)
        crowding = sum(1 for other in self._crowd.near_once(wide) if wide.overlaps(other))
        if leader is None:
            return self._crossings(box), crowding, 0, 0
        crossed = sum(1 for s in self._leaders.near_once(leader) if segments_cross(s, leader))
        # a line "runs along" a leader up to RUN_TOLERANCE away (level within 0.01): look that
        # far around it, and a little more
        around = segment_bounds(leader).inflate(RUN_TOLERANCE + 0.5)
        along = sum(1 for s in self._soft.near_once(around) if runs_along(s, leader))
        return self._crossings(box), crowding, crossed, along


CROWD_REACH = 6.0  # markers this close to a label's box crowd it


def _added(a: _Counts, b: _Counts) -> _Counts:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]


def _penalty(counts: _Counts, leader: Segment | None) -> float:
    """The extra cost of a spot from its counts (see ``Occupancy.cost``)."""
    covered, crowding, crossed, along = counts
    penalty = 12.0 * covered + 3.0 * crowding
    if leader:
        penalty += 0.5 * max(0.0, leader.length() - LONG_LEADER)
        penalty += 20.0 * crossed
        penalty += 25.0 * along
    return penalty


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
    for spot in occ.spots(req, w, h, max_distance):
        if best is not None and spot.cost >= best[0]:
            continue
        if not occ.spot_free(spot):
            continue
        total = spot.cost + occ.spot_cost(spot)
        if best is None or total < best[0]:
            best = (total, spot.box, spot.leader)
    if best is None:
        return None
    _, box, leader = best
    occ.add_solid(box)
    if leader:
        occ.add_leader(leader)
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
        occ.add_solid(label.box)
        if label.leader:
            occ.add_leader(label.leader)
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

    @cached_property
    def by_key(self) -> dict[str, PointLabel]:
        return {r.key: r for r in self.requests}

    def improve(self, req: PointLabel, placed: list[PlacedLabel], current: PlacedLabel | None) -> bool:
        """Re-place ``req`` (now ``current``, or unplaced); change ``placed`` and return True
        when a better arrangement is found."""
        by_key = self.by_key
        others = [p for p in placed if p is not current]
        near = sorted(others, key=lambda p: ((by_key[p.key].x - req.x) ** 2 + (by_key[p.key].y - req.y) ** 2,
                                             p.key))[:self.neighbours]
        # The labels that stay put whichever neighbour is lifted, recorded once (and the spots
        # they leave free listed once) rather than once per neighbour tried.
        lifting = {id(p) for p in near}
        settled = _occupancy_with([p for p in others if id(p) not in lifting], self.new_occupancy)
        best: tuple[float, list[PlacedLabel]] | None = None
        for lifted in near:
            rest = [p for p in others if p is not lifted]
            occ = _occupancy_with([p for p in near if p is not lifted], settled.fork)
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
