"""Rewrite an EPUB zip deterministically: same entries in, same bytes out.

OCF requires ``mimetype`` as the first entry, stored (uncompressed) and without extra fields.
Everything else is deflated at a fixed level, in a fixed order (container.xml, then the rest
sorted by name), with one fixed timestamp and fixed permissions, so two builds of the same
input are byte-identical whatever the wall clock or umask.
"""

from __future__ import annotations

import io
import time
import zipfile

MIMETYPE = b"application/epub+zip"
FIRST = ("mimetype", "META-INF/container.xml")
DOS_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip (DOS) timestamp in UTC, clamped to 1980."""
    stamp = time.gmtime(max(0, epoch))[:6]
    return max(stamp, DOS_EPOCH)  # type: ignore[return-value]


def normalize(epub_bytes: bytes, epoch: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(epub_bytes)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    if entries.get("mimetype") != MIMETYPE:
        raise ValueError("not an EPUB: the mimetype entry is missing or wrong")
    order = [name for name in FIRST if name in entries]
    order += sorted(name for name in entries if name not in FIRST)
    when = zip_time(epoch)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=when)
            info.create_system = 3  # unix, so external_attr means permissions everywhere
            info.external_attr = 0o100644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, entries[name])
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()
