"""Boxes spaced around an ellipse so that neighbours never touch.

Wide, short boxes (names) need more room side by side, at the top and bottom of the ellipse,
than stacked, at its sides. So the spacing is not by angle or by arc length but by *capacity*:
how many boxes fit per unit of arc given the direction the arc runs there. Slots (one per box,
plus a short gap before each group) are spread evenly in capacity, starting at the top and
going clockwise. If they do not fit, the ellipse grows taller.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from .geometry import Box

SAMPLES = 1440
GAP_SLOTS = 0.7  # room before each group, in box slots
CLEARANCE = 3.0  # points between neighbouring boxes
START = -math.pi / 2  # the top of the ellipse (y downwards)
RADIUS_BASE = 60.0
RADIUS_PER_BOX = 14.0
EVENNESS = 0.6  # every slot gets at least this share of an even split of the perimeter


@dataclass(frozen=True)
class RingSpec:
    width: float
    top: float
    group_sizes: list[int]
    sizes: list[tuple[float, float]]  # (w, h) of each box, in ring order
    margin: float = 3.0


@dataclass(frozen=True)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float

    def point(self, theta: float) -> tuple[float, float]:
        return self.cx + self.rx * math.cos(theta), self.cy + self.ry * math.sin(theta)


def place(spec: RingSpec) -> tuple[list[tuple[float, float]], Ellipse]:
    """Centres for ``spec.sizes`` (top, clockwise) and the ellipse they lie on; the ellipse
    grows taller until no two boxes overlap."""
    half_w = max(w for w, _ in spec.sizes) / 2
    half_h = max(h for _, h in spec.sizes) / 2
    # A small cast gets a small ring rather than a few boxes lost on a page-wide one.
    rx = max(min(spec.width / 2 - half_w - spec.margin, RADIUS_BASE + RADIUS_PER_BOX * len(spec.sizes)), 20.0)
    if len(spec.sizes) == 1:
        single = Ellipse(spec.width / 2, spec.top + half_h + 2, 0.0, 0.0)
        return [(single.cx, single.cy)], single
    ry = max(0.8 * rx, 40.0)
    for _ in range(24):
        ellipse = Ellipse(spec.width / 2, spec.top + ry + half_h + 2, rx, ry)
        angles = _slot_angles(ellipse, spec, half_w, half_h)
        if angles is not None:
            points = [ellipse.point(a) for a in angles]
            if not _overlapping(points, spec.sizes):
                return points, ellipse
        ry *= 1.1
    # Not reached for any cast a page can hold; evenly spread as a last resort.
    count = len(spec.sizes)
    return [ellipse.point(START + 2 * math.pi * (k + 0.5) / count) for k in range(count)], ellipse


def angle_of(ellipse: Ellipse, x: float, y: float) -> float:
    """The parameter angle of a point on the ellipse, unwrapped to start at the top."""
    theta = math.atan2((y - ellipse.cy) / (ellipse.ry or 1.0), (x - ellipse.cx) / (ellipse.rx or 1.0))
    while theta < START:
        theta += 2 * math.pi
    return theta


def _need(dx: float, dy: float, half_w: float, half_h: float, floor: float) -> float:
    """Distance along direction (dx, dy) that separates two boxes of the largest size, but
    never less than ``floor`` (boxes stacked at the sides would crowd their lines together)."""
    length = math.hypot(dx, dy) or 1.0
    cos, sin = abs(dx) / length, abs(dy) / length
    across = 2 * half_w / cos if cos > 1e-9 else math.inf
    down = 2 * half_h / sin if sin > 1e-9 else math.inf
    return max(min(across, down) + CLEARANCE, floor)


def _perimeter(ellipse: Ellipse) -> float:
    a, b = ellipse.rx, ellipse.ry
    h = ((a - b) / (a + b)) ** 2 if a + b else 0.0
    return math.pi * (a + b) * (1 + 3 * h / (10 + math.sqrt(4 - 3 * h)))  # Ramanujan


def _capacity(ellipse: Ellipse, half_w: float, half_h: float, floor: float) -> tuple[list[float], list[float]]:
    """Cumulative number of boxes that fit, sampled along the ellipse from the top."""
    step = 2 * math.pi / SAMPLES
    thetas = [START + k * step for k in range(SAMPLES + 1)]
    densities = []
    for theta in thetas:
        dx, dy = -ellipse.rx * math.sin(theta), ellipse.ry * math.cos(theta)
        densities.append(math.hypot(dx, dy) / _need(dx, dy, half_w, half_h, floor))
    cumulative = [0.0]
    for a, b in zip(densities, densities[1:], strict=False):
        cumulative.append(cumulative[-1] + (a + b) / 2 * step)
    return thetas, cumulative


def _slot_angles(ellipse: Ellipse, spec: RingSpec, half_w: float, half_h: float) -> list[float] | None:
    slots = sum(spec.group_sizes) + GAP_SLOTS * len(spec.group_sizes)
    floor = EVENNESS * _perimeter(ellipse) / slots
    thetas, cumulative = _capacity(ellipse, half_w, half_h, floor)
    total = cumulative[-1]
    if total < slots:
        return None
    unit = total / slots
    targets: list[float] = []
    position = 0.0
    for size in spec.group_sizes:
        position += GAP_SLOTS
        for _ in range(size):
            targets.append((position + 0.5) * unit)
            position += 1
    return [_inverse(thetas, cumulative, t) for t in targets]


def _inverse(thetas: list[float], cumulative: list[float], target: float) -> float:
    i = min(max(bisect.bisect_left(cumulative, target), 1), len(cumulative) - 1)
    c0, c1 = cumulative[i - 1], cumulative[i]
    share = (target - c0) / (c1 - c0) if c1 > c0 else 0.0
    return thetas[i - 1] + share * (thetas[i] - thetas[i - 1])


def _overlapping(points: list[tuple[float, float]], sizes: list[tuple[float, float]]) -> bool:
    boxes = [Box(x - w / 2 - 1, y - h / 2 - 1, x + w / 2 + 1, y + h / 2 + 1)
             for (x, y), (w, h) in zip(points, sizes, strict=True)]
    return any(boxes[i].overlaps(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))
