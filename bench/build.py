"""Measures the whole build on a corpus of N reports: time per stage and peak memory.

The corpus is the bundled reports copied under new file names (so every copy is a report
of its own, with its own IRIs), N in total. Each size runs in a fresh process. Numbers go to
standard output as a table and to .bench/build.json; nothing here is a test.

    python bench/build.py [--sizes 5 25 50] (or: make bench)
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / ".bench"


def corpus(size: int, folder: Path) -> list[Path]:
    originals = sorted((REPO / "reports").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n in range(size):
        source = originals[n % len(originals)]
        target = folder / f"{n:05d}_{source.stem.split('_', 1)[1]}.txt"
        shutil.copyfile(source, target)
        files.append(target)
    return files


def run_one(size: int) -> dict[str, object]:
    """Builds `size` reports in this process and returns the measurements."""
    sys.path.insert(0, str(REPO))
    from pipeline.publish.build import build_site, default_jobs
    from pipeline.settings import Settings

    work = OUT / f"build-{size}"
    shutil.rmtree(work, ignore_errors=True)
    files = corpus(size, work / "reports")
    stages: dict[str, float] = {}
    last = [time.perf_counter(), ""]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if last[1]:
            stages[str(last[1])] = stages.get(str(last[1]), 0.0) + now - float(last[0])
        last[0], last[1] = now, stage

    start = time.perf_counter()
    result = build_site(files, Settings(out_dir=work / "_site", jobs=default_jobs()), progress)
    total = time.perf_counter() - start
    progress("end", 0, 0)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    written = len(result.files)
    shutil.rmtree(work, ignore_errors=True)
    return {
        "reports": size,
        "seconds": round(total, 2),
        "seconds_per_report": round(total / size, 3),
        "stages": {k: round(v, 2) for k, v in stages.items()},
        "files": written,
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 25, 50])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    OUT.mkdir(exist_ok=True)
    machine = f"{platform.processor() or platform.machine()}, {platform.python_version()}"
    (OUT / "build.json").write_text(json.dumps({"machine": machine, "runs": rows}, indent=2) + "\n")
    print(f"build benchmark ({machine})")
    print(f"{'reports':>8} {'total s':>8} {'s/report':>9} {'files':>6} {'peak MiB':>9}  stages (s)")
    for r in rows:
        stages = ", ".join(f"{k} {v}" for k, v in r["stages"].items())  # type: ignore[attr-defined]
        print(
            f"{r['reports']:>8} {r['seconds']:>8} {r['seconds_per_report']:>9} "
            f"{r['files']:>6} {r['peak_rss_mib']:>9}  {stages}"
        )


if __name__ == "__main__":
    main()
