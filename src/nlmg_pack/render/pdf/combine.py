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
    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)), import_outline=False)
    digest = hashlib.md5(b"".join(hashlib.sha256(d).digest() for d in pdfs), usedforsecurity=False).digest()
    writer._ID = ArrayObject((ByteStringObject(digest), ByteStringObject(digest)))
    writer.add_metadata({NameObject("/Title"): TextStringObject("Class set: print all copies")})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
