"""The queries answered in a process of their own: the same answers as in this process,
whatever the process was first told, whatever the current folder holds, and it never
outlives the build or holds the store for a build that stopped."""

from __future__ import annotations

import gc
import gzip
import io
import json
import os
import pickle
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pipeline.publish import queryprocess
from pipeline.publish.answers import SHOWN_ROWS, Answered, answered
from pipeline.publish.queryprocess import QueriesFailed, answering
from pipeline.publish.querystore import StoreBusy, query_store
from pipeline.settings import QUERIES, resource_dir
from pipeline.store import Dataset, Ran, Solutions, load_dataset, run_queries, run_query_file
from tests.publish.parts import EX, make_part


def _data_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    # two triples: one that stays, one that a test replaces (`_vocabulary`)
    _vocabulary(data, f'<{EX}r> <{EX}p> "checked" .\n')
    return data


def _vocabulary(data: Path, lines: str) -> None:
    (data / "ontology.ttl").write_text(f"<{EX}v> <{EX}p> <{EX}o> .\n{lines}", encoding="utf-8")


def _questions(tmp_path: Path, **queries: str) -> Path:
    folder = tmp_path / "queries"
    folder.mkdir()
    for name, text in queries.items():
        (folder / f"{name}.rq").write_text(text, encoding="utf-8")
    return folder


COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }\n"
VALUES = "SELECT ?o { ?s ?p ?o } ORDER BY ?o\n"


def _count(found: object) -> str:
    return found[0].result.rows[0][0].value  # type: ignore[index, no-any-return]


def _answered_here(files: list[Path], questions: Path) -> tuple[Answered, ...]:
    """The same queries run in this process, kept as the process keeps them."""
    return tuple(answered(ran) for ran in run_queries(load_dataset(files), questions))


def test_the_answers_are_those_of_the_same_queries_run_here(tmp_path: Path) -> None:
    """Over the shared triples, each report's part and the vocabulary. The
    process loads what it is first told, then the rest: here a part it was first told of
    is left out in the end, and another one comes in."""
    data = _data_folder(tmp_path)
    reports = [make_part(tmp_path, name, 3).path for name in "ab"]
    shared = f'<{EX}s> <{EX}p> "shared" .\n'.encode()
    questions = _questions(tmp_path, count=COUNT, values=VALUES)
    early = [reports[0], make_part(tmp_path, "gone", 2).path]
    with answering(tmp_path / "cache", tmp_path / "scratch", early, questions) as queries:
        queries.complete(shared, reports, data)
        found = queries.answers()
    (tmp_path / "shared.nt").write_bytes(shared)
    files = [tmp_path / "shared.nt", *reports, data / "ontology.ttl"]
    assert found == _answered_here(files, questions)
    assert _count(found) == "9"  # 1 shared + 2 × 3 + 2 of the vocabulary
    assert list((tmp_path / "scratch").iterdir()) == []  # what it was handed is gone


class _Together:
    """A store whose queries each start only once `n` of them have been asked at once
    (or fail after `wait` seconds): a test of what runs side by side that reads no clock."""

    def __init__(self, store: object, n: int, wait: float = 10.0) -> None:
        self._store = store
        self._all_in = threading.Barrier(n, timeout=wait)

    def query(self, *args: object, **options: object) -> object:
        self._all_in.wait()
        return self._store.query(*args, **options)  # type: ignore[attr-defined]


def test_the_queries_are_answered_side_by_side(tmp_path: Path) -> None:
    """With two threads, two queries run at once (the engine lets go of Python's lock,
    and a query's lookups in the on-disk store need not wait for another's); the answers
    are the same and in the queries' order."""
    part = make_part(tmp_path, "a", 4).path
    questions = _questions(tmp_path, count=COUNT, values=VALUES)
    loaded = load_dataset([part])
    together = Dataset(store=_Together(loaded.store, 2), files=(part,))
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = tuple(q.result() for q in queryprocess._ask(pool, together, questions))
    assert found == _answered_here([part], questions)
    assert [a.path.name for a in found] == ["count.rq", "values.rq"]


def test_the_process_answers_with_the_builds_jobs(tmp_path: Path) -> None:
    """The same answers whatever the number of threads the build gives the process."""
    data = _data_folder(tmp_path)
    reports = [make_part(tmp_path, name, 3).path for name in "abc"]
    questions = _questions(tmp_path, count=COUNT, values=VALUES, more=VALUES)
    found = []
    for threads in (1, 3):
        cache, scratch = tmp_path / f"cache{threads}", tmp_path / f"scratch{threads}"
        with answering(cache, scratch, reports[:1], questions, threads=threads) as queries:
            queries.complete(b"", reports, data)
            found.append(queries.answers())
    assert found[0] == found[1]
    assert _count(found[1]) == "11"  # 3 × 3 + 2 of the vocabulary


def test_a_long_answer_comes_back_as_the_page_keeps_it(tmp_path: Path) -> None:
    """The process sends the first rows, the count and the CSV, not every row: every row
    of every answer would be held by the build while it renders its last pages."""
    data = _data_folder(tmp_path)
    many = make_part(tmp_path, "many", SHOWN_ROWS + 50).path
    questions = _questions(tmp_path, values=VALUES)
    with answering(tmp_path / "cache", tmp_path / "scratch", [many], questions) as queries:
        queries.complete(b"", [many], data)
        (found,) = queries.answers()
    total = SHOWN_ROWS + 50 + 2  # the part's and the vocabulary's objects
    assert isinstance(found.result, Solutions) and len(found.result.rows) == SHOWN_ROWS
    assert found.total == total
    assert found.table.count(b"\r\n") == total + 1  # the header and every row
    assert b'"many 149"' not in found.table and b"many 149\r\n" in found.table


def test_a_store_held_elsewhere_is_named_before_the_pages_are_made(tmp_path: Path) -> None:
    """Another build holds the store: the process says so at once, and `complete` (called
    before the site's pages are rendered) raises it; the other build's files stay."""
    data = _data_folder(tmp_path)
    folder = tmp_path / "cache"
    held = query_store(folder, [])
    theirs = folder / "shared-0000.nt"
    theirs.write_bytes(b"the other build's")
    with answering(folder, tmp_path / "scratch", [], resource_dir(QUERIES)) as busy:
        time.sleep(0.2)
        for _ in range(300):
            if busy._process.poll() is not None:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the process did not stop")
        with pytest.raises(StoreBusy, match="in use by another build"):
            busy.complete(b"", [], data)
    assert theirs.read_bytes() == b"the other build's"
    del held
    gc.collect()
    with answering(folder, tmp_path / "scratch", [], resource_dir(QUERIES)) as free:
        free.complete(b"", [], data)
        assert len(free.answers()) == len(list(resource_dir(QUERIES).glob("*.rq")))


def test_the_process_imports_the_builds_lodpipe_not_the_current_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data project often has a `pipeline` package of its own: run from there, the
    process still imports lodpipe."""
    project = tmp_path / "project"
    (project / "pipeline").mkdir(parents=True)
    (project / "pipeline" / "__init__.py").write_text("raise ImportError('not lodpipe')\n")
    monkeypatch.chdir(project)
    data = _data_folder(tmp_path)
    kept = make_part(tmp_path, "kept", 3)
    questions = _questions(tmp_path, count=COUNT)
    with answering(tmp_path / "cache", tmp_path / "scratch", [kept.path], questions) as queries:
        queries.complete(b"", [kept.path], data)
        assert _count(queries.answers()) == "5"  # 3 + 2 of the vocabulary


def test_a_build_that_stops_takes_the_process_with_it(tmp_path: Path) -> None:
    """The build fails after the process started, loading: the process goes, and the next
    build gets the answers of its own data."""
    data = _data_folder(tmp_path)
    folder = tmp_path / "cache"
    first = [make_part(tmp_path, f"first{i}", 2000).path for i in range(5)]
    with answering(folder, tmp_path / "scratch", first, resource_dir(QUERIES)) as stopped:
        time.sleep(1)  # it is loading
    assert stopped._process.poll() is not None
    final = make_part(tmp_path, "final", 4)
    questions = _questions(tmp_path, count=COUNT)
    with answering(folder, tmp_path / "scratch", [final.path], questions) as queries:
        queries.complete(b"", [final.path], data)
        assert _count(queries.answers()) == "6"  # 4 + 2 of the vocabulary
    listed = json.loads((folder / "loaded.json").read_text())
    # the shared graph, the part and the vocabulary
    assert len(listed) == 3 and f"urn:lodpipe:part:{final.digest}" in listed


@pytest.mark.parametrize("answered_before", [False, True])
def test_the_process_does_not_outlive_a_build_that_died(
    tmp_path: Path, answered_before: bool
) -> None:
    """A build killed by the system runs no clean-up: the process sees its input end and
    stops, leaving the store to the next build; also when a site answered before had it
    answer early."""
    import subprocess
    import sys

    data = _data_folder(tmp_path)
    if answered_before:
        with answering(tmp_path / "cache", tmp_path / "s", [], resource_dir(QUERIES)) as q:
            q.complete(b"", [], data)
            assert q.answers()
        assert (tmp_path / "cache" / "site.json").is_file()

    script = (
        "import sys, time; from pathlib import Path\n"
        "from pipeline.publish.queryprocess import answering\n"
        "from pipeline.settings import QUERIES, resource_dir\n"
        "t = Path(sys.argv[1])\n"
        "with answering(t / 'cache', t / 'scratch', [], resource_dir(QUERIES)) as q:\n"
        "    print(q._process.pid, flush=True)\n"
        "    time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True
    ) as build:
        assert build.stdout is not None
        child = int(build.stdout.readline())
        build.kill()
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the query process outlived its build")
    with answering(tmp_path / "cache", tmp_path / "scratch2", [], resource_dir(QUERIES)) as q:
        q.complete(b"", [], data)
        assert q.answers()


def test_a_part_replaced_after_the_process_loaded_it_is_read_as_it_is_at_the_end(
    tmp_path: Path,
) -> None:
    """A build replaces a damaged cache entry after it started the process: the file it
    first named has other content under the same name, or is gone."""
    data = _data_folder(tmp_path)
    changed, gone = make_part(tmp_path, "changed", 2), make_part(tmp_path, "gone", 2)
    questions = _questions(tmp_path, values=VALUES)
    folder = tmp_path / "cache"
    with answering(folder, tmp_path / "scratch", [changed.path, gone.path], questions) as queries:
        for _ in range(300):  # until the process has loaded what it was first told of
            manifest = folder / "loaded.json"
            listed = manifest.read_text() if manifest.exists() else ""
            if changed.digest in listed and gone.digest in listed:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the process did not load the parts it was first told of")
        gone.path.unlink()
        replacement = changed.path.with_suffix(".tmp")
        replacement.write_text(f'<{EX}c> <{EX}p> "replaced" .\n', encoding="utf-8")
        os.replace(replacement, changed.path)
        queries.complete(b"", [changed.path], data)
        found = queries.answers()
    values = [row[0].value for row in found[0].result.rows]  # type: ignore[union-attr]
    assert values == [f"{EX}o", "checked", "replaced"]  # the vocabulary's, the new part


def test_parts_that_cannot_be_read_at_first_are_left_to_the_end(tmp_path: Path) -> None:
    """A part named first may be missing or damaged (the build reads it again and replaces
    it): the process answers over the parts it is given in the end."""
    data = _data_folder(tmp_path)
    kept = make_part(tmp_path, "kept", 3)
    damaged = tmp_path / "damaged.nt.gz"
    damaged.write_bytes(gzip.compress(f'<{EX}d> <{EX}p> "d" .\n'.encode())[:-12])
    questions = _questions(tmp_path, count=COUNT)
    early = [tmp_path / "never.nt", damaged, kept.path]
    with answering(tmp_path / "cache", tmp_path / "scratch", early, questions) as queries:
        queries.complete(b"", [kept.path], data)
        assert _count(queries.answers()) == "5"  # 3 + 2 of the vocabulary


def test_the_handover_touches_nothing_else_in_its_folder(tmp_path: Path) -> None:
    """The files handed to the process are removed after it, however the build ends;
    files of the same names already in the folder it is given are not lodpipe's."""
    data = _data_folder(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    theirs = {
        name: f"someone's {name}".encode() for name in ("request.json", "order.json", "shared.nt")
    }
    for name, content in theirs.items():
        (scratch / name).write_bytes(content)
    with answering(tmp_path / "cache", scratch, [], resource_dir(QUERIES)):
        pass  # a build that stopped before it gave the rest
    with answering(tmp_path / "cache", scratch, [], resource_dir(QUERIES)) as queries:
        queries.complete(b"", [], data)
        assert queries.answers()
    assert {p.name: p.read_bytes() for p in scratch.iterdir()} == theirs


SHARED = f'<{EX}s> <{EX}p> "shared" .\n'.encode()


def _site(tmp_path: Path, folder: Path, reports: list[Path], data: Path, questions: Path) -> object:
    with answering(folder, tmp_path / "scratch", reports, questions) as queries:
        queries.complete(SHARED, reports, data)
        return queries.answers()


def test_answers_made_before_the_rest_is_known_are_kept_only_when_it_is_the_same(
    tmp_path: Path,
) -> None:
    """The process answers over the last site's shared graph and vocabulary while the
    build works out this site's: when the vocabulary changed, the answers are those of
    the new one, not of the old."""
    data = _data_folder(tmp_path)
    folder = tmp_path / "cache"
    questions = _questions(tmp_path, count=COUNT, values=VALUES)
    a, b = (make_part(tmp_path, name, 3).path for name in "ab")
    assert _count(_site(tmp_path, folder, [a, b], data, questions)) == "9"
    c = make_part(tmp_path, "c", 4).path
    same = _site(tmp_path, folder, [a, c], data, questions)
    (tmp_path / "shared.nt").write_bytes(SHARED)
    files = [tmp_path / "shared.nt", a, c, data / "ontology.ttl"]
    assert same == _answered_here(files, questions)
    assert _count(same) == "10"
    _vocabulary(data, f'<{EX}r> <{EX}p> "checked again" .\n<{EX}r> <{EX}q> "twice" .\n')
    changed = _site(tmp_path, folder, [a, c], data, questions)
    assert _count(changed) == "11"
    assert changed == _answered_here(files, questions)


def test_when_only_reports_changed_the_early_answers_are_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the process itself: after a site was answered, a build that changed one report
    gets the answers made over the last site's other parts, and runs no query twice."""
    data = _data_folder(tmp_path)
    folder = tmp_path / "cache"
    questions = _questions(tmp_path, count=COUNT, values=VALUES)
    a, b = (make_part(tmp_path, name, 3).path for name in "ab")
    _site(tmp_path, folder, [a, b], data, questions)
    c = make_part(tmp_path, "c", 4).path
    handover = tmp_path / "handover"
    handover.mkdir()
    asked = {"reports": [str(a), str(c)], "directory": str(questions)}
    (handover / "request.json").write_text(json.dumps(asked), encoding="utf-8")
    (handover / "order.json").write_text(json.dumps({**asked, "data": str(data)}))
    (handover / "shared.nt").write_bytes(SHARED)
    ran: list[Path] = []

    def counted(dataset: Dataset, path: Path) -> Ran:
        ran.append(path)
        return run_query_file(dataset, path)

    monkeypatch.setattr(queryprocess, "run_query_file", counted)
    kind, found = pickle.loads(queryprocess._answer(folder, handover, io.BytesIO(b"go\n")))
    gc.collect()  # the store's lock
    assert kind == "answers"
    assert ran == sorted(questions.glob("*.rq"))
    (tmp_path / "shared.nt").write_bytes(SHARED)
    files = [tmp_path / "shared.nt", a, c, data / "ontology.ttl"]
    assert found == _answered_here(files, questions)


def test_early_answers_are_given_up_when_the_order_comes_after_them_and_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build names the site's parts only after every early answer was made, and the
    vocabulary changed meanwhile: the answers are made again, over it."""
    import threading

    data = _data_folder(tmp_path)
    folder = tmp_path / "cache"
    questions = _questions(tmp_path, count=COUNT, values=VALUES)
    a = make_part(tmp_path, "a", 3).path
    _site(tmp_path, folder, [a], data, questions)
    _vocabulary(data, f'<{EX}r> <{EX}p> "checked again" .\n<{EX}r> <{EX}q> "twice" .\n')
    handover = tmp_path / "handover"
    handover.mkdir()
    asked = {"reports": [str(a)], "directory": str(questions)}
    (handover / "request.json").write_text(json.dumps(asked), encoding="utf-8")
    (handover / "order.json").write_text(json.dumps({**asked, "data": str(data)}))
    (handover / "shared.nt").write_bytes(SHARED)
    done = threading.Event()
    early: list[Path] = []

    def counted(dataset: Dataset, path: Path) -> Ran:
        early.append(path)
        if len(early) == len(list(questions.glob("*.rq"))):
            done.set()
        return run_query_file(dataset, path)

    class Late:
        def readline(self) -> bytes:
            done.wait(60)
            return b"go\n"

    monkeypatch.setattr(queryprocess, "run_query_file", counted)
    kind, found = pickle.loads(queryprocess._answer(folder, handover, Late()))  # type: ignore[arg-type]
    gc.collect()  # the store's lock
    # every early answer was made, then each one again over the site's parts
    assert kind == "answers" and early == sorted(questions.glob("*.rq")) * 2
    (tmp_path / "shared.nt").write_bytes(SHARED)
    files = [tmp_path / "shared.nt", a, data / "ontology.ttl"]
    assert found == _answered_here(files, questions)
    assert _count(found) == "7"  # 1 shared + 3 + 3 of the vocabulary


def test_a_query_that_fails_is_named_in_one_line(tmp_path: Path) -> None:
    """The build shows the last line the process wrote on its errors: a query's error,
    whose message runs over many lines, comes as one naming the query's file."""
    data = _data_folder(tmp_path)
    reports = [make_part(tmp_path, "a", 3).path]
    questions = _questions(tmp_path, count=COUNT, wrong="SELECT ?s WHERE { ?s\n")
    with answering(tmp_path / "cache", tmp_path / "scratch", reports, questions) as queries:
        queries.complete(b"", reports, data)
        with pytest.raises(QueriesFailed) as failed:
            queries.answers()
    assert re.fullmatch(
        r"the queries could not be answered: wrong\.rq: QueryError: not valid SPARQL: [^\n]+",
        str(failed.value),
    )


def test_parts_named_after_the_start_are_loaded_before_any_early_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build starts the process with the reports from the cache and names the one it
    made later: the early answers are made over both, each query once, and are the
    site's."""
    data = _data_folder(tmp_path)
    folder = tmp_path / "cache"
    questions = _questions(tmp_path, count=COUNT, values=VALUES)
    a, b = (make_part(tmp_path, name, 3).path for name in "ab")
    _site(tmp_path, folder, [a, b], data, questions)
    c = make_part(tmp_path, "c", 4).path
    handover = tmp_path / "handover"
    handover.mkdir()
    asked = {"reports": [str(a)], "directory": str(questions), "more": True}
    (handover / "request.json").write_text(json.dumps(asked), encoding="utf-8")
    (handover / "more.json").write_text(json.dumps({"reports": [str(c)]}), encoding="utf-8")
    order = {"reports": [str(a), str(c)], "data": str(data)}
    (handover / "order.json").write_text(json.dumps(order), encoding="utf-8")
    (handover / "shared.nt").write_bytes(SHARED)
    ran: list[Path] = []

    def counted(dataset: Dataset, path: Path) -> Ran:
        ran.append(path)
        return run_query_file(dataset, path)

    monkeypatch.setattr(queryprocess, "run_query_file", counted)
    orders = io.BytesIO(b"more\ngo\n")
    kind, found = pickle.loads(queryprocess._answer(folder, handover, orders))
    gc.collect()  # the store's lock
    assert kind == "answers"
    assert ran == sorted(questions.glob("*.rq"))
    (tmp_path / "shared.nt").write_bytes(SHARED)
    files = [tmp_path / "shared.nt", a, c, data / "ontology.ttl"]
    assert found == _answered_here(files, questions)
    assert _count(found) == "10"  # 1 shared + 3 + 4 + 2 of the vocabulary
    # In a process of its own, as the build runs it.
    d = make_part(tmp_path, "d", 5).path
    with answering(folder, tmp_path / "scratch", [a], questions, more=True) as queries:
        queries.more([d])
        queries.complete(SHARED, [a, d], data)
        assert _count(queries.answers()) == "11"
