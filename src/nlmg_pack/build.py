"""The build orchestrator: recipe → content → selection → document → files.

``build_pack`` reads as the pipeline of docs/architecture.md. Every output is rendered in
memory first and only then written, each through a temporary file renamed into place, so a
failed build leaves no half-written file and never damages an earlier output.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from . import ir
from .compose import compose
from .content import load_content
from .errors import BuildError, Diagnostic
from .glyphs import check_glyphs
from .packs import CONTENT_DIR, Overrides, Pack, load_pack, output_stem
from .render import EXTENSIONS, RENDERERS, RenderOptions
from .select import select
from .styles import Style, load_style


@dataclass(frozen=True)
class BuildRequest:
    pack: str = "full"
    overrides: Overrides = Overrides()
    content_dir: Path | None = None
    out_dir: Path = Path("dist")
    formats: tuple[str, ...] = ("pdf", "epub")


def build_pack(request: BuildRequest) -> list[Path]:
    pack = load_pack(request.pack, request.overrides)
    content = load_content(request.content_dir or CONTENT_DIR / pack.book)
    style = load_style(pack.style)
    document = compose(select(content, pack), pack, epoch=source_date_epoch(content.book.pack.date))
    check_glyphs(document, style)
    options = RenderOptions(paper=pack.paper, epoch=source_date_epoch(content.book.pack.date))
    outputs = {fmt: renderer(fmt)(document, style, options) for fmt in request.formats}
    return write_outputs(request.out_dir, output_stem(pack), outputs)


def make_document(pack: Pack, content_dir: Path | None = None) -> tuple[ir.Document, Style]:
    """The document and style a build would render (for tests and tools)."""
    content = load_content(content_dir or CONTENT_DIR / pack.book)
    epoch = source_date_epoch(content.book.pack.date)
    return compose(select(content, pack), pack, epoch=epoch), load_style(pack.style)


def source_date_epoch(fallback_date: str) -> int:
    """SOURCE_DATE_EPOCH if set (reproducible-builds.org), else midnight UTC of the content's
    pack date: either way, never the wall clock."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is not None:
        if not raw.isdigit():
            raise BuildError([Diagnostic("<environment>", 0, "E132",
                                         f"SOURCE_DATE_EPOCH must be whole seconds, not '{raw}'")])
        return int(raw)
    from datetime import datetime

    return int(datetime.strptime(fallback_date, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())


def renderer(fmt: str) -> Callable[[ir.Document, Style, RenderOptions], bytes]:
    module_name, func = RENDERERS[fmt].split(":")
    return getattr(importlib.import_module(module_name), func)


def write_outputs(out_dir: Path, stem: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write each output atomically (temp file in the same folder, fsync, rename)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError([Diagnostic(str(out_dir), 0, "E141", f"cannot create output folder: {exc.strerror}")]) from None
    written: list[Path] = []
    for fmt, data in outputs.items():
        target = out_dir / f"{stem}{EXTENSIONS[fmt]}"
        _atomic_write(target, data)
        written.append(target)
    return written


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BuildError([Diagnostic(str(target), 0, "E141", f"cannot write: {exc.strerror or exc}")]) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
