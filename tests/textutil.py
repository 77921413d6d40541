"""Reading text back out of built files, as a reader would see it."""

from __future__ import annotations

import io
import re
import zipfile

from pypdf import PdfReader


def normalise(text: str) -> str:
    text = text.replace("\u00ad", "").replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # words hyphenated at a line end
    return re.sub(r"\s+", " ", text)


def pdf_pages(data: bytes) -> list[str]:
    return [normalise(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def epub_documents(data: bytes) -> dict[str, str]:
    """Visible text of every XHTML document (tags dropped, entities decoded)."""
    import html

    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xhtml"):
                raw = z.read(name).decode("utf-8")
                body = re.sub(r"<[^>]+>", " ", raw.split("<body", 1)[-1])
                out[name] = normalise(html.unescape(body))
    return out
