"""The relationship map: characters as named boxes on an oval, relationships as labelled lines.

Nodes sit on an ellipse, each group (``Character.group``: where a character belongs) in one
unbroken stretch of it, marked by a shaded track and a border style named in the legend.
Every relationship is a straight chord between two nodes: on a convex ring no chord runs
through the middle of another node, and lines that clip a neighbour's box are cut around it.
Edge labels sit on their line, placed where they overlap no node and no other label.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir, model
from ..typography import smarten
from . import common as c
from . import ring
from .edges import Anchor, Blockers, EdgeLabel, Route, longest, place_label, route
from .geometry import Box
from .labels import Occupancy
from .metrics import Measure, text_width
from .relations import Edge, equivalent_items, visible_characters, visible_edges
from .spatial import lines_around

ANCHOR = "fig-relationships"
ROW = 12.0
NODE_PAD_X = 4.0
NODE_PAD_Y = 3.0
TRACK_EXTRA = 8.0  # the group track is this much wider than a node is tall
HUB_MIN_CAST = 6
MAX_HUBS = 3
HUB_MIN_DEGREE = 3
HUB_OFFSETS = {  # hub centres as fractions of the ring's radii from its centre
    1: ((0.0, 0.0),),
    2: ((-0.35, 0.0), (0.35, 0.0)),
    3: ((0.0, -0.4), (-0.42, 0.3), (0.42, 0.3)),
}
GROUP_STYLES = (  # (border dash, fill): told apart without colour
    ((), 1.0),
    ((2.5, 1.5), 0.9),
    ((0.9, 1.3), 0.8),
    ((5.0, 1.5, 1.0, 1.5), 1.0),
)


@dataclass(frozen=True)
class Node:
    character: model.Character
    group: int  # index into the layout's groups
    style: int  # index into GROUP_STYLES: the group's place in the book's list, so a group
    # keeps its look whatever the cut-off leaves out
    x: float
    y: float
    w: float
    h: float
    hub: bool = False

    @property
    def box(self) -> Box:
        return Box(self.x - self.w / 2, self.y - self.h / 2, self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True)
class RelationshipLayout:
    width: float
    height: float
    groups: tuple[tuple[str, str], ...]  # (id, title) in ring order
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    routes: tuple[Route, ...]  # per edge, in ``edges`` order
    labels: tuple[EdgeLabel, ...]
    numbered: tuple[tuple[int, Edge], ...]
    shapes: tuple[ir.Shape, ...]


# --------------------------------------------------------------------------- what is shown


def _group_order(content: model.Content, people: tuple[model.Character, ...]) -> tuple[tuple[str, str], ...]:
    declared = [(g.id, smarten(g.title)) for g in content.book.groups]
    used = {p.group for p in people}
    extra = sorted(used - {gid for gid, _ in declared})
    return tuple((gid, title) for gid, title in declared + [(g, g) for g in extra] if gid in used)


def _degrees(edges: tuple[Edge, ...]) -> dict[str, int]:
    degree: dict[str, int] = {}
    for e in edges:
        degree[e.a] = degree.get(e.a, 0) + 1
        degree[e.b] = degree.get(e.b, 0) + 1
    return degree


def _hubs(people: tuple[model.Character, ...], edges: tuple[Edge, ...]) -> list[model.Character]:
    """The few most-connected characters, drawn inside the ring: their many lines then run
    outwards like spokes instead of crowding along the ring."""
    if len(people) < HUB_MIN_CAST:
        return []
    degree = _degrees(edges)
    ranked = sorted(people, key=lambda p: (-degree.get(p.id, 0), p.first_chapter, p.id))
    return [p for p in ranked[:MAX_HUBS] if degree.get(p.id, 0) >= HUB_MIN_DEGREE]


def _ring_order(people: list[model.Character], hubs: list[model.Character],
                edges: tuple[Edge, ...]) -> list[model.Character]:
    """Characters linked to the same hub next to each other, then by first appearance."""
    hub_rank = {h.id: i for i, h in enumerate(hubs)}

    def first_hub(person: model.Character) -> int:
        linked = [hub_rank[o] for e in edges for o in (e.a, e.b)
                  if person.id in (e.a, e.b) and o in hub_rank]
        return min(linked, default=len(hubs))

    return sorted(people, key=lambda p: (first_hub(p), p.first_chapter, p.id))


# --------------------------------------------------------------------------- layout


def _node_size(measure: Measure, person: model.Character) -> tuple[float, float]:
    w = text_width(measure, smarten(person.name), c.NAME_SIZE) + 2 * NODE_PAD_X
    return w, c.NAME_SIZE + 2 * NODE_PAD_Y


def _ordered_groups(content: model.Content, people: tuple[model.Character, ...], edges: tuple[Edge, ...],
                    hubs: list[model.Character]) -> tuple[tuple[tuple[str, str], ...], list[list[model.Character]]]:
    """Groups in the book's order with their ring members (hubs left out), ring order."""
    groups = _group_order(content, people)
    hub_ids = {h.id for h in hubs}
    members = [_ring_order([p for p in people if p.group == gid and p.id not in hub_ids], hubs, edges)
               for gid, _ in groups]
    return groups, members


def _legend(content: model.Content, groups: tuple[tuple[str, str], ...], width: float,
            measure: Measure) -> tuple[list[ir.Shape], float]:
    """One sample box per group, titled, left to right; returns shapes and the height used."""
    shapes: list[ir.Shape] = []
    x, y = 0.0, ROW - 2
    style = _style_index(content)
    for gid, title in groups:
        w = 16 + text_width(measure, title, c.SMALL_SIZE) + 14
        if x > 0 and x + w > width:
            x, y = 0.0, y + ROW + 2
        dash, fill = GROUP_STYLES[style(gid)]
        shapes.append(ir.GRect(x, y - 8, 12, 9, stroke=ir.Stroke(0.0, 0.9, dash), fill=fill, radius=2))
        shapes.append(ir.GText(x + 16, y, title, c.SMALL_SIZE))
        x += w
    return shapes, y + 8


def _style_index(content: model.Content):
    declared = [g.id for g in content.book.groups]

    def style(gid: str) -> int:
        return (declared.index(gid) if gid in declared else len(declared)) % len(GROUP_STYLES)

    return style


def _place_nodes(content: model.Content, groups: tuple[tuple[str, str], ...], members: list[list[model.Character]],
                 hubs: list[model.Character], width: float, top: float,
                 measure: Measure) -> tuple[tuple[Node, ...], ring.Ellipse]:
    """Ring members around the ellipse, hubs inside it in a small triangle."""
    group_index = {gid: i for i, (gid, _) in enumerate(groups)}
    style = _style_index(content)
    sizes = [[_node_size(measure, p) for p in group] for group in members]
    flat = [s for group in sizes for s in group]
    spec = ring.RingSpec(width, top, [len(g) for g in members if g], flat)
    positions, ellipse = ring.place(spec) if flat else ([], ring.Ellipse(width / 2, top + 10, 0, 0))
    nodes: list[Node] = []
    people = [p for group in members for p in group]
    for person, (x, y), (w, h) in zip(people, positions, flat, strict=True):
        nodes.append(Node(person, group_index[person.group], style(person.group), x, y, w, h))
    offsets = HUB_OFFSETS[len(hubs)] if hubs else ()
    for person, (ox, oy) in zip(hubs, offsets, strict=True):
        w, h = _node_size(measure, person)
        nodes.append(Node(person, group_index[person.group], style(person.group), ellipse.cx + ox * ellipse.rx,
                          ellipse.cy + oy * ellipse.ry, w, h, hub=True))
    return tuple(nodes), ellipse


def _routes(edges: tuple[Edge, ...], nodes: tuple[Node, ...]) -> dict[str, Route]:
    anchors = {n.character.id: Anchor(n.character.id, n.x, n.y, n.box) for n in nodes}
    # every node but an edge's own two blocks it (route() leaves out the two it joins)
    blockers = Blockers([(n.character.id, n.box.inflate(2.0)) for n in nodes])
    routes = {}
    for e in edges:
        routes[e.key] = route(anchors[e.a], anchors[e.b], blockers)
    return routes


def _place_labels(edges: tuple[Edge, ...], nodes: tuple[Node, ...], routes: dict[str, Route],
                  bounds: Box, measure: Measure) -> tuple[list[EdgeLabel], list[tuple[int, Edge]]]:
    """Labels for every edge, shortest edges first (they have the fewest spots); an edge whose
    label fits nowhere gets a number on its line and a row in the key."""
    occ = Occupancy(bounds)
    for n in nodes:
        occ.add_solid(n.box.inflate(1.5))
    for path in routes.values():
        for seg in path:
            occ.add_soft(seg)
    leg = {e.key: longest(routes[e.key]) for e in edges}
    labels: list[EdgeLabel] = []
    missed: list[Edge] = []
    for edge in sorted(edges, key=lambda e: (leg[e.key].length(), e.key)):
        label = place_label(edge.key, edge.label_lines(), c.SMALL_SIZE, leg[edge.key], occ, measure)
        if label is None:
            missed.append(edge)
        else:
            labels.append(label)
    keyed: list[tuple[int, Edge]] = []
    for n, edge in enumerate(sorted(missed, key=lambda e: e.key), start=1):
        keyed.append((n, edge))
        number = place_label(f"{edge.key}#", [str(n)], c.SMALL_SIZE, leg[edge.key], occ, measure)
        if number is not None:
            labels.append(number)
    return labels, keyed


def _tracks(nodes: tuple[Node, ...], ellipse: ring.Ellipse, groups: int) -> list[ir.Shape]:
    """A broad pale track along the ring under each group's stretch of it."""
    if ellipse.rx == 0:
        return []
    shapes: list[ir.Shape] = []
    height = max(n.h for n in nodes) + TRACK_EXTRA
    for gi in range(groups):
        angles = [ring.angle_of(ellipse, n.x, n.y) for n in nodes if n.group == gi and not n.hub]
        if not angles:
            continue
        first, last = min(angles) - 0.07, max(angles) + 0.07
        steps = max(2, int((last - first) / 0.03))
        points = tuple(ellipse.point(first + (last - first) * k / steps) for k in range(steps + 1))
        shapes.append(ir.GPolygon(points, stroke=ir.Stroke(gray=c.BAND_GRAY, width=height), fill=None, closed=False))
    return shapes


def _node_shapes(nodes: tuple[Node, ...]) -> list[ir.Shape]:
    shapes: list[ir.Shape] = []
    for n in nodes:
        dash, fill = GROUP_STYLES[n.style]
        b = n.box
        shapes.append(ir.GRect(b.x0, b.y0, n.w, n.h, stroke=ir.Stroke(0.0, 0.9, dash), fill=fill, radius=3))
        shapes.append(ir.GText(n.x, n.y + 0.3 * c.NAME_SIZE, smarten(n.character.name), c.NAME_SIZE, align="middle"))
    return shapes


def layout_relationships(content: model.Content, up_to_chapter: int | None, measure: Measure,
                         width: float = 470.0) -> RelationshipLayout | None:
    """Compute the whole map; None when no character is visible by the cut-off."""
    last = c.last_chapter(content, up_to_chapter)
    edges = visible_edges(content, last)
    people = visible_characters(content, last, edges)
    if not people:
        return None
    hubs = _hubs(people, edges)
    groups, members = _ordered_groups(content, people, edges, hubs)
    legend, top = _legend(content, groups, width, measure)
    nodes, ellipse = _place_nodes(content, groups, members, hubs, width, top + 8, measure)
    track = (max(n.h for n in nodes) + TRACK_EXTRA) / 2 if ellipse.rx else 0.0
    bottom = max(max(n.box.y1 for n in nodes), ellipse.cy + ellipse.ry + track) + 4
    routes = _routes(edges, nodes)
    labels, keyed = _place_labels(edges, nodes, routes, Box(0.0, top + 2, width, bottom), measure)
    cut = [n.box.inflate(1.0) for n in nodes] + [lab.box for lab in labels]
    shapes: list[ir.Shape] = [*legend, *_tracks(nodes, ellipse, len(groups))]
    shapes += lines_around([seg for e in edges for seg in routes[e.key]], cut, ir.Stroke(gray=0.25, width=0.7))
    shapes += _node_shapes(nodes) + [text for lab in labels for text in lab.texts]
    names = {n.character.id: smarten(n.character.name) for n in nodes}
    key_rows, y = c.key_rows(measure, [(str(n), f"{names[e.a]} \u2013 {names[e.b]}: {e.label}")
                                       for n, e in keyed], bottom + ROW, width)
    shapes += key_rows
    height = y if keyed else bottom
    return RelationshipLayout(width, round(height, 2), groups, nodes, edges,
                              tuple(routes[e.key] for e in edges), tuple(labels), tuple(keyed),
                              tuple(c.round_shape(s) for s in shapes))


# --------------------------------------------------------------------------- figure


def _equivalent(content: model.Content, layout: RelationshipLayout) -> tuple[ir.Block, ...]:
    """Who belongs where (a definition list), then every relationship (a list)."""
    members = [ir.Definition(ir.text(title), _joined([c.char_link(content, n.character.id)
                                                      for n in layout.nodes if n.group == gi]))
               for gi, (_, title) in enumerate(layout.groups)]
    order = {n.character.id: i for i, n in enumerate(sorted(layout.nodes, key=lambda n: (not n.hub, n.group)))}
    blocks: list[ir.Block] = [ir.DefinitionList(tuple(members), role="facts")]
    if layout.edges:
        blocks.append(ir.ItemList(equivalent_items(content, layout.edges, order)))
    return tuple(blocks)


def _joined(parts: list[ir.Inline]) -> ir.Inlines:
    out: list[ir.Inline] = []
    for i, part in enumerate(parts):
        if i:
            out.append(ir.Text(", "))
        out.append(part)
    return tuple(out)


def build_relationships(content: model.Content, up_to_chapter: int | None, measure: Measure,
                        width: float = 470.0) -> ir.Figure | None:
    layout = layout_relationships(content, up_to_chapter, measure, width)
    if layout is None:
        return None
    titles = ", ".join(title for _, title in layout.groups)
    alt = (f"A map of {len(layout.nodes)} characters grouped by where they belong ({titles}), joined by "
           f"{len(layout.edges)} labelled relationships; the lists below give the same information.")
    caption = ("Each line is a relationship, labelled with its kind; where two characters see it "
               "differently both kinds are given, separated by a slash. Box borders and the shaded "
               "track show where each character belongs.")
    return ir.Figure(
        anchor=ANCHOR,
        title=ir.text("Relationship map"),
        graphic=ir.Graphic(layout.width, layout.height, layout.shapes),
        alt=alt,
        caption=ir.text(caption),
        equivalent=_equivalent(content, layout),
        src=content.book.src,
    )
