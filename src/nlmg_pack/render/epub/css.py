"""The EPUB stylesheet, made from a Style.

E-readers let the reader choose the font, its size, the margins and a night theme, so the CSS
describes proportions rather than a page: sizes are ``em`` ratios of the style's point sizes,
the page and text colours are left to the reader's theme (a fixed cream page would fight a
night mode), and nothing depends on a font's metrics. The style's families are embedded with
@font-face and named first in each stack, with generic fallbacks after them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...styles import FontFamily, Style
from .svg import gray

READER_BASE_PT = 12.0  # what a reading system's 100% roughly means, in print points
_FACES = (("regular", "normal", "normal"), ("bold", "bold", "normal"),
          ("italic", "normal", "italic"), ("bold_italic", "bold", "italic"))


@dataclass(frozen=True)
class FontFile:
    family: str
    weight: str
    style: str
    path: Path
    href: str  # inside the EPUB folder, e.g. fonts/CrimsonText-Regular.ttf


def font_files(style: Style) -> list[FontFile]:
    """The TTF files to embed: each face of the body and heading families, once."""
    out: list[FontFile] = []
    seen: set[str] = set()
    for family in (style.body_font, style.heading_font):
        for key, weight, font_style in _FACES:
            path = family.files()[key]
            href = f"fonts/{path.name}"
            if href not in seen:
                seen.add(href)
                out.append(FontFile(family.name, weight, font_style, path, href))
    return out


def stack(family: FontFamily, generic: str) -> str:
    return f'"{family.name}", {generic}'


def _em(points: float, style: Style) -> str:
    return f"{points / style.body_size:.3f}".rstrip("0").rstrip(".") + "em"


def stylesheet(style: Style) -> str:
    """The whole stylesheet (css/style.css)."""
    parts = [_font_faces(style), _base(style), _headings(style), _blocks(style), _study(style), _pages()]
    return "\n".join(parts)


def _font_faces(style: Style) -> str:
    rules = []
    for font in font_files(style):
        rules.append(
            f'@font-face {{\n  font-family: "{font.family}";\n  font-weight: {font.weight};\n'
            f'  font-style: {font.style};\n  src: url("../{font.href}");\n}}')
    return "\n".join(rules)


def _base(style: Style) -> str:
    size = max(100, round(style.body_size / READER_BASE_PT * 100))
    hyphens = "auto" if style.hyphenate else "manual"
    emphasis = ("em, cite { font-style: normal; font-weight: bold; }"
                if style.emphasis == "bold" else "em, cite { font-style: italic; }")
    body_stack = stack(style.body_font, "serif" if style.body_font != style.heading_font else "sans-serif")
    return f"""
body {{
  font-family: {body_stack};
  font-size: {size}%;
  line-height: {style.leading:g};
  text-align: {style.align};
  -webkit-hyphens: {hyphens};
  -epub-hyphens: {hyphens};
  hyphens: {hyphens};
  widows: 2;
  orphans: 2;
}}
p {{ margin: 0 0 {_em(style.paragraph_space, style)}; }}
{emphasis}
strong {{ font-weight: bold; }}
a {{ color: inherit; text-decoration: underline; }}
"""


def _headings(style: Style) -> str:
    head = stack(style.heading_font, "sans-serif")
    return f"""
h1, h2, h3, h4, h5, h6 {{
  font-family: {head};
  font-weight: bold;
  line-height: 1.2;
  text-align: left;
  -webkit-hyphens: manual;
  -epub-hyphens: manual;
  hyphens: manual;
  page-break-after: avoid;
  break-after: avoid;
  margin: 1.4em 0 0.5em;
}}
h1 {{ font-size: {_em(style.h1_size, style)}; margin-top: 0.4em; }}
h2 {{ font-size: {_em(style.h2_size, style)}; }}
h3 {{ font-size: {_em(style.h3_size, style)}; }}
h4, h5, h6 {{ font-size: 1em; }}
.meta, .marks, figcaption, .card-meta, .card-themes, .choice-label, .answer-link, .backlink,
.mark-scheme-label, .answer-to, dl.facts dt, .how, .subtitle, .edition, .scope {{
  font-family: {head};
}}
svg text.label-heading {{ font-family: {head}; }}
svg text.label-body {{ font-family: {stack(style.body_font, "serif")}; }}
"""


def _blocks(style: Style) -> str:
    rule = gray(style.rule_gray)
    small = _em(style.small_size, style)
    return f"""
.lead {{ font-size: 1.1em; }}
.meta, .marks, figcaption, .card-meta, .card-themes {{ font-size: {small}; text-align: left; }}
.note {{ border-left: 3px solid {rule}; padding-left: 0.6em; }}
.caution {{ border: 1px solid {rule}; border-left-width: 6px; padding: 0.3em 0.6em; }}
figure {{ margin: 1em 0; }}
figure.quote {{ margin: 1em 0 1em 1em; page-break-inside: avoid; break-inside: avoid; }}
blockquote {{ margin: 0; padding-left: 0.8em; border-left: 3px solid {rule}; }}
blockquote p {{ margin: 0; text-align: left; }}
figure.quote figcaption {{ margin: 0.3em 0 0 0.8em; }}
.unverified {{ font-style: normal; font-weight: bold; }}
ul, ol {{ margin: 0.4em 0 0.8em; padding-left: 1.4em; text-align: left; }}
ol {{ padding-left: 2.2em; }}  /* room for two-digit numbers */
li {{ margin-bottom: 0.3em; }}
dl {{ margin: 0.5em 0 1em; }}
dt {{ font-weight: bold; margin-top: 0.5em; }}
dd {{ margin: 0 0 0.3em 1.2em; }}
dl.facts dt {{ font-size: {small}; margin-top: 0.3em; }}
section.group {{ margin-top: 1.2em; }}
section.keep {{ page-break-inside: avoid; break-inside: avoid; }}
section.page + section.page {{ page-break-before: always; break-before: page; }}  /* one sheet per screen run */
svg.diagram {{ display: block; width: 100%; max-width: 36em; height: auto; margin: 0 auto; }}
section.text-equivalent {{ border-top: 1px solid {rule}; margin-top: 0.8em; }}
"""


def _study(style: Style) -> str:
    rule = gray(style.rule_gray)
    return f"""
ol.questions {{ padding-left: 1.8em; }}
li.question {{ margin-bottom: 1.4em; }}
li.question > p.prompt {{ font-weight: bold; text-align: left; }}
.marks {{ font-weight: normal; white-space: nowrap; }}
ul.choices, ul.sequence, ul.match-left, ul.match-right {{ list-style: none; padding-left: 0.4em; }}
.choice-label {{ font-weight: bold; }}
.answer-link a, .backlink a {{ font-weight: bold; }}
div.answer {{ border-left: 4px double {rule}; padding: 0.1em 0 0.1em 0.7em; margin: 0.6em 0; }}
div.answer h1, div.answer h2, div.answer h3, div.answer h4, div.answer h5, div.answer h6 {{
  font-size: 1em; margin: 0.2em 0;
}}
ol.answers {{ list-style: none; padding-left: 0; }}  /* each answer says "Question N" */
ol.answers > li {{ margin-bottom: 1.2em; }}
ol.cards {{ list-style: none; padding: 0; }}
li.card {{ border: 1px solid {rule}; padding: 0.6em 0.8em; margin: 0 0 1em;
  page-break-inside: avoid; break-inside: avoid; }}
li.card blockquote {{ border-left: 0; padding-left: 0; font-size: 1.1em; }}
.card-back-label {{ font-weight: bold; margin: 0.4em 0 0; }}
"""


def _pages() -> str:
    return """
body.cover { text-align: center; }
section.titlepage { margin-top: 15%; }
section.titlepage h1 { font-size: 2em; text-align: center; margin-bottom: 1em; padding-bottom: 0.5em;
  border-bottom: 2px solid; }
section.titlepage p { text-align: center; -webkit-hyphens: manual; -epub-hyphens: manual; hyphens: manual; }
section.titlepage .edition { margin-top: 1.5em; font-weight: bold; }
section.titlepage .creator { margin-top: 2em; }
nav#toc ol { list-style: none; padding-left: 0; }
nav#toc ol ol { padding-left: 1.2em; }
nav#toc li { margin: 0.3em 0; text-align: left; }
nav#toc > ol > li > a { font-weight: bold; }
section.colophon p, section.colophon dd { text-align: left; }
.licence { font-size: 0.85em; }
"""


def font_notices(style: Style) -> list[tuple[str, str, str]]:
    """(family, copyright line, licence text) for each embedded family.

    fontpkg packages keep the licence beside the font folder (``pkg/LICENSE`` next to
    ``pkg/files/*.ttf``); the OFL asks for it to travel with the fonts."""
    out: list[tuple[str, str, str]] = []
    for family in dict.fromkeys((style.body_font, style.heading_font)):
        licence_path = family.regular.parent.parent / "LICENSE"
        text = licence_path.read_text(encoding="utf-8") if licence_path.is_file() else ""
        notice = next((line.strip() for line in text.splitlines() if line.strip()), "")
        out.append((family.name, notice or "embedded under the font's own licence.", text))
    return out
