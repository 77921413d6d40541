"""Profile a build with cProfile in a fresh process and write the top costs as Markdown.

    .venv/bin/python bench/profile_build.py                  # default pack, both editions
    .venv/bin/python bench/profile_build.py --content DIR    # e.g. a synthetic book from synth.py

Writes bench/results/profile-default.md (tables) and bench/results/tmp/profile-default.pstats
(raw, for `python -m pstats` or snakeviz). Imports are inside the profile: they are part of
what a user waits for.
"""

from __future__ import annotations

import argparse
import json
import pstats
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TOP = 30

CHILD = """
import cProfile, os, sys
from pathlib import Path
os.environ["NLMG_PACK_JOBS"] = "1"  # render in this process, so that the profile sees rendering
out, editions, content, stats = sys.argv[1], sys.argv[2].split(','), sys.argv[3] or None, sys.argv[4]
profiler = cProfile.Profile()
profiler.enable()
from nlmg_pack.build import BuildRequest, build_pack
from nlmg_pack.packs import Overrides
for edition in editions:
    build_pack(BuildRequest(overrides=Overrides(edition=edition), out_dir=Path(out),
                            content_dir=Path(content) if content else None))
profiler.disable()
profiler.dump_stats(stats)
"""


# A class set through the CLI, profiled in the parent process (the renders run in worker
# processes and show up as waiting in RenderPool.results); each build stage is logged with its time and
# the parent's RSS afterwards, which is where a class set's memory goes.
CHILD_CLASSSET = """
import cProfile, json, multiprocessing, sys, time
# workers forked from a profiled process would run under the profiler too (3-5x slower):
# start them from a clean forkserver instead
multiprocessing.set_start_method("forkserver")
import nlmg_pack.build as b
import nlmg_pack.render.pdf.combine as combine
out, students, pack, versions, stats, log_path = sys.argv[1:7]
log = []
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
def timed(module, name):
    func = getattr(module, name, None)
    if func is None:
        return
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        log.append({"stage": name, "seconds": time.perf_counter() - start, "rss_after_mb": rss()})
        return result
    setattr(module, name, wrapper)
for name in ("load_content", "write_files"):
    timed(b, name)
timed(b.RenderPool, "results")  # composing, handing over, and waiting for the workers' renders
timed(combine, "combine_pdfs")
from nlmg_pack.cli import main
profiler = cProfile.Profile()
profiler.enable()
code = main(["build", "--pack", pack, "--students", students, "--versions", versions, "--out", out])
profiler.disable()
profiler.dump_stats(stats)
import resource
log.append({"stage": "peak (ru_maxrss, this process)", "seconds": None,
            "rss_after_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
json.dump(log, open(log_path, "w"))
sys.exit(code)
"""


def run_profile(stats_path: Path, out_dir: Path, editions: str = "student,teacher", content: str = "") -> None:
    stats_path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", CHILD, str(out_dir), editions, content, str(stats_path)],
                   cwd=REPO, check=True)


def profile_classset(results: Path, students: Path, pack: str = "full", versions: int = 2, log=print) -> dict:
    """Profile the parent process of a class-set build; write profile-classset-PACK.md."""
    import tempfile

    name = f"profile-classset-{pack}"
    stats_path, stages_path = results / "tmp" / f"{name}.pstats", results / "tmp" / f"{name}-stages.json"
    stats_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nlmg-bench-profile-") as out:
        subprocess.run([sys.executable, "-c", CHILD_CLASSSET, out, str(students), pack, str(versions),
                        str(stats_path), str(stages_path)], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    stages = json.loads(stages_path.read_text())
    summary = summarise(stats_path)
    summary["stages"] = stages
    table = ["## Stages of the parent process (time, and its RSS after the stage)", "",
             "| stage | seconds | RSS after, MB |", "|---|---|---|"]
    for stage in stages:
        seconds = "" if stage["seconds"] is None else f"{stage['seconds']:.2f}"
        table.append(f"| {stage['stage']} | {seconds} | {stage['rss_after_mb']:.0f} |")
    title = f"Profile: class set, pack {pack}, {versions} versions (parent process; renders run in workers)"
    body = markdown(summary, title).split("\n", 2)
    (results / f"{name}.md").write_text("\n".join([body[0], body[1], "\n".join(table), "", body[2]]))
    (results / f"{name}.json").write_text(json.dumps(summary, indent=2) + "\n")
    log(f"  wrote {results / (name + '.md')}")
    return {"file": f"{name}.md", "stages": stages, "top_self": summary["top_self"][:10]}


def where(func: tuple[str, int, str]) -> str:
    """'nlmg_pack/render/pdf/flow.py:42 layout' style label, shortened to the package path."""
    path, line, name = func
    if path == "~":
        return name  # a builtin, e.g. <built-in method zlib.compress>
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker == "/lib/python3":
                path = "stdlib/" + path.split("/", 1)[1]
            break
    return f"{path}:{line}({name})"


def area(func: tuple[str, int, str]) -> str:
    """Which library a function belongs to (its first two path components after the root)."""
    label = where(func)
    if "acquire' of '_thread.lock" in label:
        return "waiting on locks (worker processes, I/O)"
    if "(" in label and ":" in label:
        parts = label.split(":", 1)[0].split("/")
        return "/".join(parts[:2]) if parts[0] in ("nlmg_pack", "stdlib") else parts[0]
    return "builtins (C)"


def summarise(stats_path: Path) -> dict:
    st = pstats.Stats(str(stats_path))
    raw = st.stats  # func -> (primitive calls, calls, tottime, cumtime, callers)
    total = max(st.total_tt, 1e-9)
    rows = [{"func": where(f), "calls": v[1], "self_s": v[2], "cum_s": v[3],
             "self_share": v[2] / total, "cum_share": v[3] / total} for f, v in raw.items()]
    by_area: dict[str, float] = {}
    for f, v in raw.items():
        by_area[area(f)] = by_area.get(area(f), 0.0) + v[2]
    return {
        "total_s": total,
        "top_cumulative": sorted(rows, key=lambda r: -r["cum_s"])[:TOP],
        "top_self": sorted(rows, key=lambda r: -r["self_s"])[:TOP],
        "by_area": sorted(({"area": k, "self_s": v, "share": v / total} for k, v in by_area.items()),
                          key=lambda r: -r["self_s"])[:20],
    }


def markdown(summary: dict, title: str) -> str:
    lines = [f"# {title}", "",
             f"cProfile, one fresh process, imports included. Total profiled time {summary['total_s']:.2f} s "
             "(cProfile itself slows Python code down about 1.5-2x, so read shares, not absolute seconds).", "",
             "## Self time by library (where the CPU actually goes)", "",
             "| library / module | self s | share |", "|---|---|---|"]
    lines += [f"| {r['area']} | {r['self_s']:.2f} | {r['share']:.0%} |" for r in summary["by_area"]]
    lines += ["", f"## Top {TOP} by cumulative time", "", "| function | calls | cum s | cum share | self s |",
              "|---|---|---|---|---|"]
    lines += [f"| `{r['func']}` | {r['calls']} | {r['cum_s']:.2f} | {r['cum_share']:.0%} | {r['self_s']:.2f} |"
              for r in summary["top_cumulative"]]
    lines += ["", f"## Top {TOP} by self time", "", "| function | calls | self s | self share | cum s |",
              "|---|---|---|---|---|"]
    lines += [f"| `{r['func']}` | {r['calls']} | {r['self_s']:.2f} | {r['self_share']:.0%} | {r['cum_s']:.2f} |"
              for r in summary["top_self"]]
    return "\n".join(lines) + "\n"


def profile_default(results: Path, log=print, name: str = "profile-default", content: str = "",
                    editions: str = "student,teacher") -> dict:
    import tempfile

    stats_path = results / "tmp" / f"{name}.pstats"
    with tempfile.TemporaryDirectory(prefix="nlmg-bench-profile-") as out:
        run_profile(stats_path, Path(out), editions, content)
    summary = summarise(stats_path)
    what = f"content {content}" if content else "the default pack"
    (results / f"{name}.md").write_text(markdown(summary, f"Profile: {what}, editions {editions}, PDF + EPUB"))
    (results / f"{name}.json").write_text(json.dumps(summary, indent=2) + "\n")
    log(f"  wrote {results / (name + '.md')} (total {summary['total_s']:.2f} s)")
    return {"file": f"{name}.md", "total_s": summary["total_s"], "top_self": summary["top_self"][:10],
            "by_area": summary["by_area"][:10]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="", help="book folder (default: the real content)")
    parser.add_argument("--editions", default="student,teacher")
    parser.add_argument("--name", default="profile-default", help="output file stem in bench/results/")
    parser.add_argument("--results", type=Path, default=BENCH / "results")
    args = parser.parse_args()
    args.results.mkdir(parents=True, exist_ok=True)
    profile_default(args.results, name=args.name, content=args.content, editions=args.editions)


if __name__ == "__main__":
    main()
