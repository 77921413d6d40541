"""ir.Figure -> a reportlab.graphics Drawing (one function per shape type), scaled to the frame
width with its aspect kept, in the style's own fonts, with its title and caption.

IR coordinates run downwards from the top left; PDF's run upwards, so every y is flipped."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, Shape, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ... import ir
from .fonts import FontSet
from .markup import anchor_tag, inline
from .styles import Kit
from .widgets import Marker, Para

MAX_SCALE = 1.5  # a small diagram may grow to the frame width, but not into a poster


def _gray(level: float | None):
    return None if level is None else colors.Color(level, level, level)


def _stroke_kwargs(stroke: ir.Stroke | None) -> dict:
    if stroke is None:
        return {"strokeColor": None, "strokeWidth": 0}
    return {"strokeColor": _gray(stroke.gray), "strokeWidth": stroke.width,
            "strokeDashArray": list(stroke.dash) or None}


def _line(s: ir.GLine, h: float, fonts: FontSet) -> Shape:
    return Line(s.x1, h - s.y1, s.x2, h - s.y2, **_stroke_kwargs(s.stroke))


def _rect(s: ir.GRect, h: float, fonts: FontSet) -> Shape:
    return Rect(s.x, h - s.y - s.h, s.w, s.h, rx=s.radius, ry=s.radius,
                fillColor=_gray(s.fill), **_stroke_kwargs(s.stroke))


def _circle(s: ir.GCircle, h: float, fonts: FontSet) -> Shape:
    return Circle(s.cx, h - s.cy, s.r, fillColor=_gray(s.fill), **_stroke_kwargs(s.stroke))


def _polygon(s: ir.GPolygon, h: float, fonts: FontSet) -> Shape:
    points = [v for x, y in s.points for v in (x, h - y)]
    if s.closed:
        return Polygon(points, fillColor=_gray(s.fill), **_stroke_kwargs(s.stroke))
    return PolyLine(points, **_stroke_kwargs(s.stroke))


def _text(s: ir.GText, h: float, fonts: FontSet) -> Shape:
    family = fonts.body if s.font == "body" else fonts.heading
    return String(s.x, h - s.y, s.text, fontName=family.pick(s.bold, s.italic), fontSize=s.size,
                  fillColor=_gray(s.gray), textAnchor=s.align)


_SHAPES = {ir.GLine: _line, ir.GRect: _rect, ir.GCircle: _circle, ir.GPolygon: _polygon, ir.GText: _text}


def drawing(graphic: ir.Graphic, fonts: FontSet, max_w: float, max_h: float) -> Drawing:
    """The graphic as a Drawing, scaled to fit ``max_w`` x ``max_h`` (never above MAX_SCALE)."""
    scale = min(max_w / graphic.width, max_h / graphic.height, MAX_SCALE) if graphic.width and graphic.height else 1
    out = Drawing(graphic.width * scale, graphic.height * scale)
    out.initialFontName = fonts.body.regular  # else the renderer starts from base-14 Helvetica
    out.hAlign = "CENTER"
    out.transform = (scale, 0, 0, scale, 0, 0)
    for shape in graphic.shapes:
        out.add(_SHAPES[type(shape)](shape, graphic.height, fonts))
    return out


def figure_flowables(fig: ir.Figure, kit: Kit) -> list[Flowable]:
    title = inline(fig.title, kit.style.emphasis, kit.targets)
    parts: list[Flowable] = [Para(anchor_tag(fig.anchor) + title, kit.para["h3"])]
    # Anchors inside the text equivalent (printed only in the EPUB) land on the figure.
    parts += [Marker(a) for a in _equivalent_anchors(fig)]
    caption_room = kit.style.body_size * 6
    parts.append(drawing(fig.graphic, kit.fonts, kit.geo.frame_w, kit.geo.frame_h * 0.8 - caption_room))
    if fig.caption:
        parts += [Spacer(1, 4), Para(inline(fig.caption, kit.style.emphasis, kit.targets), kit.para["meta"])]
    return [KeepTogether(parts), Spacer(1, kit.style.paragraph_space * 2)]


def _equivalent_anchors(fig: ir.Figure) -> list[str]:
    found: list[str] = []
    for block in ir.walk_blocks(fig.equivalent):
        found.append(getattr(block, "anchor", ""))
        if isinstance(block, ir.DefinitionList):
            found += [item.anchor for item in block.items]
    return [anchor for anchor in found if anchor]
