"""The query store kept in the build cache: brought up to date graph by graph, it holds
exactly what a store loaded from scratch holds, and a half-loaded graph never counts."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from pipeline.publish.querystore import Part, StoreBusy, query_store
from pipeline.store import execute
from tests.publish.parts import EX, make_part


def _triples(folder: Path, parts: list[Part]) -> set[str]:
    dataset = query_store(folder, parts)
    found = {str(q.triple) for q in dataset.store.quads_for_pattern(None, None, None)}
    del dataset  # closes the store
    return found


def test_an_updated_store_holds_what_a_fresh_one_holds(tmp_path: Path) -> None:
    a, b, c = (make_part(tmp_path, name, 5) for name in "abc")
    kept = tmp_path / "kept"
    assert len(_triples(kept, [a, b])) == 10
    updated = _triples(kept, [a, c])
    assert updated == _triples(tmp_path / "fresh", [a, c])
    assert all("/b/" not in t for t in updated) and len(updated) == 10
    assert json.loads((kept / "loaded.json").read_text()) == sorted(
        f"urn:lodpipe:part:{p.digest}" for p in (a, c)
    )


def test_the_union_of_the_graphs_is_the_default_graph_of_the_queries(tmp_path: Path) -> None:
    parts = [make_part(tmp_path, name, 3) for name in "ab"]
    dataset = query_store(tmp_path / "store", parts)
    rows = execute(dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert rows.rows[0][0] is not None and rows.rows[0][0].value == "6"  # type: ignore[union-attr]


def test_a_graph_not_listed_as_loaded_is_loaded_again(tmp_path: Path) -> None:
    """An interrupted build can leave a graph half loaded: only graphs listed in the
    manifest, written once every graph is complete, are kept."""
    a = make_part(tmp_path, "a", 4)
    folder = tmp_path / "store"
    _triples(folder, [a])
    store = ox.Store(str(folder / "store"))
    graph = ox.NamedNode(f"urn:lodpipe:part:{a.digest}")
    store.remove(next(iter(store.quads_for_pattern(None, None, None, graph))))  # "half" loaded
    del store
    (folder / "loaded.json").write_text("[]")
    assert len(_triples(folder, [a])) == 4


def test_a_store_open_in_another_build_is_refused_by_name(tmp_path: Path) -> None:
    a = make_part(tmp_path, "a", 1)
    first = query_store(tmp_path / "store", [a])
    with pytest.raises(StoreBusy, match="in use by another build"):
        query_store(tmp_path / "store", [a])
    assert len(first) == 1


def test_a_store_left_in_a_reference_cycle_by_an_earlier_build_is_reopened(
    tmp_path: Path,
) -> None:
    a = make_part(tmp_path, "a", 1)
    gc.disable()  # no collection but the one the store asks for
    try:
        cycle: list[object] = [query_store(tmp_path / "store", [a])]
        cycle.append(cycle)
        del cycle  # unreachable, and its store still open until collected
        again = query_store(tmp_path / "store", [a])
    finally:
        gc.enable()
    assert len(again) == 1


def test_the_shared_graph_file_replaces_only_its_own_earlier_files(tmp_path: Path) -> None:
    """The holder of the store removes the shared graph's previous file from the store's
    folder: nothing it did not write, there or beside it."""
    from pipeline.publish.querystore import shared_file

    folder = tmp_path / "cache" / "queries"
    folder.mkdir(parents=True)
    mine = {
        folder / "notes.txt": b"the user's",
        folder / "shared.nt": b"not ours: no digest in the name",
        tmp_path / "cache" / "shared-beside.nt": b"beside the folder",
    }
    for path, content in mine.items():
        path.write_bytes(content)
    first = shared_file(folder, b"")
    second = shared_file(folder, f'<{EX}s> <{EX}p> "1" .\n'.encode())
    assert not first.exists() and second.read_bytes().startswith(b"<")
    assert list(folder.glob("shared-*.nt")) == [second]
    for path, content in mine.items():
        assert path.read_bytes() == content, path


def test_the_files_of_a_store_do_not_grow_with_its_number_of_graphs(tmp_path: Path) -> None:
    """Each bulk write leaves files of its own in the store; one write per report left a
    cold store of 10,000 reports with 40,000 files, slowing every later write. The graphs
    go into bulk writes of many triples, whatever the graphs."""
    folder = tmp_path / "store"

    def files_after(n: int) -> int:
        parts = [make_part(tmp_path, f"r{i}", 3) for i in range(n)]
        dataset = query_store(folder, parts)
        del dataset  # closes the store
        return sum(1 for f in (folder / "store").iterdir() if f.suffix == ".sst")

    few = files_after(2)
    for f in folder.glob("store/*"):
        f.unlink()
    (folder / "loaded.json").unlink()
    assert files_after(60) == few
    assert len(_triples(folder, [make_part(tmp_path, f"r{i}", 3) for i in range(60)])) == 180


def test_graphs_longer_than_a_bulk_write_are_written_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writes are cut every BATCH triples, across and inside graphs: each graph holds
    exactly the triples of its own file, and nothing is left out at a cut."""
    from pipeline.publish import querystore

    sizes = (5, 1, 9, 7, 3)
    parts = [make_part(tmp_path, f"r{i}", n) for i, n in enumerate(sizes)]
    monkeypatch.setattr(querystore, "BATCH", 4)
    dataset = query_store(tmp_path / "cut", parts)
    for part, (i, n) in zip(parts, enumerate(sizes), strict=True):
        graph = ox.NamedNode(f"urn:lodpipe:part:{part.digest}")
        found = {str(q.triple) for q in dataset.store.quads_for_pattern(None, None, None, graph)}
        assert found == {f'<{EX}r{i}/{j}> <{EX}p> "r{i} {j}"' for j in range(n)}


def test_blank_nodes_of_two_files_are_two_nodes(tmp_path: Path) -> None:
    """`_:b0` in one file and `_:b0` in another name different nodes (RDF 1.1 §3.4): a
    query over the union does not join them."""
    parts = []
    for name in "ab":
        path = tmp_path / f"{name}.ttl"
        path.write_text(f'_:b0 <{EX}p> "{name}" .\n', encoding="utf-8")
        parts.append(Part.of_file(path))
    dataset = query_store(tmp_path / "store", parts)
    rows = execute(dataset, f"SELECT ?s WHERE {{ ?s <{EX}p> ?o }}")
    assert len({str(r[0]) for r in rows.rows}) == 2


def test_kept_graphs_stay_beside_the_parts_and_the_rest_goes(tmp_path: Path) -> None:
    """What the early answers read: the parts, and the complete graphs named in `keep`;
    the names returned are the graphs the store holds."""
    from pipeline.publish.querystore import graph_names, open_store, update

    a, b, c, d = (make_part(tmp_path, name, 2) for name in "abcd")
    folder = tmp_path / "q"
    store = open_store(folder)
    update(store, folder, [a, b, c])
    held = update(store, folder, [d], keep=graph_names([b, c]))
    assert held == graph_names([b, c, d])
    assert {g.value for g in store.named_graphs()} == held
    assert set(json.loads((folder / "loaded.json").read_text())) == held


def test_a_graph_being_removed_is_no_longer_listed_as_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build stopped while it loads, after it removed a graph: the manifest no longer
    calls the removed graph loaded (were it loaded again and stopped half way, the next
    build would trust half a graph)."""
    from pipeline.publish import querystore

    a, b = make_part(tmp_path, "a", 2), make_part(tmp_path, "b", 2)
    folder = tmp_path / "q"
    store = querystore.open_store(folder)
    querystore.update(store, folder, [a])

    def stopped(parts: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(querystore, "_quads", stopped)
    with pytest.raises(KeyboardInterrupt):
        querystore.update(store, folder, [b])
    assert json.loads((folder / "loaded.json").read_text()) == []


def test_the_last_sites_graphs_are_a_hint_that_may_be_missing_or_damaged(
    tmp_path: Path,
) -> None:
    from pipeline.publish.querystore import graph_names, last_site, remember_site

    a = make_part(tmp_path, "a", 1)
    assert last_site(tmp_path) == frozenset()
    remember_site(tmp_path, [a])
    assert last_site(tmp_path) == graph_names([a])
    for damaged in ("{", '{"not": "a list"}', "[1, 2]"):
        (tmp_path / "site.json").write_text(damaged)
        assert last_site(tmp_path) == frozenset()
