"""The build orchestrator: recipe → content → selection → documents → files.

``build_pack`` reads as the pipeline of the design: load the recipe, the content and the
style; select what the pack may show; plan one document per edition and version (a class set
lays each version out once and personalises the copies from it); render them as they are
planned (over the CPU cores when there are several, see ``pool``); write. Everything is rendered in memory
first and only then written, each file through a temporary file renamed into place, so a failed
build leaves no half-written file and never damages an earlier output.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
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
from .pool import Job, RenderPool
from .render import EXTENSIONS, RenderOptions
from .select import Selection, select
from .styles import Style, load_style
from .versions import letters, make_version


@dataclass(frozen=True)
class BuildRequest:
    pack: str = "full"
    overrides: Overrides = Overrides()
    content_dir: Path | None = None
    out_dir: Path = Path("dist")
    formats: tuple[str, ...] = ("pdf", "epub")
    students: Path | None = None
    progress: bool = False


def build_pack(request: BuildRequest) -> list[Path]:
    pack = load_pack(request.pack, request.overrides)
    style = load_style(pack.style)
    students = _class_list(request, style)
    formats = ("pdf",) if students else request.formats
    with RenderPool(style, formats, _render_count(pack, formats, students), request.progress) as pool:
        content = load_content(request.content_dir or CONTENT_DIR / pack.book)
        epoch = source_date_epoch(content.book.pack.date)
        selection = add_generated(select(content, pack))
        measure = style_measure(style)
        jobs = (plan_class_set(selection, epoch, request, students, measure) if students
                else plan(selection, epoch, request, measure))
        options = RenderOptions(paper=pack.paper, epoch=epoch)
        for job in glyph_checked(jobs, style):
            pool.submit(job, options)
        outputs = pool.results()
    if students:
        from .render.pdf.combine import combine_pdfs

        copies = [(outputs[stem.with_suffix(".pdf")], version) for stem, _, version in class_copies(pack, request, students)]
        outputs[_class_folder(pack, request) / "print-all.pdf"] = combine_pdfs(copies)
    return write_files(outputs)


def plan(sel: Selection, epoch: int, request: BuildRequest, measure: Measure) -> Iterator[Job]:
    """Every edition of every version, in the requested formats (composed one at a time, as
    the renderer asks for them)."""
    for version in letters(sel.pack.versions):
        versioned = make_version(sel, version)
        for edition in sel.pack.editions:
            doc = compose(_edition(versioned, edition), epoch, version, measure=measure)
            yield Job(request.out_dir / output_stem(sel.pack, edition, version), doc, request.formats)


def plan_class_set(sel: Selection, epoch: int, request: BuildRequest, students: tuple[Student, ...],
                   measure: Measure) -> Iterator[Job]:
    """Per version: the pupils' personalised PDFs, all from one layout of that version, and the
    version's key."""
    every_copy = class_copies(sel.pack, request, students)
    for label in letters(sel.pack.versions):
        versioned = make_version(sel, label)
        copies = tuple((stem, person) for stem, person, version in every_copy if version == label)
        if copies:
            doc = compose(_edition(versioned, "student"), epoch, label, measure=measure)
            yield Job(copies[0][0], doc, ("pdf",), copies)
        key = compose(_edition(versioned, "teacher"), epoch, label, measure=measure)
        yield Job(_class_folder(sel.pack, request) / ("key-" + label if label else "key"), key, ("pdf",))


def class_copies(pack: Pack, request: BuildRequest,
                 students: tuple[Student, ...]) -> list[tuple[Path, tuple[str, str], str]]:
    """(file stem, (name, class), version) of each pupil's copy, in class-list order: versions
    are dealt out in turn, A B A B ..., so neighbours get different ones."""
    folder, labels = _class_folder(pack, request), letters(pack.versions)
    copies = []
    for i, pupil in enumerate(students):
        label = labels[i % len(labels)]
        stem = folder / (f"{pupil.slug}-{label}" if label else pupil.slug)
        copies.append((stem, (pupil.name, pupil.group), label))
    return copies


def _render_count(pack: Pack, formats: tuple[str, ...], students: tuple[Student, ...]) -> int:
    versions = len(letters(pack.versions))
    if students:
        return versions + min(versions, len(students))  # a key and a set of copies per version
    return versions * len(pack.editions) * len(formats)


def _edition(sel: Selection, edition: str) -> Selection:
    return replace(sel, pack=replace(sel.pack, edition=edition))


def _class_folder(pack: Pack, request: BuildRequest) -> Path:
    return request.out_dir / f"{pack.output or f'{pack.book}-{pack.name}'}-class"


def _class_list(request: BuildRequest, style: Style) -> tuple[Student, ...]:
    if request.students is None:
        return ()
    students = read_class_list(request.students, str(request.students))
    check_names([(s.name + " " + s.group, s.line) for s in students], str(request.students), style)
    return students


def glyph_checked(jobs: Iterable[Job], style: Style) -> Iterator[Job]:
    """Each job once its document's characters are known to be in the style's fonts. Versions
    and editions share most text, so a document is checked only when its title is new; pupils'
    names are checked on their own, against the class list."""
    seen: set[tuple[str, str]] = set()
    for job in jobs:
        key = (job.document.meta.edition, job.document.meta.title)
        if key not in seen:
            seen.add(key)
            check_glyphs(job.document, style)
        yield job


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
