"""Book assembly with ebooklib 0.20: package metadata, manifest, spine, guide, NCX, nav.

ebooklib traps handled here (see docs/design §4):
- ``EpubHtml.get_content`` re-parses a chapter with an HTML parser and rebuilds its <head>,
  which drops our stylesheet link and mangles inline SVG and ``epub:type``. Our documents are
  finished XHTML, so ``_Document`` hands them to the writer byte for byte.
- Its nav generator has no place for our headings, ids, hidden landmarks or lang; ``_Writer``
  writes the nav we built instead (the item is still an ``EpubNav``, so the manifest gets
  ``properties="nav"``). The NCX is still ebooklib's, made from ``book.toc``.
- It writes no ``xml:lang`` on <package>: ``_Writer`` adds it.
- It stamps the wall clock into ``dcterms:modified`` unless ``mtime`` is passed, and into
  every zip entry (zipfix.py rewrites the zip afterwards).
- It silently returns False on write errors unless ``raise_exceptions``; we call the writer
  directly, so errors propagate anyway, and pass the option for clarity.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime

from ebooklib import epub

from ... import ir
from .. import RenderOptions
from .css import FontFile
from .pages import NavEntry
from .xhtml import xml_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Apple Books ignores embedded fonts unless the book asks for them ("specified-fonts").
APPLE_DISPLAY_OPTIONS = b"""<?xml version="1.0" encoding="utf-8"?>
<display_options>
  <platform name="*">
    <option name="specified-fonts">true</option>
  </platform>
</display_options>
"""


@dataclass(frozen=True)
class DocumentFile:
    """One XHTML content document of the book, in reading order."""

    uid: str
    file_name: str
    title: str
    content: bytes
    svg: bool = False


@dataclass(frozen=True)
class BookParts:
    documents: tuple[DocumentFile, ...]  # spine order; the nav is placed after the first (cover)
    nav: bytes
    toc: tuple[NavEntry, ...]
    css: bytes
    fonts: tuple[FontFile, ...]
    a11y: tuple[tuple[str, str], ...]
    guide: tuple[tuple[str, str, str], ...]  # (type, href, title)


class _Document(epub.EpubHtml):
    """A finished XHTML document, written exactly as built."""

    def get_content(self, default=None):
        return self.content


class _Writer(epub.EpubWriter):
    def _get_nav(self, item):
        return item.content

    def _write_opf_file(self, root):
        root.set(XML_LANG, self.book.language)
        super()._write_opf_file(root)


def build_zip(meta: ir.Meta, parts: BookParts, options: RenderOptions) -> bytes:
    """The EPUB as ebooklib writes it (zip timestamps still need zipfix.normalize)."""
    book = epub.EpubBook()
    _set_metadata(book, meta, parts.a11y)
    style = book.add_item(epub.EpubItem(uid="style", file_name="css/style.css", media_type="text/css",
                                        content=parts.css))
    for n, font in enumerate(parts.fonts, start=1):
        book.add_item(epub.EpubItem(uid=f"font-{n}", file_name=font.href, media_type="font/ttf",
                                    content=font.path.read_bytes()))
    docs = [_add_document(book, d) for d in parts.documents]
    nav = epub.EpubNav(uid="nav", file_name="nav.xhtml", title="Contents")
    nav.content = parts.nav
    nav.add_item(style)
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubItem(uid="apple-display-options", manifest=False, content=APPLE_DISPLAY_OPTIONS,
                                file_name="META-INF/com.apple.ibooks.display-options.xml"))
    book.toc = _ncx_toc(parts.toc)
    book.spine = [docs[0], nav, *docs[1:]]
    book.guide = [{"type": kind, "href": href, "title": title} for kind, href, title in parts.guide]
    out = io.BytesIO()
    writer = _Writer(out, book, {
        "epub3_pages": False,  # its page-list wrongly lists footnotes
        "epub3_landmark": True,
        "epub2_guide": True,
        "raise_exceptions": True,
        "mtime": modified_time(meta, options),
    })
    writer.process()
    writer.write()
    return out.getvalue()


def modified_time(meta: ir.Meta, options: RenderOptions) -> datetime:
    """dcterms:modified: Meta.modified (from SOURCE_DATE_EPOCH), else the options' epoch."""
    if meta.modified:
        stamp = datetime.fromisoformat(meta.modified.replace("Z", "+00:00"))
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(UTC)
        return stamp
    return datetime.fromtimestamp(options.epoch, tz=UTC)


def _set_metadata(book: epub.EpubBook, meta: ir.Meta, a11y: tuple[tuple[str, str], ...]) -> None:
    """Dublin Core and accessibility metadata (lxml refuses characters XML cannot hold)."""
    book.set_identifier(xml_text(meta.identifier))
    book.set_title(xml_text(meta.title))
    book.set_language(meta.language)
    book.add_author(xml_text(meta.creator))
    book.add_metadata("DC", "publisher", xml_text(meta.publisher))
    book.add_metadata("DC", "date", meta.date)
    for subject in subjects(meta):
        book.add_metadata("DC", "subject", xml_text(subject))
    if meta.description:
        book.add_metadata("DC", "description", xml_text(meta.description))
    if meta.rights:
        book.add_metadata("DC", "rights", xml_text(meta.rights))
    for prop, value in a11y:
        book.add_metadata(None, "meta", xml_text(value), {"property": prop})


def subjects(meta: ir.Meta) -> list[str]:
    """dc:subject: the novel and its author first, then the pack's own subject and keywords."""
    out = [f"{meta.book_title} ({meta.book_author})", meta.book_author]
    for extra in (meta.subject, *meta.keywords):
        if extra and extra not in out:
            out.append(extra)
    return out


def _add_document(book: epub.EpubBook, doc: DocumentFile) -> _Document:
    item = _Document(uid=doc.uid, file_name=doc.file_name, title=doc.title,
                     media_type="application/xhtml+xml")
    item.content = doc.content
    if doc.svg:
        item.properties.append("svg")
    book.add_item(item)
    return item


def _ncx_toc(entries: tuple[NavEntry, ...]) -> list:
    counter = iter(range(1, 100_000))

    def convert(entry: NavEntry):
        if entry.children:
            return (epub.Section(xml_text(entry.title), entry.href), [convert(c) for c in entry.children])
        return epub.Link(entry.href, xml_text(entry.title), f"navpoint-{next(counter)}")

    return [convert(e) for e in entries]
