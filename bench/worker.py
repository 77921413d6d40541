"""The child side of the benchmark: one scenario, in this (fresh) process, then exit.

    python bench/worker.py build '{"editions": ["student", "teacher"], "out": "/tmp/o"}'
    python bench/worker.py peers '{"html": "...", "out": "...", "pdf": true, "epub": true}'

It writes a JSON report to $BENCH_RESULT: ``import_s`` (loading the libraries; the renderers only when they run in this process), ``work_s``
(the scenario itself) and ``stages`` (seconds per pipeline stage, summed over editions).
Wall time, CPU time and memory are measured from outside by ``measure.run_fresh``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

# pipeline functions that build.build_pack looks up in its own module namespace (leaves only,
# so that no time is counted twice). render_all is this process's time in the render pool:
# handing documents over, rendering them itself when it renders in-process, and waiting for
# the workers; render_pdf / render_epub are only seen when they run in this process.
STAGES = ("load_pack", "load_content", "load_style", "select", "add_generated", "compose", "check_glyphs",
          "write_files", "write_outputs")
POOL_STAGES = ("submit", "results")


class StageTimer:
    """Times each stage of ``build_pack`` by wrapping the names it calls in nlmg_pack.build.
    build_pack itself runs unchanged; a stage that does not exist (any more) is simply not timed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, name: str, func):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start
        return wrapper

    def install(self, build_module) -> None:
        for name in STAGES:
            if callable(getattr(build_module, name, None)):
                setattr(build_module, name, self.timed(name, getattr(build_module, name)))
        pool_class = getattr(build_module, "RenderPool", None)
        for name in POOL_STAGES:
            if callable(getattr(pool_class, name, None)):
                setattr(pool_class, name, self.timed("render_all", getattr(pool_class, name)))
        import nlmg_pack.pool as pool_module

        original = getattr(pool_module, "renderer", None)
        if callable(original):
            pool_module.renderer = lambda fmt: self.timed(f"render_{fmt}", original(fmt))


def build(out: str, editions=("student",), formats=("pdf", "epub"), pack: str = "full",
          content: str | None = None) -> dict:
    start = time.perf_counter()
    import nlmg_pack.build as build_module
    from nlmg_pack.packs import Overrides
    from nlmg_pack.render import RENDERERS

    if not _renders_in_workers(len(editions) * len(formats)):
        # the build will render in this process: import the renderers now, so that `stages`
        # are pure work. When it renders in worker processes, leave them be, as the CLI does:
        # the workers import them while this process loads the content.
        for fmt in formats:
            __import__(RENDERERS[fmt].split(":")[0])
    import_s = time.perf_counter() - start
    timer = StageTimer()
    timer.install(build_module)
    start = time.perf_counter()
    written = []
    for edition in editions:
        request = build_module.BuildRequest(pack=pack, overrides=Overrides(edition=edition),
                                            content_dir=Path(content) if content else None,
                                            out_dir=Path(out), formats=tuple(formats))
        written += [str(p) for p in build_module.build_pack(request)]
    return {"import_s": import_s, "work_s": time.perf_counter() - start,
            "stages": dict(timer.seconds), "outputs": written}


def _renders_in_workers(renders: int) -> bool:
    """The render pool's own decision (nlmg_pack.pool.RenderPool), for a build of this many renders."""
    import nlmg_pack.pool as pool

    return renders >= pool.PARALLEL_FROM and min(pool._job_limit(), renders) >= 2


def peers(html: str, out: str, pdf: bool = True, epub: bool = True, epub_css: str = "",
          fonts: tuple[str, ...] = (), lang: str = "en") -> dict:
    start = time.perf_counter()
    if pdf:
        import weasyprint
    pandoc = pandoc_path() if epub else ""
    import_s = time.perf_counter() - start
    stages: dict[str, float] = {}
    written = []
    start = time.perf_counter()
    if epub:
        target = Path(out) / "pandoc.epub"
        cmd = [pandoc, html, "--from=html", "--to=epub3", f"--output={target}", "--toc",
               "--split-level=1", f"--metadata=lang:{lang}"]
        cmd += [f"--css={epub_css}"] if epub_css else []
        cmd += [f"--epub-embed-font={f}" for f in fonts]
        step = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        stages["pandoc_epub"] = time.perf_counter() - step
        written.append(str(target))
    if pdf:
        target = Path(out) / "weasyprint.pdf"
        step = time.perf_counter()
        weasyprint.HTML(filename=html).write_pdf(target)
        stages["weasyprint_pdf"] = time.perf_counter() - step
        written.append(str(target))
    return {"import_s": import_s, "work_s": time.perf_counter() - start, "stages": stages, "outputs": written}


def pandoc_path() -> str:
    """The pandoc binary bundled in the pypandoc-binary wheel (never a system pandoc)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


SCENARIOS = {"build": build, "peers": peers}


def main() -> None:
    name, params = sys.argv[1], json.loads(sys.argv[2])
    report = SCENARIOS[name](**params)
    Path(os.environ["BENCH_RESULT"]).write_text(json.dumps(report))


if __name__ == "__main__":
    main()
