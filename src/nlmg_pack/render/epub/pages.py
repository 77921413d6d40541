"""The EPUB's own documents around the sections: cover, contents (nav), answers, colophon.

Each function returns finished XHTML bytes. ``NavEntry`` trees describe the contents once; the
nav document and the NCX (see package.py) are both made from them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ... import ir
from .blocks import blocks
from .worksheets import answers_sections
from .xhtml import Context, append, document, el, heading, inlines

SECTION_SEMANTICS = {  # kind -> (epub:type, DPUB-ARIA role)
    "intro": ("introduction", "doc-introduction"),
    "glossary": ("glossary", "doc-glossary"),
}
DEFAULT_SEMANTICS = ("chapter", "doc-chapter")


@dataclass(frozen=True)
class NavEntry:
    title: str
    href: str
    children: tuple[NavEntry, ...] = ()


@dataclass(frozen=True)
class Landmarks:
    cover: str
    toc: str
    bodymatter: str


def section_document(section: ir.Section, ctx: Context, lang: str) -> bytes:
    epub_type, role = SECTION_SEMANTICS.get(section.kind, DEFAULT_SEMANTICS)
    title_id = f"{section.id}-title"
    root = el("section", {"id": section.id, "class": f"section {section.kind}", "epub:type": epub_type,
                          "role": role, "aria-labelledby": title_id})
    root.append(heading(1, {"id": title_id}, section.title))
    if section.intro:
        root.append(el("p", {"class": "lead"}, *inlines(section.intro, ctx)))
    append(root, blocks(section.blocks, ctx))
    body = el("body", {"epub:type": "bodymatter", "class": section.kind}, root)
    return _doc(section.title, lang, body)


def cover_document(meta: ir.Meta, lang: str) -> bytes:
    """A text cover (title page): readable on every reader, no raster image needed."""
    page = el("section", {"class": "titlepage", "epub:type": "titlepage", "aria-labelledby": "cover-title"})
    page.append(el("h1", {"id": "cover-title", "class": "title"}, meta.title))
    page.append(el("p", {"class": "subtitle"}, "A study pack for ", el("cite", None, meta.book_title),
                   f" by {meta.book_author}"))
    page.append(el("p", {"class": "edition"}, edition_label(meta.edition)))
    if meta.up_to_chapter:
        page.append(el("p", {"class": "scope"},
                       f"Covers chapters 1 to {meta.up_to_chapter}: nothing after that is discussed."))
    page.append(el("p", {"class": "creator"}, meta.creator))
    page.append(el("p", {"class": "publisher"}, f"{meta.publisher} · {meta.date[:4]}"))
    return _doc(meta.title, lang, el("body", {"class": "cover", "epub:type": "cover"}, page))


def edition_label(edition: ir.Edition) -> str:
    if edition == "teacher":
        return "Teacher edition: answers and mark-scheme notes follow each question"
    return "Student edition: answers are in a linked section at the back"


def nav_document(entries: list[NavEntry], marks: Landmarks, lang: str) -> bytes:
    toc = el("nav", {"epub:type": "toc", "role": "doc-toc", "id": "toc", "aria-labelledby": "toc-title"})
    toc.append(el("h1", {"id": "toc-title"}, "Contents"))
    toc.append(_nav_list(entries))
    landmarks = el("nav", {"epub:type": "landmarks", "id": "landmarks", "hidden": "hidden",
                           "aria-labelledby": "landmarks-title"})
    landmarks.append(el("h2", {"id": "landmarks-title"}, "Landmarks"))
    landmarks.append(el("ol", None,
                        el("li", None, el("a", {"epub:type": "cover", "href": marks.cover}, "Cover")),
                        el("li", None, el("a", {"epub:type": "toc", "href": marks.toc}, "Contents")),
                        el("li", None, el("a", {"epub:type": "bodymatter", "href": marks.bodymatter},
                                          "Start of the study pack"))))
    body = el("body", {"epub:type": "frontmatter", "class": "contents"}, toc, landmarks)
    return _doc("Contents", lang, body)


def _nav_list(entries: list[NavEntry] | tuple[NavEntry, ...]) -> ET.Element:
    ol = el("ol")
    for entry in entries:
        item = el("li", None, el("a", {"href": entry.href}, entry.title))
        if entry.children:
            item.append(_nav_list(entry.children))
        ol.append(item)
    return ol


def answers_document(worksheets: list[ir.Worksheet], ctx: Context, lang: str) -> bytes:
    root = el("section", {"id": "answers", "class": "section answers", "epub:type": "chapter",
                          "role": "doc-chapter", "aria-labelledby": "answers-title"})
    root.append(el("h1", {"id": "answers-title"}, "Answers"))
    root.append(el("p", {"class": "lead"}, "Answers to every worksheet question, with mark-scheme notes. "
                   "Each answer links back to its question."))
    append(root, answers_sections(worksheets, ctx))
    return _doc("Answers", lang, el("body", {"epub:type": "backmatter", "class": "answers"}, root))


def colophon_document(meta: ir.Meta, summary: str, fonts: list[tuple[str, str, str]], lang: str) -> bytes:
    """About this edition: publication details, the accessibility summary, font licences.

    ``fonts`` is (family name, copyright line, licence text) for each embedded family."""
    root = el("section", {"id": "colophon", "class": "section colophon", "epub:type": "colophon",
                          "role": "doc-colophon", "aria-labelledby": "colophon-title"})
    root.append(el("h1", {"id": "colophon-title"}, "About this edition"))
    facts = [("Title", meta.title), ("Edition", edition_label(meta.edition)), ("By", meta.creator),
             ("Publisher", meta.publisher), ("Date", meta.date), ("Identifier", meta.identifier)]
    if meta.rights:
        facts.append(("Rights", meta.rights))
    dl = el("dl", {"class": "facts"})
    for term, value in facts:
        append(dl, [el("dt", None, term), el("dd", None, value)])
    root.append(dl)
    root.append(el("h2", None, "Accessibility"))
    root.append(el("p", None, summary))
    if fonts:
        root.append(el("h2", None, "Fonts"))
        for family, notice, _licence in fonts:
            root.append(el("p", None, f"{family}: {notice}"))
        licence = fonts[0][2]
        if licence:
            root.append(el("h3", None, "Font licence"))
            append(root, [el("p", {"class": "licence"}, chunk) for chunk in _paragraphs(licence)])
    return _doc("About this edition", lang, el("body", {"epub:type": "backmatter", "class": "colophon"}, root))


def _paragraphs(text: str) -> list[str]:
    chunks = [" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n")]
    return [c for c in chunks if c.strip("- ")]


def _doc(title: str, lang: str, body: ET.Element) -> bytes:
    return document(title, lang, body)
