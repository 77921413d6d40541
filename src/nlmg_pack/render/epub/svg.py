"""ir.Graphic -> an inline SVG element for an XHTML content document.

The drawing scales with its ``viewBox`` (coordinates are points, y downwards, as in the IR);
CSS caps it at the column width. ``role="img"`` with ``aria-labelledby`` pointing at its
``<title>`` and ``<desc>`` gives screen readers one name and one description instead of a
stream of loose labels. Labels carry a class (``label-body``/``label-heading``) that the
stylesheet maps to the style's families, with generic fallbacks for readers that replace fonts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ... import ir
from .xhtml import el

SVG_NS = "http://www.w3.org/2000/svg"


def svg_element(graphic: ir.Graphic, anchor: str, title: str, alt: str) -> ET.Element:
    """The <svg> for ``graphic``; ids derive from ``anchor`` so they stay unique per figure."""
    title_id, desc_id = f"{anchor}-svg-title", f"{anchor}-svg-desc"
    svg = el("svg", {
        "xmlns": SVG_NS,
        "class": "diagram",
        "role": "img",
        "aria-labelledby": f"{title_id} {desc_id}",
        "viewBox": f"0 0 {num(graphic.width)} {num(graphic.height)}",
        "width": num(graphic.width),
        "height": num(graphic.height),
        "preserveAspectRatio": "xMidYMid meet",
    })
    svg.append(el("title", {"id": title_id}, title))
    svg.append(el("desc", {"id": desc_id}, alt))
    for shape in graphic.shapes:
        svg.append(shape_element(shape))
    return svg


def shape_element(shape: ir.Shape) -> ET.Element:
    if isinstance(shape, ir.GLine):
        return el("line", {"x1": num(shape.x1), "y1": num(shape.y1), "x2": num(shape.x2),
                           "y2": num(shape.y2), **_stroke(shape.stroke), "fill": "none"})
    if isinstance(shape, ir.GRect):
        attrs = {"x": num(shape.x), "y": num(shape.y), "width": num(shape.w), "height": num(shape.h)}
        if shape.radius:
            attrs["rx"] = attrs["ry"] = num(shape.radius)
        return el("rect", {**attrs, **_stroke(shape.stroke), **_fill(shape.fill)})
    if isinstance(shape, ir.GCircle):
        return el("circle", {"cx": num(shape.cx), "cy": num(shape.cy), "r": num(shape.r),
                             **_stroke(shape.stroke), **_fill(shape.fill)})
    if isinstance(shape, ir.GPolygon):
        points = " ".join(f"{num(x)},{num(y)}" for x, y in shape.points)
        tag = "polygon" if shape.closed else "polyline"
        fill = _fill(shape.fill) if shape.closed else {"fill": "none"}
        return el(tag, {"points": points, **_stroke(shape.stroke), **fill})
    if isinstance(shape, ir.GText):
        return _text(shape)
    raise TypeError(f"unknown shape {shape!r}")  # pragma: no cover - the IR is a closed set


def _text(shape: ir.GText) -> ET.Element:
    attrs = {
        "x": num(shape.x), "y": num(shape.y),
        "class": f"label-{shape.font}",
        "font-size": num(shape.size),
        "text-anchor": shape.align,
        "fill": gray(shape.gray),
    }
    if shape.bold:
        attrs["font-weight"] = "bold"
    if shape.italic:
        attrs["font-style"] = "italic"
    return el("text", attrs, shape.text)


def _stroke(stroke: ir.Stroke | None) -> dict[str, str]:
    if stroke is None:
        return {"stroke": "none"}
    attrs = {"stroke": gray(stroke.gray), "stroke-width": num(stroke.width)}
    if stroke.dash:
        attrs["stroke-dasharray"] = " ".join(num(d) for d in stroke.dash)
    return attrs


def _fill(level: float | None) -> dict[str, str]:
    return {"fill": "none" if level is None else gray(level)}


def gray(level: float) -> str:
    """A gray level (0 = black, 1 = white) as #rrggbb."""
    value = round(max(0.0, min(1.0, level)) * 255)
    return f"#{value:02x}{value:02x}{value:02x}"


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (stable across runs)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
