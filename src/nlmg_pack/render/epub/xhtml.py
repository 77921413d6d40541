"""XHTML building blocks: elements, inline content, links and whole content documents.

Documents are built as ``xml.etree.ElementTree`` trees, never as strings: ElementTree escapes
every text node and attribute, so ``<``, ``&`` and ``</p>`` in content come out literally.
Namespaces are written as plain attributes (``xmlns``, ``xmlns:epub``, ``epub:type``) so the
serialised XHTML reads like hand-written EPUB markup instead of ``ns0:`` soup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ... import ir

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
CSS_HREF = "css/style.css"

Child = ET.Element | str | None
# Characters XML 1.0 cannot hold at all (not even escaped): C0 controls other than tab, newline
# and carriage return, lone surrogates, U+FFFE and U+FFFF. ElementTree would write them as they
# are and the document would not parse, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Elements whose children are all blocks: only these get line breaks between children, so
# pretty-printing never adds a space inside running text.
_BLOCK_CONTAINERS = {
    "html", "head", "body", "section", "div", "nav", "ol", "ul", "dl", "blockquote", "figure",
    "aside", "header", "footer", "svg", "g",
}


@dataclass(frozen=True)
class Context:
    """What block rendering needs to know besides the block itself.

    ``href_of`` maps every anchor to the file that holds it; ``current`` is the file being
    written (links inside it become ``#anchor``); ``level`` is the heading level of the
    enclosing container (1 = the section's h1)."""

    href_of: dict[str, str]
    current: str
    edition: ir.Edition
    answers_file: str
    level: int = 1

    def at(self, level: int) -> Context:
        """The same context inside a container whose heading has ``level``."""
        return replace(self, level=level)

    def href(self, anchor: str) -> str:
        """The href of ``anchor`` seen from the current file."""
        target = self.href_of[anchor]
        return f"#{anchor}" if target == self.current else f"{target}#{anchor}"


def xml_text(value: str) -> str:
    """``value`` without the characters XML cannot represent (escaping is ElementTree's job).
    Carriage returns become newlines, as any XML parser would read them anyway."""
    return _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def el(tag: str, attrs: dict[str, str] | None = None, *children: Child) -> ET.Element:
    """An element with attributes (empty values dropped) and children (str = text)."""
    node = ET.Element(tag, {k: xml_text(v) for k, v in (attrs or {}).items() if v})
    append(node, children)
    return node


def append(node: ET.Element, children: Iterable[Child]) -> ET.Element:
    """Append elements and text to ``node`` (text joins the previous element's tail)."""
    for child in children:
        if child is None or child == "":
            continue
        if isinstance(child, str):
            child = xml_text(child)
            if len(node):
                node[-1].tail = (node[-1].tail or "") + child
            else:
                node.text = (node.text or "") + child
        else:
            node.append(child)
    return node


def inlines(content: ir.Inlines, ctx: Context) -> list[Child]:
    """IR inline content as a list of text and elements (em, strong, a)."""
    out: list[Child] = []
    for node in content:
        if isinstance(node, ir.Text):
            out.append(node.text)
        elif isinstance(node, ir.Emph):
            out.append(el("em", None, *inlines(node.children, ctx)))
        elif isinstance(node, ir.Strong):
            out.append(el("strong", None, *inlines(node.children, ctx)))
        elif isinstance(node, ir.Link):
            out.append(link(node, ctx))
        else:  # pragma: no cover - the IR is a closed set
            raise TypeError(f"unknown inline node {node!r}")
    return out


def link(node: ir.Link, ctx: Context) -> Child:
    """A cross-reference; a target this EPUB does not hold prints as plain text."""
    kids = inlines(node.children, ctx)
    if node.target not in ctx.href_of:
        span = el("span")
        return append(span, kids)
    return el("a", {"href": ctx.href(node.target), "class": f"xref {node.kind}"}, *kids)


def para(content: ir.Inlines, ctx: Context, cls: str = "") -> ET.Element:
    return el("p", {"class": cls}, *inlines(content, ctx))


def quotation(block: ir.BlockQuote, ctx: Context) -> ET.Element:
    """A quotation: <figure> with the <blockquote> and its attribution as <figcaption>."""
    fig = el("figure", {"class": "quote", "id": block.anchor}, el("blockquote", None, para(block.content, ctx)))
    caption = el("figcaption", None, *inlines(block.attribution, ctx))
    if not block.verified:
        append(caption, [" ", el("span", {"class": "unverified"}, "(\u2020 wording not yet checked)")])
    if len(caption) or caption.text:
        fig.append(caption)
    return fig


def heading(level: int, attrs: dict[str, str] | None, *children: Child) -> ET.Element:
    """An h1–h6 (levels beyond 6 stay h6)."""
    return el(f"h{max(1, min(level, 6))}", attrs, *children)


def document(title: str, lang: str, body: ET.Element, extra_css: str = "") -> bytes:
    """A complete XHTML5 content document around ``body`` (a <body> element)."""
    html = el("html", {"xmlns": XHTML_NS, "xmlns:epub": EPUB_NS, "lang": lang, "xml:lang": lang})
    head = el("head", None,
              el("meta", {"charset": "utf-8"}),
              el("title", None, title),
              el("link", {"rel": "stylesheet", "type": "text/css", "href": CSS_HREF}))
    if extra_css:
        head.append(el("style", None, extra_css))
    html.append(head)
    html.append(body)
    _check_unique_ids(html, title)
    _pretty(html)
    text = ET.tostring(html, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + text + "\n").encode("utf-8")


def _check_unique_ids(root: ET.Element, title: str) -> None:
    """Fail loudly on a repeated id (a content anchor clashing with a generated one) instead
    of writing an EPUB that reading systems would navigate wrongly."""
    seen: set[str] = set()
    for node in root.iter():
        ident = node.get("id")
        if ident in seen:
            raise ValueError(f"EPUB document '{title}' would contain the id '{ident}' twice")
        if ident:
            seen.add(ident)


def _pretty(node: ET.Element) -> None:
    """Line breaks between the children of block containers only (see _BLOCK_CONTAINERS)."""
    if node.tag not in _BLOCK_CONTAINERS or not len(node):
        return
    if not (node.text or "").strip():
        node.text = "\n"
    for child in node:
        if not (child.tail or "").strip():
            child.tail = "\n"
        _pretty(child)
