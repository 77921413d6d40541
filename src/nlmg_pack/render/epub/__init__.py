"""EPUB 3 renderer: ``render_epub(doc, style, options) -> bytes``.

Reading order: cover (a text title page), contents (nav), one document per Section, then for
the student edition an Answers document, then About this edition (colophon). Documents are
XHTML built with ElementTree (xhtml.py, blocks.py, worksheets.py, pages.py), styled by one
stylesheet made from the Style (css.py), packed by ebooklib (package.py) and finally rewritten
into a byte-stable zip (zipfix.py). This package is the only place that imports ebooklib.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import ir, links
from ...styles import Style
from .. import RenderOptions
from . import a11y, css, pages, zipfix
from .package import BookParts, DocumentFile, build_zip
from .xhtml import Context

__all__ = ["render_epub"]

COVER, NAV, ANSWERS, COLOPHON = "cover.xhtml", "nav.xhtml", "answers.xhtml", "colophon.xhtml"
RESERVED = {COVER, NAV, ANSWERS, COLOPHON}
SAFE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,80}$")


@dataclass(frozen=True)
class Plan:
    """Where everything goes: a file per section, and the file of every anchor."""

    files: dict[str, str]  # section id -> file name
    href_of: dict[str, str]  # anchor -> file name
    worksheets: tuple[ir.Worksheet, ...]
    answers_file: str  # "" when the edition has no separate answers document


def render_epub(doc: ir.Document, style: Style, options: RenderOptions) -> bytes:
    """The EPUB 3 file for ``doc`` in ``style``; the same input always gives the same bytes."""
    if not doc.sections:
        raise ValueError("an EPUB needs at least one section")
    plan = plan_files(doc)
    lang = doc.meta.language
    documents = [DocumentFile("cover", COVER, doc.meta.title, pages.cover_document(doc.meta, lang))]
    for section in doc.sections:
        ctx = Context(plan.href_of, plan.files[section.id], doc.meta.edition, plan.answers_file)
        documents.append(DocumentFile(f"doc-{section.id}", plan.files[section.id], section.title,
                                      pages.section_document(section, ctx, lang), _has_svg(section)))
    if plan.answers_file:
        ctx = Context(plan.href_of, ANSWERS, doc.meta.edition, ANSWERS)
        documents.append(DocumentFile("answers", ANSWERS, "Answers",
                                      pages.answers_document(list(plan.worksheets), ctx, lang)))
    documents.append(DocumentFile("colophon", COLOPHON, "About this edition", pages.colophon_document(
        doc.meta, a11y.summary(doc), css.font_notices(style), lang)))
    toc = nav_entries(doc, plan)
    first = plan.files[doc.sections[0].id]
    parts = BookParts(
        documents=tuple(documents),
        nav=pages.nav_document(list(toc), pages.Landmarks(COVER, f"{NAV}#toc", first), lang),
        toc=toc,
        css=css.stylesheet(style).encode("utf-8"),
        fonts=tuple(css.font_files(style)),
        a11y=tuple(a11y.metadata(doc)),
        guide=(("cover", COVER, "Cover"), ("toc", NAV, "Contents"), ("text", first, "Start")),
    )
    return zipfix.normalize(build_zip(doc.meta, parts, options), options.epoch)


def plan_files(doc: ir.Document) -> Plan:
    files: dict[str, str] = {}
    for number, section in enumerate(doc.sections, start=1):
        name = f"{section.id}.xhtml"
        if not SAFE_NAME.match(section.id) or name in RESERVED or name in files.values():
            name = f"section-{number}.xhtml"
        files[section.id] = name
    href_of = {anchor: files[section_id] for anchor, section_id in links.anchors(doc).items()}
    worksheets = tuple(b for s in doc.sections for b in ir.walk_blocks(s.blocks) if isinstance(b, ir.Worksheet))
    answers_file = ANSWERS if doc.meta.edition == "student" and worksheets else ""
    if answers_file:
        for sheet in worksheets:
            href_of[f"{sheet.anchor}-answers"] = ANSWERS
            for question in sheet.questions:
                href_of[question.answer.anchor] = ANSWERS
    return Plan(files, href_of, worksheets, answers_file)


def nav_entries(doc: ir.Document, plan: Plan) -> tuple[pages.NavEntry, ...]:
    """Contents: every section, with its top-level groups, worksheets and figures below it."""
    entries = []
    for section in doc.sections:
        file = plan.files[section.id]
        children = tuple(pages.NavEntry(ir.plain(b.title), f"{file}#{b.anchor}") for b in section.blocks
                         if isinstance(b, (ir.Group, ir.Worksheet, ir.Figure)) and b.anchor
                         and getattr(b, "level", 2) <= 2)
        entries.append(pages.NavEntry(section.title, file, children))
    if plan.answers_file:
        entries.append(pages.NavEntry("Answers", ANSWERS, tuple(
            pages.NavEntry(ir.plain(w.title), f"{ANSWERS}#{w.anchor}-answers") for w in plan.worksheets)))
    entries.append(pages.NavEntry("About this edition", COLOPHON))
    return tuple(entries)


def _has_svg(section: ir.Section) -> bool:
    return any(isinstance(b, ir.Figure) for b in ir.walk_blocks(section.blocks))
