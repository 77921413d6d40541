"""Run one command in a fresh process and measure it: wall time, CPU time and peak memory.

Peak memory is read two ways, because they answer different questions:
- ``peak_rss_mb``: the kernel's high-water mark from ``wait4`` (ru_maxrss) for the child,
  which Linux widens to the largest of its own and its reaped children's peaks. It is exact,
  but it is the peak of *one* process, not a sum.
- ``tree_rss_mb``: the largest *sum* of RSS over the child and all its descendants, sampled from
  /proc every 20 ms. It catches worker pools (several processes alive at once) and external
  tools; being sampled it can miss a spike shorter than the interval.
- ``tree_pss_mb``: the same sum in PSS (proportional set size, /proc/PID/smaps_rollup), where a
  page shared by several processes (worker processes forked from the build share the
  interpreter and the libraries loaded before the fork) counts once, split between them: the
  memory the build really takes from the machine. Sampled less often (see ``TreeSampler``).
CPU time (user + system) includes reaped children, so pandoc's time counts for the peers.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


@dataclass
class Sample:
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    tree_rss_mb: float
    tree_pss_mb: float
    returncode: int
    result: dict = field(default_factory=dict)  # what the child reported (work time, stages)
    stderr: str = ""


def _children_map(oldest: int) -> dict[int, list[int]]:
    """parent pid -> child pids, for processes no older than ``oldest`` (pids grow with time,
    so reading only those keeps each scan well under a millisecond)."""
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) < oldest:
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name may contain spaces and parentheses: fields start after the last ')'
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _tree_processes(root: int) -> list[int]:
    kids, found, todo = _children_map(root), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(kids.get(pid, ()))
    return found


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/statm", "rb") as handle:
        return int(handle.read().split()[1]) * PAGE_MB


def _summed_mb(pids: list[int], read) -> float:
    total = 0.0
    for pid in pids:
        # a process may end between the scan and the read
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += read(pid)
    return total


def _pss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
        for line in handle:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) / 1024  # kB
    return 0.0


class TreeSampler(threading.Thread):
    """Samples the summed RSS and PSS of a process tree until ``stop`` is set.

    PSS is read on every ``PSS_EVERY``-th sample only: the kernel walks the page tables of each
    process to compute it, which on a 2-core machine slowed the measured build by 0.1 s when
    read every 20 ms. Its peak may therefore be missed by up to that interval."""

    PSS_EVERY = 10

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0.0, 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        tick = 0
        while not self.stop.is_set():
            pids = _tree_processes(self.pid)
            self.peak = max(self.peak, _summed_mb(pids, _rss_mb))
            if tick % self.PSS_EVERY == 0:
                self.peak_pss = max(self.peak_pss, _summed_mb(pids, _pss_mb))
            tick += 1
            self.stop.wait(self.interval)


def run_fresh(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> Sample:
    """Run ``cmd`` once in a new process. The child may write a JSON report to the file named
    by $BENCH_RESULT; it comes back as ``Sample.result``."""
    with tempfile.TemporaryDirectory(prefix="nlmg-bench-") as tmp:
        result_path, err_path = Path(tmp) / "result.json", Path(tmp) / "stderr.txt"
        child_env = dict(os.environ if env is None else env, BENCH_RESULT=str(result_path))
        with open(err_path, "wb") as err, open(os.devnull, "wb") as devnull:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, env=child_env, stdout=devnull, stderr=err)
            sampler = TreeSampler(proc.pid)
            sampler.start()
            status, usage = _wait(proc, timeout)
            wall = time.perf_counter() - start
            sampler.stop.set()
            sampler.join()
        returncode = os.waitstatus_to_exitcode(status)
        proc.returncode = returncode  # already reaped by wait4: keep Popen from waiting again
        result = json.loads(result_path.read_text()) if result_path.is_file() else {}
        stderr = err_path.read_text(errors="replace")[-4000:]
    return Sample(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime,
                  peak_rss_mb=usage.ru_maxrss / 1024, tree_rss_mb=max(sampler.peak, usage.ru_maxrss / 1024), tree_pss_mb=sampler.peak_pss,
                  returncode=returncode, result=result, stderr=stderr)


def _wait(proc: subprocess.Popen, timeout: float):
    """Block in wait4 (exact end time and the child's own rusage); kill it after ``timeout``."""
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _pid, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    return status, usage
