"""The diagrams section: dual timeline, relationship map and theme tracker."""

from __future__ import annotations

from .. import ir, model
from ..figures import FULL_WIDTH, Measure, figure_blocks
from ..select import Selection
from .common import same_as_last

INTRO = ("Three diagrams drawn from the content of this pack: when events happen against when Kathy "
         "tells them, who is connected to whom, and where each theme matters most. The e-book gives "
         "each one in words as well.")

@same_as_last
def _figures(content: model.Content, cutoff: int | None, measure: Measure) -> tuple[ir.Figure, ...]:
    """Laying the figures out is the costliest part of composing. Both editions of a version
    (and a class set's copies, which share one layout) have the same content, cut-off and
    measure, so it is done once per version; each version is a new content model (its
    worksheets are shuffled), so versions lay the figures out again."""
    return figure_blocks(content, cutoff, measure, FULL_WIDTH)


def to_sections(sel: Selection, measure: Measure) -> tuple[ir.Section, ...]:
    figures = _figures(sel.content, sel.cutoff, measure)
    if not figures:
        return ()
    return (ir.Section(id="figures", title="Diagrams", kind="figures", blocks=figures,
                       running_head="Diagrams", intro=ir.text(INTRO)),)
