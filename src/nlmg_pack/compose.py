"""Compose: the selected content and the pack recipe → the document model (IR).

The pack lists section kinds in order; ``BUILDERS`` maps each kind to the section module that
makes it. Links to anything the pack left out are pruned at the end, so they print as text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from . import ir
from .figures import Measure, estimate_measure
from .links import prune_links
from .packs import Pack
from .sections import characters, context, figures, glossary, quotes, themes, timeline, worksheets
from .sections.common import Prose
from .select import Selection


@dataclass(frozen=True)
class Kit:
    """What section builders may use besides the selection: markup conversion, and text
    measurement in the style's label font (figures lay out their labels with it)."""

    prose: Prose
    measure: Measure


Builder = Callable[[Selection, Kit], tuple[ir.Section, ...]]

BUILDERS: dict[str, Builder] = {
    "intro": lambda sel, kit: context.intro_sections(sel, kit.prose),
    "context": lambda sel, kit: context.context_sections(sel, kit.prose),
    "timeline": lambda sel, kit: timeline.to_sections(sel, kit.prose),
    "characters": lambda sel, kit: characters.to_sections(sel, kit.prose),
    "themes": lambda sel, kit: themes.to_sections(sel, kit.prose, "theme"),
    "symbols": lambda sel, kit: themes.to_sections(sel, kit.prose, "symbol"),
    "quotes": lambda sel, kit: quotes.to_sections(sel, kit.prose),
    "cards": lambda sel, kit: quotes.card_sections(sel),
    "worksheets": lambda sel, kit: worksheets.to_sections(sel, kit.prose),
    "glossary": lambda sel, kit: glossary.to_sections(sel, kit.prose),
    "figures": lambda sel, kit: figures.to_sections(sel, kit.measure),
}


def compose(sel: Selection, epoch: int, version: str = "", measure: Measure = estimate_measure) -> ir.Document:
    """The document for the selection's pack (its edition must be 'student' or 'teacher')."""
    kit = Kit(prose=Prose(sel), measure=measure)
    sections: list[ir.Section] = []
    for kind in sel.pack.sections:
        sections.extend(BUILDERS[kind](sel, kit))
    meta = document_meta(sel, sel.pack, epoch, version)
    return prune_links(ir.Document(meta=meta, sections=tuple(sections)))


def document_meta(sel: Selection, pack: Pack, epoch: int, version: str = "") -> ir.Meta:
    book = sel.book
    # Stable across builds, distinct for every edition and version. (The trailing ':' once held
    # a pupil's name; it stays so that identifiers, and e-readers' bookmarks, do not change.)
    ident = uuid.uuid5(uuid.NAMESPACE_URL, f"nlmg-pack:{sel.content.slug}:{pack.name}:{pack.edition}"
                                           f":{sel.cutoff}:{version}:")
    modified = datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    scope = f"chapters 1\u2013{sel.cutoff}" if sel.cutoff < book.chapters else "the whole novel"
    title = pack.title
    if "{character}" in title:  # character-focus recipes name whoever --character chose
        names = [c.name for c in sel.content.characters if c.id in pack.filters.characters]
        title = title.replace("{character}", " and ".join(names) or "characters")
    title = f"{title} (version {version})" if version else title
    return ir.Meta(
        title=title, book_title=book.title, book_author=book.author, language=book.language,
        edition=pack.edition,  # type: ignore[arg-type]
        identifier=f"urn:uuid:{ident}", creator=book.pack.creator, publisher=book.pack.publisher,
        date=book.pack.date, modified=modified, subject=f"{book.title} by {book.author}",
        description=pack.description or f"A study pack for {book.title} by {book.author}, covering {scope}.",
        keywords=(book.title, book.author, "study guide", "revision", "worksheets", "quotations"),
        rights=book.pack.rights or "", up_to_chapter=sel.cutoff if sel.cutoff < book.chapters else None,
    )
