"""The diagrams section: dual timeline, relationship map and theme tracker."""

from __future__ import annotations

from .. import ir, model
from ..figures import FULL_WIDTH, Measure, figure_blocks
from ..select import Selection

INTRO = ("Three diagrams drawn from the content of this pack: when events happen against when Kathy "
         "tells them, who is connected to whom, and where each theme matters most. The e-book gives "
         "each one in words as well.")

# The last figures laid out, with what they were laid out from. Every edition, version and copy
# of one build shares the content, cut-off and measure, and laying the figures out is the
# costliest part of composing, so it is done once per build. Compared by identity: the content
# model is immutable, and holding it here keeps its id from being reused.
_last: tuple[tuple[model.Content, int | None, Measure], tuple[ir.Figure, ...]] | None = None


def _figures(content: model.Content, cutoff: int | None, measure: Measure) -> tuple[ir.Figure, ...]:
    global _last
    if _last is not None:
        (seen_content, seen_cutoff, seen_measure), figures = _last
        if seen_content is content and seen_cutoff == cutoff and seen_measure is measure:
            return figures
    figures = figure_blocks(content, cutoff, measure, FULL_WIDTH)
    _last = ((content, cutoff, measure), figures)
    return figures


def to_sections(sel: Selection, measure: Measure) -> tuple[ir.Section, ...]:
    figures = _figures(sel.content, sel.cutoff, measure)
    if not figures:
        return ()
    return (ir.Section(id="figures", title="Diagrams", kind="figures", blocks=figures,
                       running_head="Diagrams", intro=ir.text(INTRO)),)
