"""Anchors and links in the document model.

``anchors`` says where every link target lives (renderers use it to build hrefs and PDF
destinations); ``prune_links`` turns links to targets a pack left out into plain text, so that
no renderer ever meets a dangling link.
"""

from __future__ import annotations

from dataclasses import replace

from .ir import (
    Block,
    BlockQuote,
    CardSet,
    DefinitionList,
    Document,
    Emph,
    Figure,
    Group,
    Heading,
    Inline,
    Inlines,
    ItemList,
    Link,
    Paragraph,
    Question,
    Strong,
    Worksheet,
    walk_blocks,
)


def anchors(doc: Document) -> dict[str, str]:
    """Every anchor in the document, mapped to the id of the section that holds it."""
    found: dict[str, str] = {}
    for section in doc.sections:
        found[section.id] = section.id
        for block in walk_blocks(section.blocks):
            for anchor in _block_anchors(block):
                found[anchor] = section.id
    return found


def _block_anchors(block: Block) -> list[str]:
    own = [getattr(block, "anchor", "")]
    if isinstance(block, DefinitionList):
        own += [item.anchor for item in block.items]
    elif isinstance(block, CardSet):
        own += [card.anchor for card in block.cards]
    elif isinstance(block, Worksheet):
        for q in block.questions:
            own += [q.anchor, q.answer.anchor]
    return [a for a in own if a]


def prune_links(doc: Document) -> Document:
    """Replace links to anchors that are not in ``doc`` by their plain children."""
    present = set(anchors(doc))
    return replace(doc, sections=tuple(
        replace(s, intro=_prune(s.intro, present), blocks=tuple(_prune_block(b, present) for b in s.blocks))
        for s in doc.sections
    ))


def _prune(inlines: Inlines, present: set[str]) -> Inlines:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Link):
            kids = _prune(node.children, present)
            if node.target in present:
                out.append(replace(node, children=kids))
            else:
                out.extend(kids)
        elif isinstance(node, (Emph, Strong)):
            out.append(replace(node, children=_prune(node.children, present)))
        else:
            out.append(node)
    return tuple(out)


def _prune_block(block: Block, present: set[str]) -> Block:
    p = lambda inl: _prune(inl, present)  # noqa: E731 - local shorthand
    if isinstance(block, (Heading, Paragraph)):
        return replace(block, content=p(block.content))
    if isinstance(block, BlockQuote):
        return replace(block, content=p(block.content), attribution=p(block.attribution))
    if isinstance(block, ItemList):
        return replace(block, items=tuple(p(i) for i in block.items))
    if isinstance(block, DefinitionList):
        return replace(block, items=tuple(
            replace(d, term=p(d.term), definition=p(d.definition)) for d in block.items))
    if isinstance(block, Group):
        return replace(block, title=p(block.title),
                       blocks=tuple(_prune_block(b, present) for b in block.blocks))
    if isinstance(block, Worksheet):
        return replace(block, instructions=p(block.instructions), questions=tuple(
            _prune_question(q, present) for q in block.questions))
    if isinstance(block, Figure):
        return replace(block, caption=p(block.caption),
                       equivalent=tuple(_prune_block(b, present) for b in block.equivalent))
    return block


def _prune_question(q: Question, present: set[str]) -> Question:
    answer = replace(q.answer, content=_prune(q.answer.content, present),
                     points=tuple(_prune(pt, present) for pt in q.answer.points))
    extract = _prune_block(q.extract, present) if q.extract else None
    return replace(q, prompt=_prune(q.prompt, present), answer=answer, extract=extract)
