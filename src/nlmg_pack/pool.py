"""Rendering planned documents, over the CPU cores when there is enough to share.

The pool is opened before the content is loaded: its workers import reportlab and ebooklib
while this process is still reading YAML and composing, and each document is handed over as
soon as it is composed, so composing the next one overlaps rendering the last. Results come
back in the order the jobs were submitted, whatever order the workers finish in.

While the pool is open, in this process and in the workers, the cyclic garbage collector runs
less often (``BUILD_GC_THRESHOLD``): a build allocates a large, growing model and layout and frees
little before it ends, and with Python's default thresholds the collector walks all of it again
and again, a tenth of a build's time at the real content's size and a quarter at ten times it (measured
with ``bench/``). Without that, time would grow faster than the content.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from . import ir
from .render import COPY_RENDERERS, EXTENSIONS, RENDERERS, RenderOptions
from .styles import Style

PARALLEL_FROM = 2  # renders; workers start while the content loads, so even two gain
JOBS_VARIABLE = "NLMG_PACK_JOBS"  # most worker processes to use (1: render in this process)
# Formats that render in a tenth of a PDF's time: queued behind every PDF of the build, so that
# a worker is never busy with one while a PDF waits (the build ends when the last PDF does).
LIGHT = frozenset({"epub"})
# young objects collected every 20 000 allocations (default 700); the whole heap after 100
# middle-generation passes (default 10), that is about never within one build
BUILD_GC_THRESHOLD = (20_000, 20, 100)


@dataclass(frozen=True)
class Job:
    """One document to render into ``stem`` + each format's extension; or, with ``copies``, one
    personalised PDF per (stem, (name, class)), all from a single layout of ``document``."""

    stem: Path
    document: ir.Document
    formats: tuple[str, ...]
    copies: tuple[tuple[Path, tuple[str, str]], ...] = ()

    def tasks(self) -> list[tuple[str, list[Path]]]:
        """(format, the files that format's render gives) for each render this job needs."""
        if self.copies:
            return [("pdf", [stem.with_suffix(".pdf") for stem, _ in self.copies])]
        return [(fmt, [self.stem.with_suffix(EXTENSIONS[fmt])]) for fmt in self.formats]


class RenderPool:
    """Renders jobs as they are submitted: in worker processes when ``expected`` renders make it
    worth it (and there are two cores), otherwise right here."""

    def __init__(self, style: Style, formats: tuple[str, ...], expected: int, progress: bool = False):
        self.style = style
        self.show = progress and sys.stderr.isatty()
        # per render: the files it gives, and its future (or its result, rendered here)
        self.pending: list[tuple[list[Path], Future[list[bytes]] | list[bytes]]] = []
        # light renders not handed over yet: where their future goes in ``pending``, and their task
        self.deferred: list[tuple[int, tuple]] = []
        workers = min(_job_limit(), expected)
        self.pool: ProcessPoolExecutor | None = None
        if expected >= PARALLEL_FROM and workers >= 2:
            self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_import_renderers,
                                            initargs=(formats,))
            for _ in range(workers):
                self.pool.submit(int)  # starts every worker now (each imports the renderers)

    def submit(self, job: Job, options: RenderOptions) -> None:
        people = tuple(person for _, person in job.copies)
        for fmt, paths in job.tasks():
            task = (fmt, job.document, people, self.style, options)
            if self.pool is None:
                self.pending.append((paths, _render(*task)))
            elif fmt in LIGHT:
                self.deferred.append((len(self.pending), task))  # handed over in results()
                self.pending.append((paths, []))
            else:
                self.pending.append((paths, self.pool.submit(_render, *task)))

    def results(self) -> dict[Path, bytes]:
        if self.pool is not None:  # every PDF is queued by now: the light renders go behind them
            for index, task in self.deferred:
                self.pending[index] = (self.pending[index][0], self.pool.submit(_render, *task))
        self.deferred.clear()
        outputs: dict[Path, bytes] = {}
        for done, (paths, result) in enumerate(self.pending, start=1):
            files = result.result() if isinstance(result, Future) else result
            outputs.update(zip(paths, files, strict=True))
            if self.show:
                name = paths[0].name if len(paths) == 1 else f"{len(paths)} copies"
                print(f"\rrendering {done}/{len(self.pending)}: {name[:40]:<40}", end="", file=sys.stderr, flush=True)
        if self.show:
            print(file=sys.stderr)
        return outputs

    def __enter__(self) -> RenderPool:
        self.saved_threshold = gc.get_threshold()
        gc.set_threshold(*BUILD_GC_THRESHOLD)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        gc.set_threshold(*self.saved_threshold)
        if self.pool is not None:
            # After a failure, renders still queued are dropped rather than waited for.
            self.pool.shutdown(wait=kind is None, cancel_futures=True)


def _job_limit() -> int:
    cores = os.cpu_count() or 1
    raw = os.environ.get(JOBS_VARIABLE, "")
    return max(1, min(int(raw), cores)) if raw.isdigit() else cores


def _import_renderers(formats: tuple[str, ...]) -> None:
    gc.set_threshold(*BUILD_GC_THRESHOLD)  # a worker lives for one build
    for fmt in formats:
        renderer(fmt)
    if "pdf" in formats:
        copy_renderer("pdf")


def _render(fmt: str, document: ir.Document, people: tuple[tuple[str, str], ...], style: Style,
            options: RenderOptions) -> list[bytes]:
    if people:
        return copy_renderer(fmt)(document, style, options, people)
    return [renderer(fmt)(document, style, options)]


def _resolve(spec: str) -> Callable:
    module_name, func = spec.split(":")
    return getattr(importlib.import_module(module_name), func)


def renderer(fmt: str) -> Callable[[ir.Document, Style, RenderOptions], bytes]:
    return _resolve(RENDERERS[fmt])


def copy_renderer(fmt: str) -> Callable[..., list[bytes]]:
    return _resolve(COPY_RENDERERS[fmt])
