"""Measures the build on corpora of N reports: a cold build, then a rebuild after one report
changed, with the time of each stage, the peak memory of all the build's processes, and
the files and bytes of the site. Nothing here is a test.

The corpus (`bench/corpus.py`) is the bundled reports copied with implementers, names and
registration numbers of their own. Each size runs in a fresh process; the cold build uses
an empty cache, the rebuild the cache the cold build left. Results go to standard output
as a table and to .bench/build.json.

    python bench/build.py [--sizes 100 1000]      (make bench; BENCH_SIZES="100 1000 10000")
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / ".bench"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


class PeakMemory:
    """Peak memory of this process and all its descendants together, sampled from /proc (a
    pool's workers come and go; ru_maxrss would give only the largest).

    `peak` sums each process's proportional set size (PSS): a page that forked workers
    still share with the main process is counted once, split between them. `peak_rss`
    sums resident sizes, which counts such a page once per process (an upper bound)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.peak = 0
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        self.peak_rss = max(self.peak_rss, own)
        self.peak = self.peak or self.peak_rss

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            pss, rss = _tree_memory(os.getpid())
            self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)


def _tree_memory(pid: int) -> tuple[int, int]:
    """PSS and RSS of `pid` and its descendants, in bytes (PSS falls back to RSS where
    the kernel has no smaps_rollup)."""
    pss = rss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            own_rss = _field(Path(f"/proc/{current}/status"), "VmRSS:")
            try:
                own_pss = _field(Path(f"/proc/{current}/smaps_rollup"), "Pss:")
            except OSError:
                own_pss = own_rss
            pss, rss = pss + own_pss, rss + own_rss
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return pss, rss


def _field(path: Path, name: str) -> int:
    for line in path.read_text().splitlines():
        if line.startswith(name):
            return int(line.split()[1]) * 1024
    return 0


def build_once(files: list[Path], site: Path, cache: Path, jobs: int) -> dict[str, object]:
    from pipeline.publish.build import build_site
    from pipeline.settings import Settings

    stages: dict[str, float] = {}
    began, current = [time.perf_counter()], [""]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if current[0]:
            stages[current[0]] = stages.get(current[0], 0.0) + now - began[0]
        began[0], current[0] = now, stage

    start = time.perf_counter()
    with PeakMemory() as memory:
        build_site(files, Settings(out_dir=site, jobs=jobs, cache_dir=cache), progress)
    seconds = time.perf_counter() - start
    progress("end", 0, 0)
    return {
        "seconds": round(seconds, 2),
        "stages": {k: round(v, 2) for k, v in stages.items()},
        "peak_mib": round(memory.peak / 2**20),
        "peak_rss_mib": round(memory.peak_rss / 2**20),
    }


def run_one(size: int, jobs: int) -> dict[str, object]:
    import corpus

    work = OUT / f"build-{size}"
    shutil.rmtree(work, ignore_errors=True)
    files = corpus.make(size, work / "reports")
    site, cache = work / "_site", work / "cache"
    cold = build_once(files, site, cache, jobs)
    corpus.change(files[size // 2], 1)
    changed = build_once(files, site, cache, jobs)
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    pages = [(p.stat().st_size, p) for p in (site / "id" / "report").glob("*.html")]
    biggest = max(pages)
    row = {
        "reports": size,
        "jobs": jobs,
        "cold": cold,
        "one_changed": changed,
        "per_report_s": round(float(cold["seconds"]) / size, 3),  # type: ignore[arg-type]
        "files": len(sizes),
        "site_mib": round(sum(sizes) / 2**20, 1),
        "site_kib_per_report": round(sum(sizes) / size / 1024),
        "largest_report_page_kib": round(biggest[0] / 1024),
        "largest_file_mib": round(max(sizes) / 2**20, 1),
    }
    shutil.rmtree(work, ignore_errors=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.jobs)))
        return
    rows = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--jobs", str(args.jobs)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    OUT.mkdir(exist_ok=True)
    machine = (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    (OUT / "build.json").write_text(json.dumps({"machine": machine, "runs": rows}, indent=2) + "\n")
    print(f"build benchmark ({machine}, {args.jobs} jobs)")
    print(
        "| reports | cold | per report | one changed | peak memory (PSS) | (RSS sum) | files | site "
        "| per report "
        "| largest report page | largest file | cold stages |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        cold, changed = r["cold"], r["one_changed"]
        stages = ", ".join(f"{k} {v} s" for k, v in cold["stages"].items())
        print(
            f"| {r['reports']} | {cold['seconds']} s | {r['per_report_s']} s "
            f"| {changed['seconds']} s | {max(cold['peak_mib'], changed['peak_mib'])} MiB "
            f"| {max(cold.get('peak_rss_mib', 0), changed.get('peak_rss_mib', 0))} MiB "
            f"| {r['files']} | {r['site_mib']} MiB | {r['site_kib_per_report']} KiB "
            f"| {r['largest_report_page_kib']} KiB | {r['largest_file_mib']} MiB | {stages} |"
        )


if __name__ == "__main__":
    main()
