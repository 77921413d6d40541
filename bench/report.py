"""Turn benchmark samples into figures: medians and spread, ratios, budgets, a Markdown table."""

from __future__ import annotations

import math
import re
import statistics
from pathlib import Path

BUDGET_DEFAULT_WALL_S = 2.0
BUDGET_CLASS_WALL_S = 10.0
BUDGET_CLASS_PEAK_MB = 300.0


def spread(values: list[float]) -> dict:
    """Median, min, max and interquartile range (IQR needs 4+ values; else None)."""
    values = sorted(values)
    iqr = None
    if len(values) >= 4:
        q = statistics.quantiles(values, n=4)
        iqr = q[2] - q[0]
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "iqr": iqr, "n": len(values)}


def summarise(name: str, samples, outputs: dict) -> dict:
    stage_names = sorted({k for s in samples for k in s.result.get("stages", {})})
    summary = {
        "name": name,
        "wall_s": spread([s.wall_s for s in samples]),
        "cpu_s": spread([s.cpu_s for s in samples]),
        "peak_rss_mb": spread([s.peak_rss_mb for s in samples]),
        "tree_rss_mb": spread([s.tree_rss_mb for s in samples]),
        "tree_pss_mb": spread([s.tree_pss_mb for s in samples]),
        "outputs": outputs,
    }
    if all("work_s" in s.result for s in samples):
        summary["work_s"] = spread([s.result["work_s"] for s in samples])
        summary["import_s"] = spread([s.result.get("import_s", 0.0) for s in samples])
        summary["stages_s"] = {k: statistics.median(s.result.get("stages", {}).get(k, 0.0) for s in samples)
                               for k in stage_names}
    return summary


def describe_outputs(folder: Path) -> dict:
    """Size (and PDF page count) of each file a run wrote."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".pdf", ".epub"):
            info = {"bytes": path.stat().st_size}
            if path.suffix == ".pdf":
                info["pages"] = pdf_pages(path)
            found[str(path.relative_to(folder))] = info
    if len(found) > 12:  # a class set: summarise rather than list 60 files
        pdfs = [v for k, v in found.items() if k.endswith(".pdf")]
        return {"files": len(found), "pdf_files": len(pdfs), "bytes": sum(v["bytes"] for v in found.values()),
                "pages": sum(v.get("pages") or 0 for v in pdfs)}
    return found


def pdf_pages(path: Path) -> int | None:
    try:
        import pypdf

        return len(pypdf.PdfReader(path).pages)
    except Exception:  # pypdf missing or the file unreadable: a rough count will do
        return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes())) or None


def _median(sc: dict, name: str, metric: str) -> float | None:
    entry = sc.get(name, {})
    return entry.get(metric, {}).get("median") if isinstance(entry.get(metric), dict) else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def finish(data: dict) -> None:
    """Add ratios, scaling figures and the budget verdicts to ``data``."""
    sc = data["scenarios"]
    data["ratios"] = {}
    for ours, peer in (("ours-student", "peers-student"), ("ours-pdf", "weasyprint-pdf"),
                       ("ours-epub", "pandoc-epub")):
        data["ratios"][f"{ours} / {peer}"] = {
            metric: _ratio(_median(sc, ours, metric), _median(sc, peer, metric))
            for metric in ("wall_s", "cpu_s", "work_s", "peak_rss_mb")}
    data["scaling"] = scaling(sc)
    data["budget"] = budgets(sc, data["ratios"], data["scaling"])


def scaling(sc: dict) -> dict:
    rows = {}
    for entry in sc.values():
        if "scale" in entry and "wall_s" in entry:
            x = entry["scale"]
            rows[x] = {"wall_s": entry["wall_s"]["median"], "work_s": entry.get("work_s", {}).get("median"),
                       "cpu_s": entry["cpu_s"]["median"], "peak_rss_mb": entry["peak_rss_mb"]["median"],
                       "stages_s": entry.get("stages_s", {})}
    if 1 not in rows or len(rows) < 2:
        return {"rows": rows}
    base, top = rows[1], rows[max(rows)]
    xmax = max(rows)
    out = {"rows": rows}
    for metric in ("work_s", "wall_s", "peak_rss_mb"):
        if base.get(metric) and top.get(metric):
            growth = top[metric] / base[metric]
            # exponent k in time ~ x^k between 1x and the largest scale: 1 = linear, >1 = worse
            out[f"{metric}_growth_{xmax}x"] = growth
            out[f"{metric}_exponent"] = math.log(growth) / math.log(xmax)
    out["stage_growth"] = {k: top["stages_s"][k] / v for k, v in base["stages_s"].items()
                           if v > 0.005 and k in top["stages_s"]}
    return out


def budgets(sc: dict, ratios: dict, scale: dict) -> list[dict]:
    rows = []
    wall = _median(sc, "default-both", "wall_s")
    rows.append(_verdict("default pack, both editions, PDF+EPUB: wall < 2 s", wall,
                         None if wall is None else wall < BUDGET_DEFAULT_WALL_S, f"{_fmt(wall)} s"))
    r = ratios.get("ours-student / peers-student", {}).get("wall_s")
    rows.append(_verdict("faster than pandoc + WeasyPrint (ratio ours/peer < 1, wall)", r,
                         None if r is None else r < 1, _fmt(r, 3)))
    for name, cls in sc.items():
        if not name.startswith("classset"):
            continue
        label = f"class set of 30, pack '{cls.get('pack', '?')}'"
        if "unavailable" in cls or "error" in cls:
            why = cls.get("unavailable") or cls.get("error", "")[:200]
            rows.append(_verdict(f"{label}: wall < 10 s", None, None, why))
            rows.append(_verdict(f"{label}: peak < 300 MB", None, None, why))
            continue
        w, peak = cls["wall_s"]["median"], cls["tree_rss_mb"]["max"]
        rows.append(_verdict(f"{label}: wall < 10 s", w, w < BUDGET_CLASS_WALL_S, f"{_fmt(w)} s"))
        rows.append(_verdict(f"{label}: peak < 300 MB (all processes together, worst run)", peak,
                             peak < BUDGET_CLASS_PEAK_MB, f"{peak:.0f} MB (largest single process "
                             f"{cls['peak_rss_mb']['max']:.0f} MB; shared pages counted once, PSS: "
                             f"{cls['tree_pss_mb']['max']:.0f} MB)"))
    exp = scale.get("work_s_exponent")
    rows.append(_verdict("10x content: time grows no worse than linearly (exponent <= 1.0)", exp,
                         None if exp is None else exp <= 1.0,
                         "" if exp is None else f"x^{exp:.2f} ({scale.get('work_s_growth_10x', 0):.1f}x the time)"))
    return rows


def _verdict(what: str, value, ok: bool | None, shown: str) -> dict:
    return {"budget": what, "value": value, "ok": ok, "shown": shown}


def _fmt(v: float | None, digits: int = 2) -> str:
    return "n/a" if v is None else f"{v:.{digits}f}"


def _cell(entry: dict, metric: str, digits: int = 2) -> str:
    s = entry.get(metric)
    if not isinstance(s, dict):
        return "–"
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def markdown(data: dict) -> str:
    m = data["machine"]
    lines = ["# nlmg-pack benchmark results", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}; load average before "
             f"{_load(m['load_before'])}, after {_load(m.get('load_after'))}. "
             f"Runs per scenario: {data['settings']['runs']} (slow ones {data['settings']['heavy_runs']}), "
             f"each in a fresh process after {data['settings']['warmup']} warm-up run(s).", "",
             "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v), "",
             "## Figures", "",
             "Median (min–max). *wall*: process start to exit, as a user waits. *cpu*: user+system "
             "time, children included (less sensitive to a busy machine). *work*: the build itself, "
             "timed inside the process (no interpreter start-up or imports). *peak*: kernel max RSS "
             "of the process (ru_maxrss); *tree*: sampled sum of RSS over the process and its children; "
             "*tree PSS*: the same sum with pages shared between them counted once (what the build "
             "really takes from the machine).", "",
             "| scenario | wall s | cpu s | work s | peak MB | tree MB | tree PSS MB | output |",
             "|---|---|---|---|---|---|---|---|"]
    for name, e in data["scenarios"].items():
        if "unavailable" in e or "error" in e:
            lines.append(f"| {name} | {e.get('unavailable') or 'FAILED: ' + e['error'][:200]} | | | | | | |")
            continue
        lines.append(f"| {name} | {_cell(e, 'wall_s')} | {_cell(e, 'cpu_s')} | {_cell(e, 'work_s')} | "
                     f"{_cell(e, 'peak_rss_mb', 0)} | {_cell(e, 'tree_rss_mb', 0)} | {_cell(e, 'tree_pss_mb', 0)} | {_outputs(e.get('outputs', {}))} |")
    lines += ["", "## Ours / peer (median ratios; < 1 means we are faster or smaller)", "",
              "| comparison | wall | cpu | work | peak RSS |", "|---|---|---|---|---|"]
    for name, r in data.get("ratios", {}).items():
        lines.append(f"| {name} | {_fmt(r['wall_s'])} | {_fmt(r['cpu_s'])} | {_fmt(r['work_s'])} | {_fmt(r['peak_rss_mb'])} |")
    lines += _scaling_md(data.get("scaling", {}))
    lines += _stages_md(data["scenarios"])
    lines += ["", "## Budget", "", "| budget | result | verdict |", "|---|---|---|"]
    for b in data.get("budget", []):
        verdict = {True: "PASS", False: "**MISS**", None: "not measured"}[b["ok"]]
        lines.append(f"| {b['budget']} | {b['shown']} | {verdict} |")
    for key, what in (("profile", "the default build"), ("profile_classset", "the class set's parent process")):
        if data.get(key):
            lines += ["", f"Profile of {what}: [{data[key]['file']}]({data[key]['file']})."]
    if data.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in data["notes"]]
    return "\n".join(lines) + "\n"


def _load(value) -> str:
    return "n/a" if not value else " / ".join(f"{v:.1f}" for v in value)


def _outputs(outputs: dict) -> str:
    if "files" in outputs:
        return f"{outputs['files']} files, {outputs['pages']} PDF pages, {outputs['bytes'] / 1e6:.1f} MB"
    parts = []
    for name, info in outputs.items():
        pages = f", {info['pages']} pp" if info.get("pages") else ""
        parts.append(f"{Path(name).name} {info['bytes'] / 1e3:.0f} kB{pages}")
    return "; ".join(parts)


def _scaling_md(s: dict) -> list[str]:
    rows = s.get("rows", {})
    if not rows:
        return []
    lines = ["", "## Scaling (synthetic book, student edition, PDF + EPUB)", "",
             "| content | wall s | work s | work s per x | cpu s | peak MB |", "|---|---|---|---|---|---|"]
    for x in sorted(rows):
        r = rows[x]
        per = r["work_s"] / x if r.get("work_s") else None
        lines.append(f"| {x}x | {r['wall_s']:.2f} | {_fmt(r.get('work_s'))} | {_fmt(per, 3)} | "
                     f"{r['cpu_s']:.2f} | {r['peak_rss_mb']:.0f} |")
    if "work_s_exponent" in s:
        xmax = max(rows)
        lines += ["", f"From 1x to {xmax}x: work time x{s[f'work_s_growth_{xmax}x']:.1f} "
                      f"(exponent {s['work_s_exponent']:.2f}; 1.00 = linear), wall x{s[f'wall_s_growth_{xmax}x']:.1f}, "
                      f"peak memory x{s[f'peak_rss_mb_growth_{xmax}x']:.1f}.",
                  "Per stage, time at the largest scale / time at 1x: "
                  + ", ".join(f"{k} x{v:.1f}" for k, v in sorted(s.get("stage_growth", {}).items(), key=lambda kv: -kv[1]))]
    return lines


def _stages_md(sc: dict) -> list[str]:
    named = {k: e for k, e in sc.items() if e.get("stages_s")}
    if not named:
        return []
    stages = sorted({s for e in named.values() for s in e["stages_s"]})
    lines = ["", "## Where the time goes (median seconds per stage, inside the process)", "",
             "| scenario | import | " + " | ".join(stages) + " |", "|---|---|" + "---|" * len(stages)]
    for name, e in named.items():
        cells = " | ".join(_fmt(e["stages_s"].get(s)) for s in stages)
        lines.append(f"| {name} | {_fmt(e.get('import_s', {}).get('median'))} | {cells} |")
    return lines
