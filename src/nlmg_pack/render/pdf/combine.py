"""Join finished PDFs into one "print all" file for a class set.

pypdf is used rather than reportlab because the copies are already laid out; the file
identifier is derived from the contents so that the result is reproducible.
"""

from __future__ import annotations

import hashlib
import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject


def combine_pdfs(pdfs: list[bytes]) -> bytes:
    """One file of all copies; a copy with an odd page count is followed by a blank page so
    that, printed double-sided, every pupil's copy starts on a fresh sheet."""
    writer = PdfWriter()
    for data in pdfs:
        reader = PdfReader(io.BytesIO(data))
        writer.append(reader, import_outline=False)
        if len(reader.pages) % 2:
            box = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(box.width), height=float(box.height))
    digest = hashlib.md5(b"".join(hashlib.sha256(d).digest() for d in pdfs), usedforsecurity=False).digest()
    writer._ID = ArrayObject((ByteStringObject(digest), ByteStringObject(digest)))
    writer.add_metadata({NameObject("/Title"): TextStringObject("Class set: print all copies")})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
