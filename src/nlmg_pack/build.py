"""The build orchestrator: recipe → content → selection → documents → files.

``build_pack`` reads as the pipeline of the design: load the recipe, the content and the
style; select what the pack may show; plan one document per edition, version and pupil;
render them (over the CPU cores when there are many); write. Everything is rendered in memory
first and only then written, each file through a temporary file renamed into place, so a failed
build leaves no half-written file and never damages an earlier output.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from . import ir
from .classlist import Student, read_class_list
from .compose import compose
from .content import load_content
from .errors import BuildError, Diagnostic
from .exercises import add_generated
from .figures import Measure, style_measure
from .glyphs import check_glyphs, check_names
from .packs import CONTENT_DIR, Overrides, Pack, load_pack, output_stem
from .render import EXTENSIONS, RENDERERS, RenderOptions
from .select import Selection, select
from .styles import Style, load_style
from .versions import letters, make_version

PARALLEL_FROM = 3  # below this many renders, starting worker processes costs more than it saves


@dataclass(frozen=True)
class BuildRequest:
    pack: str = "full"
    overrides: Overrides = Overrides()
    content_dir: Path | None = None
    out_dir: Path = Path("dist")
    formats: tuple[str, ...] = ("pdf", "epub")
    students: Path | None = None
    progress: bool = False


@dataclass(frozen=True)
class Job:
    """One document to render into ``stem`` + each format's extension."""

    stem: Path
    document: ir.Document
    formats: tuple[str, ...]


def build_pack(request: BuildRequest) -> list[Path]:
    pack = load_pack(request.pack, request.overrides)
    content = load_content(request.content_dir or CONTENT_DIR / pack.book)
    style = load_style(pack.style)
    students = _class_list(request, style)
    epoch = source_date_epoch(content.book.pack.date)
    selection = add_generated(select(content, pack))
    measure = style_measure(style)
    jobs = (plan_class_set(selection, epoch, request, students, measure) if students
            else plan(selection, epoch, request, measure))
    for job in _distinct(jobs):
        check_glyphs(job.document, style)
    outputs = render_all(jobs, style, RenderOptions(paper=pack.paper, epoch=epoch), request.progress)
    if students:
        from .render.pdf.combine import combine_pdfs

        copies = [outputs[job.stem.with_suffix(".pdf")] for job in jobs if job.document.meta.personal]
        outputs[request.out_dir / f"{_class_dir(pack).name}" / "print-all.pdf"] = combine_pdfs(copies)
    return write_files(outputs)


def plan(sel: Selection, epoch: int, request: BuildRequest, measure: Measure) -> list[Job]:
    """Every edition of every version, in the requested formats."""
    jobs = []
    for version in letters(sel.pack.versions):
        versioned = make_version(sel, version)
        for edition in sel.pack.editions:
            doc = compose(_edition(versioned, edition), epoch, version, measure=measure)
            jobs.append(Job(request.out_dir / output_stem(sel.pack, edition, version), doc, request.formats))
    return jobs


def plan_class_set(sel: Selection, epoch: int, request: BuildRequest, students: tuple[Student, ...],
                   measure: Measure) -> list[Job]:
    """A personalised student PDF per pupil (versions dealt out in turn) and a key per version."""
    folder = request.out_dir / _class_dir(sel.pack).name
    labels = letters(sel.pack.versions)
    versioned = {label: make_version(sel, label) for label in labels}
    jobs = []
    for i, pupil in enumerate(students):
        label = labels[i % len(labels)]
        doc = compose(_edition(versioned[label], "student"), epoch, label, (pupil.name, pupil.group), measure)
        jobs.append(Job(folder / (f"{pupil.slug}-{label}" if label else pupil.slug), doc, ("pdf",)))
    for label in labels:
        doc = compose(_edition(versioned[label], "teacher"), epoch, label, measure=measure)
        jobs.append(Job(folder / ("key-" + label if label else "key"), doc, ("pdf",)))
    return jobs


def _edition(sel: Selection, edition: str) -> Selection:
    return replace(sel, pack=replace(sel.pack, edition=edition))


def _class_dir(pack: Pack) -> Path:
    return Path(f"{pack.output or f'{pack.book}-{pack.name}'}-class")


def _class_list(request: BuildRequest, style: Style) -> tuple[Student, ...]:
    if request.students is None:
        return ()
    students = read_class_list(request.students, str(request.students))
    check_names([(s.name + " " + s.group, s.line) for s in students], str(request.students), style)
    return students


def _distinct(jobs: list[Job]) -> list[Job]:
    """Personalised copies differ from each other only in the name, which is checked on its own."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for job in jobs:
        key = (job.document.meta.edition, job.document.meta.title)
        if key not in seen:
            seen.add(key)
            unique.append(job)
    return unique


def render_all(jobs: list[Job], style: Style, options: RenderOptions, progress: bool) -> dict[Path, bytes]:
    tasks = [(job.stem.with_suffix(EXTENSIONS[fmt]), fmt, job.document) for job in jobs for fmt in job.formats]
    show = progress and sys.stderr.isatty()
    results: dict[Path, bytes] = {}
    workers = min(os.cpu_count() or 1, len(tasks))
    if len(tasks) < PARALLEL_FROM or workers < 2:
        mapped = (_render_task(fmt, doc, style, options) for _path, fmt, doc in tasks)
        return _collect(tasks, mapped, results, show)
    for fmt in {t[1] for t in tasks}:
        renderer(fmt)  # import in the parent: forked workers inherit the loaded modules
    with ProcessPoolExecutor(max_workers=workers) as pool:
        mapped = pool.map(_render_task, [t[1] for t in tasks], [t[2] for t in tasks],
                          [style] * len(tasks), [options] * len(tasks))
        return _collect(tasks, mapped, results, show)


def _collect(tasks, mapped, results: dict[Path, bytes], show: bool) -> dict[Path, bytes]:
    for done, ((path, _fmt, _doc), data) in enumerate(zip(tasks, mapped, strict=True), start=1):
        results[path] = data
        if show:
            print(f"\rrendering {done}/{len(tasks)}: {path.name[:40]:<40}", end="", file=sys.stderr, flush=True)
    if show:
        print(file=sys.stderr)
    return results


def _render_task(fmt: str, document: ir.Document, style: Style, options: RenderOptions) -> bytes:
    return renderer(fmt)(document, style, options)


def make_document(pack: Pack, content_dir: Path | None = None) -> tuple[ir.Document, Style]:
    """The (first) document and the style a build of ``pack`` renders, for tests and tools."""
    content = load_content(content_dir or CONTENT_DIR / pack.book)
    sel = add_generated(select(content, pack))
    version = letters(pack.versions)[0]
    style = load_style(pack.style)
    doc = compose(_edition(make_version(sel, version), pack.editions[0]), source_date_epoch(content.book.pack.date),
                  version, measure=style_measure(style))
    return doc, style


def source_date_epoch(fallback_date: str) -> int:
    """SOURCE_DATE_EPOCH if set (reproducible-builds.org), else midnight UTC of the content's
    pack date: either way, never the wall clock."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is not None:
        if not raw.isdigit():
            raise BuildError([Diagnostic("<environment>", 0, "E132",
                                         f"SOURCE_DATE_EPOCH must be whole seconds, not '{raw}'")])
        return int(raw)
    return int(datetime.strptime(fallback_date, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())


def renderer(fmt: str) -> Callable[[ir.Document, Style, RenderOptions], bytes]:
    module_name, func = RENDERERS[fmt].split(":")
    return getattr(importlib.import_module(module_name), func)


def write_files(outputs: dict[Path, bytes]) -> list[Path]:
    """Write each output atomically (temp file in the same folder, fsync, rename)."""
    for folder in sorted({path.parent for path in outputs}):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BuildError([Diagnostic(str(folder), 0, "E141",
                                         f"cannot create output folder: {exc.strerror}")]) from None
    for target, data in outputs.items():
        _atomic_write(target, data)
    return list(outputs)


def write_outputs(out_dir: Path, stem: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write ``{format: bytes}`` as ``out_dir/stem.<ext>`` (atomically)."""
    return write_files({out_dir / f"{stem}{EXTENSIONS[fmt]}": data for fmt, data in outputs.items()})


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
