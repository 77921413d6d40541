"""IR inline content -> reportlab paragraph markup.

IR text is unescaped; reportlab's paragraph parser treats ``<`` and ``&`` as markup (dropping
unknown tags and mangling entities), so every piece of text is escaped here and nowhere else.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ... import ir

_EMPH_TAG = {"italic": "i", "bold": "b"}


def esc(text: str) -> str:
    """Escape plain text for a reportlab Paragraph."""
    return escape(text)


def anchor_tag(anchor: str) -> str:
    """A named destination at the start of a paragraph (target of links, contents and outline)."""
    return f"<a name={quoteattr(anchor)}/>" if anchor else ""


def inline(inlines: ir.Inlines, emphasis: str, targets: frozenset[str]) -> str:
    """Markup for inline content. Links to anchors without a destination print as plain text."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, ir.Text):
            out.append(escape(node.text))
        elif isinstance(node, ir.Emph):
            tag = _EMPH_TAG.get(emphasis, "i")
            out.append(f"<{tag}>{inline(node.children, emphasis, targets)}</{tag}>")
        elif isinstance(node, ir.Strong):
            out.append(f"<b>{inline(node.children, emphasis, targets)}</b>")
        elif isinstance(node, ir.Link):
            inner = inline(node.children, emphasis, targets)
            out.append(f"<a href={quoteattr('#' + node.target)}>{inner}</a>" if node.target in targets else inner)
        else:  # pragma: no cover - the IR is a closed set
            raise TypeError(f"unknown inline node {node!r}")
    return "".join(out)
