"""The quote bank (by Part, each with context and analysis) and the cut-out quote cards."""

from __future__ import annotations

from .. import ir
from .. import model as m
from ..select import Selection
from ..typography import smarten
from .common import Prose, labelled, meta, part_label, quote_block, theme_links

UNVERIFIED = "Wording not yet checked against a printed copy"


def to_sections(sel: Selection, prose: Prose) -> tuple[ir.Section, ...]:
    groups = []
    for part in sel.book.parts:
        quotes = [q for q in sel.content.quotes if part.first_chapter <= q.chapter <= part.last_chapter]
        if quotes:
            groups.append(ir.Group(anchor=f"quotes-part-{part.number}", title=ir.text(part_label(part)),
                                   blocks=tuple(_entry(sel, prose, q) for q in sorted(quotes, key=_order)),
                                   role="part"))
    if not groups:
        return ()
    intro = ("Short quotations in the order they come in the novel, each with what is happening and how "
             "it works. Learn the words exactly; a dagger (\u2020) marks wording still to be checked "
             "against a printed copy.")
    return (ir.Section(id="quotes", title="Key quotations", kind="quotes", blocks=tuple(groups),
                       running_head="Key quotations", intro=ir.text(intro)),)


def _order(q: m.Quote) -> tuple[int, str]:
    return (q.chapter, q.id)


def _entry(sel: Selection, prose: Prose, q: m.Quote) -> ir.Group:
    blocks: list[ir.Block] = [quote_block(sel, q, entry=True)]
    tags = theme_links(sel, q.themes)
    blocks.append(meta(labelled("Themes", tags) if tags else (),
                       f"\u2020 {UNVERIFIED}" + (f" ({q.note})" if q.note else "") if not q.verified else "",
                       src=q.src))
    blocks.append(ir.Paragraph(labelled("Context", prose(q.context)), src=q.src))
    blocks.append(ir.Paragraph(labelled("Analysis", prose(q.analysis)), src=q.src))
    title = smarten(f"Chapter {q.chapter}: '{_opening(q.text)}'")
    return ir.Group(anchor=f"quote-entry-{q.id}", title=ir.text(title), blocks=tuple(blocks), level=3,
                    layout="keep", role="quote", src=q.src)


def _opening(text: str, words: int = 6) -> str:
    parts = text.lstrip(".\u2026 ").split()
    return " ".join(parts[:words]) + ("\u2026" if len(parts) > words else "")


def card_sections(sel: Selection) -> tuple[ir.Section, ...]:
    quotes = sorted(sel.content.quotes, key=_order)
    if not quotes:
        return ()
    names = {c.id: c.name for c in sel.content.characters}
    titles = {t.id: t.title for t in sel.content.themes}
    cards = tuple(ir.Card(
        anchor=f"card-{q.id}", quote=smarten(q.text), speaker=smarten(names.get(q.speaker, q.speaker)),
        chapter=q.chapter, themes=tuple(smarten(titles[t]) for t in q.themes if t in titles),
        back=_back_prompts(q, titles), verified=q.verified, src=q.src) for q in quotes)
    intro = ("Test yourself: cover the speaker, say who speaks and when, then use the prompts to practise "
             "analysis. In print, cut along the dashed lines; the prompts are on the back of each card."
             if sel.pack.card_backs else
             "Test yourself: cover the speaker and chapter, and say who speaks and when. In print, cut along "
             "the dashed lines.")
    return (ir.Section(id="cards", title="Quote cards", kind="cards",
                       blocks=(ir.CardSet(cards, with_backs=sel.pack.card_backs),),
                       running_head="Quote cards", intro=ir.text(intro)),)


def _back_prompts(q: m.Quote, titles: dict[str, str]) -> tuple[str, ...]:
    prompts = ["Who says this, and to whom? What has just happened?",
               "Choose one word or phrase and explain its effect."]
    for tid in q.themes[:1]:
        if tid in titles:
            prompts.append(smarten(f"How does this quotation show '{titles[tid]}'? Find a second quotation "
                                   "that supports your point."))
    prompts.append("What does the reader know here that the speaker may not?")
    return tuple(prompts)
