"""The three figures reach the reader in the default pack: labels in the PDF's text, and valid,
titled, described SVG in the EPUB (epubcheck of this pack is in test_epub_validity)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from nlmg_pack import ir
from nlmg_pack.build import make_document
from nlmg_pack.packs import load_pack
from nlmg_pack.pool import renderer
from nlmg_pack.render import RenderOptions

from .textutil import normalise, pdf_pages

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def pack():
    doc, style = make_document(load_pack("full"))
    figures = [b for s in doc.sections for b in s.blocks if isinstance(b, ir.Figure)]
    pdf = renderer("pdf")(doc, style, RenderOptions())
    epub = renderer("epub")(doc, style, RenderOptions())
    return figures, pdf, epub


def labels(fig: ir.Figure) -> list[str]:
    return [s.text for s in fig.graphic.shapes if isinstance(s, ir.GText) and len(s.text) > 3]


def test_default_pack_has_all_three_figures(pack) -> None:
    figures, _, _ = pack
    assert [f.anchor for f in figures] == ["fig-dual-timeline", "fig-relationships", "fig-theme-tracker"]


def test_pdf_pages_carry_each_figures_labels(pack) -> None:
    figures, pdf, _ = pack
    text = " ".join(pdf_pages(pdf))
    for fig in figures:
        missing = [t for t in labels(fig) if normalise(t).replace("\u2019", "'") not in text]
        assert not missing, (fig.anchor, missing[:5])


def test_epub_svgs_are_valid_titled_and_described(pack) -> None:
    figures, _, epub = pack
    with zipfile.ZipFile(io.BytesIO(epub)) as z:
        name = next(n for n in z.namelist() if n.endswith("figures.xhtml"))
        root = ET.fromstring(z.read(name))  # parses as XML or fails here
    svgs = list(root.iter(f"{SVG}svg"))
    assert len(svgs) == len(figures) == 3
    for svg, fig in zip(svgs, figures, strict=True):
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text == fig.alt
        drawn = {t.text for t in svg.iter(f"{SVG}text")}
        assert set(labels(fig)) <= drawn, fig.anchor
