"""Measures rdflib against pyoxigraph on the aggregate queries researchers run on our data.

Builds a synthetic dataset shaped like the real one (reports, implementation years,
activities with indicators, funding amounts), then, for each engine in a fresh process,
times loading the N-Triples dump and each query, and reports the peak resident memory.
Both engines must give the same answers, or the run stops.

    python bench/query_engines.py [--reports 240] [--runs 3]      (or: make bench)
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(".bench")
V = "https://w3id.org/lodpipe/bench/vocab#"
BASE = "https://w3id.org/lodpipe/bench/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
REGIONS = ("kurzeme", "latgale", "riga", "vidzeme", "zemgale")
KINDS = ("participants", "events", "organisations", "volunteers", "publications")
QUALIFIERS = ("exact", "more-than", "at-least", "about")
MINORITIES = ("polish", "russian", "belarusian", "ukrainian", "lithuanian", "roma", "jewish")
ROLES = ("planned", "actual", "carried-over", "returned")

PREFIX = f"PREFIX v: <{V}>\n"
QUERIES = {
    "indicators by kind": PREFIX
    + """SELECT ?kind ?qualifier (COUNT(?i) AS ?n) (SUM(?value) AS ?total)
WHERE { ?a v:indicator ?i . ?i v:kind ?kind ; v:qualifier ?qualifier ; v:value ?value }
GROUP BY ?kind ?qualifier ORDER BY ?kind ?qualifier""",
    "funding by region/year": PREFIX
    + """SELECT ?region ?ordinal (SUM(?amount) AS ?actual)
WHERE { ?r v:region ?region ; v:funding ?f . ?f v:ordinal ?ordinal ; v:amount ?m .
        ?m v:role "actual" ; v:value ?amount }
GROUP BY ?region ?ordinal ORDER BY ?region ?ordinal""",
    "minorities per region": PREFIX
    + """SELECT ?region (COUNT(DISTINCT ?minority) AS ?minorities) (COUNT(DISTINCT ?a) AS ?acts)
WHERE { ?r v:region ?region ; v:year ?y . ?y v:activity ?a . ?a v:minority ?minority }
GROUP BY ?region ORDER BY ?region""",
    "top activities": PREFIX
    + """SELECT ?a ?value WHERE { ?a v:indicator ?i . ?i v:kind "participants" ; v:value ?value }
ORDER BY DESC(?value) ?a LIMIT 10""",
}


def _lit(value: object, datatype: str | None = None, lang: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{text}"@{lang}'
    return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'


def generate(path: Path, reports: int, seed: int = 7) -> int:
    """Writes the synthetic dump; returns its number of triples."""
    rng = random.Random(seed)
    lines: list[str] = []

    def t(s: str, p: str, o: str) -> None:
        lines.append(f"<{s}> <{p}> {o} .")

    for r in range(reports):
        report = f"{BASE}report/r{r:04d}"
        t(report, RDF_TYPE, f"<{V}Report>")
        t(report, V + "region", _lit(REGIONS[r % len(REGIONS)]))
        t(report, V + "title", _lit(f"Atskaite {r}", lang="lv"))
        for y in range(1, 4):
            year = f"{report}/year/{y}"
            t(report, V + "year", f"<{year}>")
            t(year, V + "ordinal", _lit(y, "integer"))
            for n in range(1, rng.randint(20, 40)):
                act = f"{year}/activity/{n}"
                t(year, V + "activity", f"<{act}>")
                t(act, RDF_TYPE, f"<{V}Activity>")
                t(act, V + "position", _lit(n, "integer"))
                t(
                    act,
                    V + "text",
                    _lit(f"Pasākums {n}, {rng.randint(5, 900)} dalībnieki", lang="lv"),
                )
                t(act, V + "line", _lit(rng.randint(10, 300), "integer"))
                for m in rng.sample(MINORITIES, rng.randint(0, 2)):
                    t(act, V + "minority", f"<{BASE}minority/{m}>")
                for i in range(rng.randint(0, 3)):
                    ind = f"{act}/indicator/{i + 1}"
                    t(act, V + "indicator", f"<{ind}>")
                    t(ind, V + "value", _lit(rng.randint(1, 900), "integer"))
                    t(ind, V + "kind", _lit(rng.choice(KINDS)))
                    t(ind, V + "qualifier", _lit(rng.choice(QUALIFIERS)))
                    t(ind, V + "phrase", _lit(f"vairāk nekā {i} dalībnieki", lang="lv"))
            funding = f"{report}/funding/{y}"
            t(report, V + "funding", f"<{funding}>")
            t(funding, V + "ordinal", _lit(y, "integer"))
            for k, role in enumerate(ROLES):
                amount = f"{funding}/amount/{k}"
                t(funding, V + "amount", f"<{amount}>")
                t(amount, V + "role", _lit(role))
                t(amount, V + "value", _lit(f"{rng.randint(1000, 90000)}.{k}0", "decimal"))
                t(amount, V + "text", _lit("53 948, 50"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(engine: str, dump: Path, runs: int) -> dict[str, object]:
    """Runs in its own process so peak memory belongs to one engine only."""
    started = time.perf_counter()
    if engine == "rdflib":
        import rdflib

        graph = rdflib.Graph()
        graph.parse(dump, format="nt")

        def run(query: str) -> list[list[str]]:
            return [[str(v) for v in row] for row in graph.query(query)]
    else:
        import pyoxigraph

        store = pyoxigraph.Store()
        store.load(path=str(dump), format=pyoxigraph.RdfFormat.N_TRIPLES)

        def run(query: str) -> list[list[str]]:
            return [[str(v.value) for v in row] for row in store.query(query)]

    loaded = time.perf_counter() - started
    times: dict[str, float] = {}
    answers: dict[str, list[list[str]]] = {}
    for name, query in QUERIES.items():
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            answers[name] = run(query)
            samples.append(time.perf_counter() - t0)
        times[name] = statistics.median(samples)
    return {"load": loaded, "queries": times, "answers": answers, "peak_mib": _peak_mib()}


def _normalise(rows: list[list[str]]) -> list[list[str]]:
    # rdflib writes 1.50 for a decimal sum where oxigraph writes 1.5; compare as numbers.
    def cell(value: str) -> str:
        try:
            return repr(round(float(value), 6))
        except ValueError:
            return value

    return [[cell(v) for v in row] for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=240, help="synthetic reports")
    parser.add_argument("--runs", type=int, default=3, help="runs per query (median shown)")
    parser.add_argument("--engine", choices=["rdflib", "pyoxigraph"], help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:  # the child process
        print(json.dumps(measure(args.engine, args.dump, args.runs)))
        return
    OUT.mkdir(exist_ok=True)
    dump = OUT / f"synthetic-{args.reports}.nt"
    triples = generate(dump, args.reports)
    size = dump.stat().st_size / 2**20
    print(f"dataset: {triples:,} triples, {size:.1f} MiB N-Triples ({args.reports} reports)")
    print(f"python {platform.python_version()}, {platform.machine()}, {_cpu_count()} CPUs")
    results = {}
    for engine in ("pyoxigraph", "rdflib"):
        command = [sys.executable, __file__, "--engine", engine, "--dump", str(dump)]
        child = subprocess.run(
            [*command, "--runs", str(args.runs)], check=True, capture_output=True, text=True
        )
        results[engine] = json.loads(child.stdout)
    ox, rl = results["pyoxigraph"], results["rdflib"]
    for name in QUERIES:
        if _normalise(ox["answers"][name]) != _normalise(rl["answers"][name]):
            sys.exit(f"the engines disagree on {name!r}")
    print(f"\n{'':28} {'pyoxigraph':>12} {'rdflib':>12} {'ratio':>8}")
    print(f"{'load N-Triples (s)':28} {ox['load']:12.2f} {rl['load']:12.2f} "
          f"{rl['load'] / ox['load']:7.0f}x")  # fmt: skip
    for name in QUERIES:
        a, b = ox["queries"][name], rl["queries"][name]
        print(f"{name + ' (s)':28} {a:12.3f} {b:12.3f} {b / a:7.0f}x")
    print(f"{'peak memory (MiB)':28} {ox['peak_mib']:12.0f} {rl['peak_mib']:12.0f}")
    print("\nThe engines gave the same answers to every query.")


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
