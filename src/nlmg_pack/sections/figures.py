"""The diagrams section: dual timeline, relationship map and theme tracker."""

from __future__ import annotations

from .. import ir
from ..figures import FULL_WIDTH, Measure, figure_blocks
from ..select import Selection

INTRO = ("Three diagrams drawn from the content of this pack: when events happen against when Kathy "
         "tells them, who is connected to whom, and where each theme matters most. The e-book gives "
         "each one in words as well.")


def to_sections(sel: Selection, measure: Measure) -> tuple[ir.Section, ...]:
    figures = figure_blocks(sel.content, sel.cutoff, measure, FULL_WIDTH)
    if not figures:
        return ()
    return (ir.Section(id="figures", title="Diagrams", kind="figures", blocks=figures,
                       running_head="Diagrams", intro=ir.text(INTRO)),)
