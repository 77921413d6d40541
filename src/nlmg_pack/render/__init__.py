"""Renderers: functions from the document model (and a Style) to file bytes.

Each format lives in its own subpackage and is the only place that imports its library
(reportlab for ``pdf``, ebooklib for ``epub``). ``build.py`` imports them lazily through
``RENDERERS`` so that ``nlmg-pack check`` never loads either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class RenderOptions:
    """How to render, beyond the document and the style.

    ``epoch`` is SOURCE_DATE_EPOCH (seconds): the only time a renderer may write into a file,
    so that two builds of the same input are byte-identical."""

    paper: Paper = "a4"
    epoch: int = 0


# format name -> "module:function"; resolved lazily by pool.renderer()
RENDERERS: dict[str, str] = {
    "pdf": "nlmg_pack.render.pdf:render_pdf",
    "epub": "nlmg_pack.render.epub:render_epub",
}
# renderers of personalised copies: (document, style, options, [(name, class), ...]) -> [bytes, ...]
COPY_RENDERERS: dict[str, str] = {"pdf": "nlmg_pack.render.pdf:render_pdf_copies"}
EXTENSIONS: dict[str, str] = {"pdf": ".pdf", "epub": ".epub"}
