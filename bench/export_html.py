"""Export a pack's document model (IR) to one HTML file, the input the peer tools get.

This walks the IR only (never YAML or the content model), so pandoc and WeasyPrint are given
exactly the content our renderers are given: every section, heading, paragraph, quotation,
list, definition list, quote card, worksheet (with write-on lines) and answer, and figures as
inline SVG. All text is escaped. Answers follow the edition, as in our EPUB: teacher inline
after each question; student in an answers section at the end, linked both ways.

    python bench/export_html.py --edition teacher --out /tmp/pack.html
"""

from __future__ import annotations

import argparse
from html import escape
from pathlib import Path

from nlmg_pack import ir


def inline_html(nodes: ir.Inlines) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, ir.Text):
            out.append(escape(node.text))
        elif isinstance(node, ir.Emph):
            out.append(f"<em>{inline_html(node.children)}</em>")
        elif isinstance(node, ir.Strong):
            out.append(f"<strong>{inline_html(node.children)}</strong>")
        else:
            out.append(f'<a href="#{escape(node.target)}">{inline_html(node.children)}</a>')
    return "".join(out)


def _id(anchor: str) -> str:
    return f' id="{escape(anchor)}"' if anchor else ""


class Writer:
    """Collects HTML for one document; ``answers`` gathers the student edition's answer list."""

    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.parts: list[str] = []
        self.answers: list[str] = []

    def emit(self, html: str) -> None:
        self.parts.append(html)

    def blocks(self, blocks: tuple[ir.Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, b: ir.Block) -> None:
        if isinstance(b, ir.Heading):
            self.emit(f"<h{b.level}{_id(b.anchor)}>{inline_html(b.content)}</h{b.level}>")
        elif isinstance(b, ir.Paragraph):
            self.emit(f'<p class="{b.role}">{inline_html(b.content)}</p>')
        elif isinstance(b, ir.BlockQuote):
            self.emit(quote_html(b))
        elif isinstance(b, ir.ItemList):
            tag = "ol" if b.ordered else "ul"
            items = "".join(f"<li>{inline_html(i)}</li>" for i in b.items)
            self.emit(f"<{tag}>{items}</{tag}>")
        elif isinstance(b, ir.DefinitionList):
            items = "".join(f"<dt{_id(d.anchor)}>{inline_html(d.term)}</dt><dd>{inline_html(d.definition)}</dd>"
                            for d in b.items)
            self.emit(f'<dl class="{b.role}">{items}</dl>')
        elif isinstance(b, ir.Group):
            self.emit(f'<section class="group {b.layout}"{_id(b.anchor)}>'
                      f"<h{b.level}>{inline_html(b.title)}</h{b.level}>")
            self.blocks(b.blocks)
            self.emit("</section>")
        elif isinstance(b, ir.CardSet):
            self.emit(cards_html(b))
        elif isinstance(b, ir.Worksheet):
            self.worksheet(b)
        elif isinstance(b, ir.Figure):
            self.figure(b)
        else:  # a new IR block type: the export must learn it (the IR is a closed set)
            raise TypeError(f"export_html does not know {type(b).__name__}")

    def worksheet(self, ws: ir.Worksheet) -> None:
        self.emit(f'<section class="worksheet"{_id(ws.anchor)}><h2>{inline_html(ws.title)}</h2>')
        if ws.subtitle:
            self.emit(f'<p class="meta">{inline_html(ws.subtitle)}</p>')
        fields = "".join(f"<span>{escape(f)}: ________________</span> " for f in ws.header_fields)
        self.emit(f'<p class="fields">{fields}</p>')
        if ws.instructions:
            self.emit(f'<p class="note">{inline_html(ws.instructions)}</p>')
        self.emit(f'<p class="meta">Total: {ws.total_marks} marks</p><ol class="questions">')
        for q in ws.questions:
            self.question(q)
        self.emit("</ol></section>")

    def question(self, q: ir.Question) -> None:
        self.emit(f'<li class="question {q.qtype}"{_id(q.anchor)} value="{q.number}">'
                  f"<p>{inline_html(q.prompt)} <span class=\"marks\">[{q.marks}]</span></p>")
        if q.extract:
            self.emit(quote_html(q.extract))
        if q.options:
            self.emit('<ol type="A" style="list-style-type:upper-alpha">' + "".join(f"<li>{escape(o)}</li>" for o in q.options) + "</ol>")
        if q.items:
            self.emit('<ul class="items">' + "".join(f"<li>{escape(i)} ____</li>" for i in q.items) + "</ul>")
        if q.match_left:
            left = "".join(f"<li>{escape(i)}</li>" for i in q.match_left)
            right = "".join(f"<li>{escape(i)}</li>" for i in q.match_right)
            self.emit(f'<div class="match"><ol>{left}</ol><ol type="a" style="list-style-type:lower-alpha">{right}</ol></div>')
        if q.lines:
            self.emit('<div class="lines">' + '<div class="line"></div>' * q.lines + "</div>")
        answer = answer_html(q.answer)
        if self.edition == "teacher":
            self.emit(f'<div class="answer"{_id(q.answer.anchor)}>{answer}</div>')
        else:
            self.emit(f'<p class="meta"><a href="#{escape(q.answer.anchor)}">Answer</a></p>')
            self.answers.append(f'<li{_id(q.answer.anchor)}>{answer}'
                                f' <a href="#{escape(q.anchor)}">Back to question {q.number}</a></li>')
        self.emit("</li>")

    def figure(self, f: ir.Figure) -> None:
        self.emit(f'<figure{_id(f.anchor)}><h3>{inline_html(f.title)}</h3>'
                  f'<div role="img" aria-label="{escape(f.alt)}">{svg_html(f.graphic)}</div>')
        if f.caption:
            self.emit(f"<figcaption>{inline_html(f.caption)}</figcaption>")
        self.blocks(f.equivalent)
        self.emit("</figure>")


def quote_html(b: ir.BlockQuote) -> str:
    who = f"<footer>— {inline_html(b.attribution)}</footer>" if b.attribution else ""
    return f"<blockquote{_id(b.anchor)}><p>{inline_html(b.content)}</p>{who}</blockquote>"


def answer_html(a: ir.Answer) -> str:
    points = "".join(f"<li>{inline_html(p)}</li>" for p in a.points)
    return f"<p><strong>Answer:</strong> {inline_html(a.content)}</p>" + (f"<ul>{points}</ul>" if points else "")


def cards_html(cs: ir.CardSet) -> str:
    cards = []
    for c in cs.cards:
        themes = f'<p class="meta">{escape(", ".join(c.themes))}</p>' if c.themes else ""
        back = ("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in c.back) + "</ul>") if cs.with_backs and c.back else ""
        cards.append(f'<div class="card"{_id(c.anchor)}><p class="quote">{escape(c.quote)}</p>'
                     f'<p class="meta">{escape(c.speaker)}, chapter {c.chapter}</p>{themes}{back}</div>')
    return f'<div class="cards">{"".join(cards)}</div>'


def _stroke(s: ir.Stroke | None) -> str:
    if s is None:
        return 'stroke="none"'
    dash = f' stroke-dasharray="{" ".join(map(str, s.dash))}"' if s.dash else ""
    return f'stroke="{_gray(s.gray)}" stroke-width="{s.width}"{dash}'


def _gray(level: float | None) -> str:
    if level is None:
        return "none"
    v = round(level * 255)
    return f"#{v:02x}{v:02x}{v:02x}"


def svg_html(g: ir.Graphic) -> str:
    shapes: list[str] = []
    for s in g.shapes:
        if isinstance(s, ir.GLine):
            shapes.append(f'<line x1="{s.x1}" y1="{s.y1}" x2="{s.x2}" y2="{s.y2}" {_stroke(s.stroke)}/>')
        elif isinstance(s, ir.GRect):
            shapes.append(f'<rect x="{s.x}" y="{s.y}" width="{s.w}" height="{s.h}" rx="{s.radius}" '
                          f'fill="{_gray(s.fill)}" {_stroke(s.stroke)}/>')
        elif isinstance(s, ir.GCircle):
            shapes.append(f'<circle cx="{s.cx}" cy="{s.cy}" r="{s.r}" fill="{_gray(s.fill)}" {_stroke(s.stroke)}/>')
        elif isinstance(s, ir.GPolygon):
            tag = "polygon" if s.closed else "polyline"
            pts = " ".join(f"{x},{y}" for x, y in s.points)
            shapes.append(f'<{tag} points="{pts}" fill="{_gray(s.fill)}" {_stroke(s.stroke)}/>')
        else:
            anchor = {"start": "start", "middle": "middle", "end": "end"}[s.align]
            weight = ' font-weight="bold"' if s.bold else ""
            italic = ' font-style="italic"' if s.italic else ""
            shapes.append(f'<text x="{s.x}" y="{s.y}" font-size="{s.size}" text-anchor="{anchor}" '
                          f'fill="{_gray(s.gray)}"{weight}{italic}>{escape(s.text)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{g.width}" height="{g.height}" '
            f'viewBox="0 0 {g.width} {g.height}">{"".join(shapes)}</svg>')


def document_html(doc: ir.Document, css: str = "") -> str:
    """The whole document as one HTML5 file (``css`` goes into a <style> element)."""
    w = Writer(doc.meta.edition)
    for section in doc.sections:
        w.emit(f'<section class="chapter {section.kind}" id="{escape(section.id)}"><h1>{escape(section.title)}</h1>')
        if section.intro:
            w.emit(f'<p class="lead">{inline_html(section.intro)}</p>')
        w.blocks(section.blocks)
        w.emit("</section>")
    if w.answers:
        w.emit(f'<section class="chapter answers" id="bench-answers"><h1>Answers</h1><ol>{"".join(w.answers)}</ol></section>')
    m = doc.meta
    head = (f'<meta charset="utf-8"/><title>{escape(m.title)}</title>'
            f'<meta name="author" content="{escape(m.creator)}"/>'
            f'<meta name="description" content="{escape(m.description)}"/>'
            + (f"<style>{css}</style>" if css else ""))
    return (f'<!DOCTYPE html>\n<html lang="{escape(m.language)}"><head>{head}</head><body>'
            f'<header class="cover"><h1 class="title">{escape(m.title)}</h1>'
            f'<p class="lead">{escape(m.book_title)} by {escape(m.book_author)} · {escape(m.edition)} edition</p>'
            f"</header>{''.join(w.parts)}</body></html>\n")


def stylesheet(style, paper: str = "a4", font_urls: dict[str, str] | None = None) -> str:
    """A print stylesheet comparable to our PDF: the style's own TTF fonts, its sizes and margins,
    a new page per section, page numbers, cards side by side, write-on lines at the style's spacing.
    (Cards are inline blocks: a CSS grid makes WeasyPrint 70 about ten times slower here.)
    ``font_urls`` maps font file names to the URLs to use (for fonts embedded in an EPUB)."""
    faces = []
    for family in (style.body_font, style.heading_font):
        for key, (weight, slant) in {"regular": (400, "normal"), "bold": (700, "normal"),
                                     "italic": (400, "italic"), "bold_italic": (700, "italic")}.items():
            path = Path(getattr(family, key))
            url = (font_urls or {}).get(path.name, path.resolve().as_uri())
            faces.append(f'@font-face{{font-family:"{family.name}";src:url("{url}");'
                         f"font-weight:{weight};font-style:{slant}}}")
    size = "A4" if paper == "a4" else "letter"
    return "".join(faces) + f"""
@page{{size:{size};margin:{style.margin_mm}mm;@bottom-center{{content:counter(page)}}}}
body{{font-family:"{style.body_font.name}";font-size:{style.body_size}pt;line-height:{style.leading};
 text-align:{style.align};hyphens:{'auto' if style.hyphenate else 'manual'}}}
h1,h2,h3{{font-family:"{style.heading_font.name}";page-break-after:avoid}}
h1{{font-size:{style.h1_size}pt}}h2{{font-size:{style.h2_size}pt}}h3{{font-size:{style.h3_size}pt}}
section.chapter{{page-break-before:always}} section.page{{page-break-before:always}}
section.keep,.question,.card,blockquote{{page-break-inside:avoid}}
p{{margin:0 0 {style.paragraph_space}pt 0;orphans:2;widows:2}} p.meta{{font-size:{style.small_size}pt}}
.card{{display:inline-block;vertical-align:top;box-sizing:border-box;width:{100 / style.card_columns:.2f}%;
 border:0.5pt dashed #777;padding:6mm;min-height:40mm}}
.line{{border-bottom:0.5pt solid #999;height:{style.write_line_mm}mm}}
.answer{{border-left:2pt solid #555;padding-left:4mm}}
.match ol{{display:inline-block;vertical-align:top;width:45%}}
"""


def main() -> None:
    from nlmg_pack.build import make_document
    from nlmg_pack.packs import Overrides, load_pack

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="full")
    parser.add_argument("--edition", choices=("student", "teacher"), default="student")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    pack = load_pack(args.pack, Overrides(edition=args.edition))
    doc, style = make_document(pack)
    args.out.write_text(document_html(doc, stylesheet(style, pack.paper)), encoding="utf-8")
    print(args.out)


if __name__ == "__main__":
    main()
