"""The glossary of the novel's own vocabulary, alphabetical, each term a link target."""

from __future__ import annotations

from .. import ir
from ..select import Selection
from ..typography import smarten
from .common import Prose, anchor, joined, link


def to_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    terms = sorted(sel.content.terms, key=lambda t: t.term.lower().removeprefix("the "))
    if not terms:
        return ()
    names = {t.id: t.term for t in sel.content.terms}
    items = []
    for t in terms:
        detail = prose(t.meaning) + (ir.Text(f" First used in chapter {t.first_chapter}."),)
        see = [link("term", s, names[s]) for s in t.see_also if s in names]
        if see:
            detail += (ir.Text(" See also: "),) + joined(see) + (ir.Text("."),)
        items.append(ir.Definition(ir.text(smarten(t.term)), detail, anchor=anchor("term", t.id), src=t.src))
    intro = ("The novel's own words, many of them gentle names for hard things. Notice what each word "
             "hides: that is often the point.")
    return (ir.Section(id="glossary", title="Glossary", kind="glossary",
                       blocks=(ir.DefinitionList(tuple(items)),), running_head="Glossary", intro=ir.text(intro)),)
