"""`make bench`: how fast nlmg-pack builds, next to pandoc and WeasyPrint on the same content.

Every measured run is a fresh process (``measure.run_fresh``); each scenario gets one
unrecorded warm-up run first (disk cache, .pyc files), then ``--runs`` recorded runs.
Results go to bench/results/ (results.json, results.md); the profile to profile-default.md.

    .venv/bin/python bench/run.py                 # everything (about 5-10 minutes)
    .venv/bin/python bench/run.py --quick         # 1 run each, no warm-up: a smoke test
    .venv/bin/python bench/run.py --only default,classset
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

import measure  # noqa: E402
import report  # noqa: E402

PY = sys.executable
SCENARIO_GROUPS = ("default", "classset", "peers", "scaling", "profile")
SCALES = (1, 2, 5, 10)
CLASS_SIZE, CLASS_VERSIONS = 30, 2
PACKAGES = ("nlmg-pack", "reportlab", "ebooklib", "weasyprint", "pypandoc-binary", "pydyf", "fonttools")


def worker_cmd(scenario: str, **params) -> list[str]:
    return [PY, str(BENCH / "worker.py"), scenario, json.dumps(params)]


def repeat(name: str, make_cmd, runs: int, warmup: int, log) -> dict:
    """Warm up, then measure ``runs`` fresh processes. ``make_cmd(out_dir)`` gives the command."""
    samples = []
    with tempfile.TemporaryDirectory(prefix=f"nlmg-bench-{name}-") as tmp:
        for i in range(warmup + runs):
            out = Path(tmp) / f"run{i}"
            out.mkdir()
            sample = measure.run_fresh(make_cmd(out), cwd=REPO)
            if sample.returncode != 0:
                log(f"  {name}: FAILED (exit {sample.returncode})\n{sample.stderr}")
                return {"name": name, "error": f"exit {sample.returncode}: {sample.stderr.strip()[-800:]}"}
            kind = "warm-up" if i < warmup else f"run {i - warmup + 1}/{runs}"
            log(f"  {name} {kind}: {sample.wall_s:.2f} s wall, {sample.cpu_s:.2f} s cpu, "
                f"{sample.peak_rss_mb:.0f} MB peak")
            if i >= warmup:
                samples.append(sample)
        outputs = report.describe_outputs(out)
    return report.summarise(name, samples, outputs)


def preflight_peers() -> str:
    """'' if pandoc and WeasyPrint can run here, else a message saying what to install."""
    problems = []
    probe = subprocess.run([PY, "-c", "import weasyprint"], capture_output=True, text=True)
    if probe.returncode != 0:
        err = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else "import failed"
        if "ModuleNotFoundError" in err:
            problems.append("WeasyPrint is not installed: run `make bench` (it installs the [bench] extra)")
        else:
            problems.append(f"WeasyPrint cannot load its system libraries ({err}). On Debian/Ubuntu: "
                            "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0")
    probe = subprocess.run([PY, "-c", "import pypandoc,subprocess;"
                            "subprocess.run([pypandoc.get_pandoc_path(),'--version'],check=True,capture_output=True)"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        problems.append("pandoc is not available: install the [bench] extra (PyPI pypandoc-binary)")
    return "; ".join(problems)


def classset_available() -> str:
    """'' if the CLI has the class-set flags (issue 7), else why not."""
    helptext = subprocess.run([str(Path(PY).parent / "nlmg-pack"), "build", "--help"],
                              capture_output=True, text=True).stdout
    missing = [flag for flag in ("--students", "--versions") if flag not in helptext]
    return f"not available yet: `nlmg-pack build --help` has no {', '.join(missing)}" if missing else ""


def write_students(path: Path, count: int) -> None:
    names = [f"Student {chr(65 + i % 26)}{i:02d} Example" for i in range(count)]
    rows = ["name,class"] + [f"{name},11{'AB'[i % 2]}" for i, name in enumerate(names)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def export_peer_inputs(folder: Path, edition: str) -> dict:
    """The pack as one HTML file (for WeasyPrint, CSS inline) plus a CSS file for pandoc."""
    from export_html import document_html, stylesheet

    from nlmg_pack.build import make_document
    from nlmg_pack.packs import Overrides, load_pack

    pack = load_pack("full", Overrides(edition=edition))
    doc, style = make_document(pack)
    fonts = [Path(getattr(fam, key)) for fam in (style.body_font, style.heading_font)
             for key in ("regular", "bold", "italic", "bold_italic")]
    html = folder / "pack.html"
    html.write_text(document_html(doc, stylesheet(style, pack.paper)), encoding="utf-8")
    css = folder / "epub.css"
    css.write_text(stylesheet(style, pack.paper, {f.name: f"../fonts/{f.name}" for f in fonts}), encoding="utf-8")
    return {"html": str(html), "epub_css": str(css), "fonts": [str(f) for f in fonts], "lang": doc.meta.language}


def main() -> int:
    parser = argparse.ArgumentParser(description="nlmg-pack benchmark")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per scenario (default 5)")
    parser.add_argument("--heavy-runs", type=int, default=3, help="runs for the slow scenarios (default 3)")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="1 run, no warm-up (smoke test)")
    parser.add_argument("--only", default=",".join(SCENARIO_GROUPS), help="comma-separated: " + ", ".join(SCENARIO_GROUPS))
    parser.add_argument("--class-packs", default="full,quiz",
                        help="packs for the class set, comma-separated (default: full,quiz)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.heavy_runs, args.warmup = 1, 1, 0
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SCENARIO_GROUPS)
    if unknown:
        parser.error(f"unknown scenario group(s): {', '.join(sorted(unknown))}")
    args.results.mkdir(parents=True, exist_ok=True)
    log = lambda msg: print(msg, flush=True)  # noqa: E731
    data = {"machine": machine_info(), "settings": {"runs": args.runs, "heavy_runs": args.heavy_runs,
                                                     "warmup": args.warmup}, "scenarios": {}, "notes": []}
    sc = data["scenarios"]
    with tempfile.TemporaryDirectory(prefix="nlmg-bench-inputs-") as tmp:
        inputs = Path(tmp)
        if "default" in only:
            run_default(sc, args, log)
        if "classset" in only:
            run_classset(sc, args, inputs, log)
        if "peers" in only:
            run_peers(sc, data["notes"], args, inputs, log)
        if "scaling" in only:
            run_scaling(sc, args, inputs, log)
        data["machine"]["load_after"] = os.getloadavg()
        if "profile" in only:
            run_profiles(data, args, inputs, log)
    report.finish(data)
    (args.results / "results.json").write_text(json.dumps(data, indent=2, default=str) + "\n")
    (args.results / "results.md").write_text(report.markdown(data))
    log(f"\nwrote {args.results / 'results.json'} and {args.results / 'results.md'}\n")
    log(report.markdown(data))
    return 0


def run_default(sc: dict, args, log) -> None:
    log("1. default pack, PDF + EPUB, student and teacher editions, one process")
    # one build_pack with edition 'both' (= `nlmg-pack build --edition both`): 4 renders, which
    # the render pool (nlmg_pack.pool) spreads over the cores
    sc["default-both"] = repeat("default-both", lambda out: worker_cmd(
        "build", out=str(out), editions=["both"]), args.runs, args.warmup, log)
    # the same through the command line, as a user runs it
    cli = str(Path(PY).parent / "nlmg-pack")
    sc["cli-both"] = repeat("cli-both", lambda out: [cli, "build", "--edition", "both", "--out", str(out)],
                            args.runs, args.warmup, log)
    # two build_pack calls, one per edition (as `make pack` runs them, plus the teacher EPUB): 2 renders each
    sc["default-serial"] = repeat("default-serial", lambda out: worker_cmd(
        "build", out=str(out), editions=["student", "teacher"]), args.runs, args.warmup, log)


def run_classset(sc: dict, args, inputs: Path, log) -> None:
    log(f"2. class set: {CLASS_SIZE} personalised copies, {CLASS_VERSIONS} versions (the CLI, one process tree)")
    packs = [p.strip() for p in args.class_packs.split(",") if p.strip()]
    why = classset_available()
    if why:
        log(f"  class set: {why}")
        for pack in packs:
            sc[f"classset-{pack}"] = {"name": f"classset-{pack}", "unavailable": why, "pack": pack}
        return
    students = inputs / "students.csv"
    write_students(students, CLASS_SIZE)
    cli = str(Path(PY).parent / "nlmg-pack")
    for pack in packs:
        command = lambda out, p=pack: [cli, "build", "--pack", p, "--students", str(students),  # noqa: E731
                                       "--versions", str(CLASS_VERSIONS), "--out", str(out)]
        name = f"classset-{pack}"
        sc[name] = repeat(name, command, args.heavy_runs, args.warmup, log)
        sc[name]["pack"] = pack
        sc[name]["command"] = " ".join(command(Path("OUT")))


def run_peers(sc: dict, notes: list, args, inputs: Path, log) -> None:
    log("3. peers on the same content: ours vs pandoc (EPUB) + WeasyPrint (PDF), student edition")
    sc["ours-student"] = repeat("ours-student", lambda out: worker_cmd(
        "build", out=str(out), editions=["student"]), args.runs, args.warmup, log)
    sc["ours-pdf"] = repeat("ours-pdf", lambda out: worker_cmd(
        "build", out=str(out), editions=["student"], formats=["pdf"]), args.runs, args.warmup, log)
    sc["ours-epub"] = repeat("ours-epub", lambda out: worker_cmd(
        "build", out=str(out), editions=["student"], formats=["epub"]), args.runs, args.warmup, log)
    why = preflight_peers()
    if why:
        log(f"  peers skipped: {why}")
        for name in ("peers-student", "pandoc-epub", "weasyprint-pdf"):
            sc[name] = {"name": name, "unavailable": why}
        return
    peer = export_peer_inputs(inputs, "student")
    notes.append(f"peer input: {Path(peer['html']).stat().st_size} bytes of HTML exported from the IR "
                 "(bench/export_html.py); the export is not timed")
    # WeasyPrint takes ~10 s a run here, so the PDF peers get the heavy run count
    sc["peers-student"] = repeat("peers-student", lambda out: worker_cmd(
        "peers", out=str(out), **peer), args.heavy_runs, args.warmup, log)
    sc["pandoc-epub"] = repeat("pandoc-epub", lambda out: worker_cmd(
        "peers", out=str(out), pdf=False, **peer), args.runs, args.warmup, log)
    sc["weasyprint-pdf"] = repeat("weasyprint-pdf", lambda out: worker_cmd(
        "peers", out=str(out), epub=False, **peer), args.heavy_runs, args.warmup, log)


def run_scaling(sc: dict, args, inputs: Path, log) -> None:
    from synth import content_size, write_synthetic_book

    log("4. scaling: synthetic books 1x, 2x, 5x, 10x the real content (student edition, PDF + EPUB)")
    for scale in SCALES:
        folder = write_synthetic_book(scale, inputs / f"synthetic-x{scale}" / "never-let-me-go")
        runs = args.runs if scale < 5 else args.heavy_runs
        name = f"scale-x{scale}"
        sc[name] = repeat(name, lambda out, f=folder: worker_cmd(
            "build", out=str(out), editions=["student"], content=str(f)), runs, args.warmup, log)
        sc[name]["scale"] = scale
        sc[name]["content"] = content_size(folder)


def run_profiles(data: dict, args, inputs: Path, log) -> None:
    import profile_build

    log("profile: default pack, student then teacher edition, PDF + EPUB (cProfile)")
    data["profile"] = profile_build.profile_default(args.results, log)
    if classset_available():
        return
    students = inputs / "students.csv"
    write_students(students, CLASS_SIZE)
    for pack in [p.strip() for p in args.class_packs.split(",") if p.strip()][:1]:
        log(f"profile: class set, pack {pack} (parent process, with RSS per stage)")
        data["profile_classset"] = profile_build.profile_classset(args.results, students, pack, CLASS_VERSIONS, log)


def machine_info() -> dict:
    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "load_before": os.getloadavg(), "versions": versions}


if __name__ == "__main__":
    sys.exit(main())
