"""The build cache and the process pool change how much work a build does, never its output:
an incremental build is byte-identical to a cold one, and so are builds with any number of
worker processes."""

from __future__ import annotations

import contextlib
import pickle
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import pipeline.publish.build as build_module
import pipeline.publish.reports as reports_module
from pipeline.model import Parsed
from pipeline.publish.build import BuildError, build_site
from pipeline.publish.cache import MARKER
from pipeline.publish.catalog import coverage, measure, schema_org_dataset, site_distributions
from pipeline.publish.mapping import read_and_map
from pipeline.publish.queryprocess import Answering
from pipeline.publish.records import ReportRecord
from pipeline.publish.render import Download, SiteInput, read_turtle, render_site
from pipeline.publish.reports import RECORD
from pipeline.publish.worker import SUMMARY, Job, ReportOutput, run
from pipeline.rdf.iris import report_key
from pipeline.settings import ONTOLOGY, SHAPES, Settings, build_date, resource_dir
from pipeline.validate import Validation, validate_dataset
from tests.conftest import REPORTS
from tests.sample import dump_text

BUNDLED = sorted(REPORTS.glob("*.txt"))


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    for path in BUNDLED:
        shutil.copyfile(path, folder / path.name)
    return sorted(folder.glob("*.txt"))


def entries(cache: Path) -> set[Path]:
    return set((cache / "entries").glob("*/*"))


def test_incremental_build_is_byte_identical_to_a_cold_one(tmp_path: Path) -> None:
    files = corpus(tmp_path / "reports")
    names = [f"reports/{p.name}" for p in files]
    cache = tmp_path / "cache"
    build_site(files, Settings(out_dir=tmp_path / "warm", cache_dir=cache, jobs=2), names=names)
    assert (cache / MARKER).is_file()
    before = entries(cache)
    kept = [
        e for e in before if isinstance(pickle.loads((e / "output.pickle").read_bytes()), tuple)
    ]
    # One report changes the way a corrected summary would: a word in one activity.
    changed = files[2]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("organizēti", "noorganizēti", 1), encoding="utf-8")
    assert changed.read_text(encoding="utf-8") != text
    build_site(files, Settings(out_dir=tmp_path / "warm", cache_dir=cache, jobs=2), names=names)
    # Only the changed report was read and built again (its outputs twice when a
    # cross-report result points into its pages); of the pages that span reports, only
    # those it changes were rendered again (a word in an activity changes no organisation,
    # place or vocabulary page).
    added = entries(cache) - before
    made = {entry: pickle.loads((entry / "output.pickle").read_bytes()) for entry in added}
    outputs = [m for m in made.values() if not isinstance(m, tuple)]
    assert 2 <= len(outputs) <= 3
    for output in outputs:
        assert getattr(output, "file", None) == names[2] or output.key == report_key(names[2])
    pages = [m for m in made.values() if isinstance(m, tuple)]
    assert kept and len(pages) < len(kept) / 4, (len(pages), len(kept))
    # The entries of the report as it was are pruned: the cache stays one build's size.
    assert len(entries(cache)) == len(before)
    build_site(files, Settings(out_dir=tmp_path / "cold", jobs=2), names=names)
    warm, cold = snapshot(tmp_path / "warm"), snapshot(tmp_path / "cold")
    assert warm.keys() == cold.keys()
    assert [k for k in warm if warm[k] != cold[k]] == []
    assert "noorganizēti" in dump_text(tmp_path / "cold")
    assert not list(tmp_path.glob(".cold.lodpipe-cold-*")), "a cold build keeps no cache"


def test_the_queries_process_loads_the_cached_reports_while_the_changed_one_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one report changed, the process answering the queries starts with the parts
    of the reports from the cache, before the changed one is made, and is told of the
    changed one's once it is; a cold build starts it once, with every report's."""
    told: list[tuple[str, list[str], bool]] = []
    real = build_module.answering

    @contextlib.contextmanager
    def recorded(
        folder: Path,
        scratch: Path,
        reports: Sequence[Path],
        directory: Path,
        more: bool = False,
        threads: int = 1,
    ) -> Iterator[Answering]:
        told.append(("start", sorted(p.name for p in reports), more))
        assert threads == settings.jobs  # the queries are asked side by side, one per job
        with real(folder, scratch, reports, directory, more, threads) as answering:
            again = answering.more

            def more_parts(parts: Sequence[Path]) -> None:
                told.append(("more", sorted(p.name for p in parts), False))
                again(parts)

            monkeypatch.setattr(answering, "more", more_parts)
            yield answering

    monkeypatch.setattr(build_module, "answering", recorded)
    files = corpus(tmp_path / "reports")
    names = [f"reports/{p.name}" for p in files]
    settings = Settings(out_dir=tmp_path / "site", cache_dir=tmp_path / "cache", jobs=2)
    build_site(files, settings, names=names)
    keys = [report_key(name) for name in names]
    assert [(kind, len(parts), more) for kind, parts, more in told] == [("start", 10, False)]
    assert {part.partition(".")[0] for part in told[0][1]} == set(keys)
    told.clear()
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text.replace("organizēti", "noorganizēti", 1), encoding="utf-8")
    assert build_site(files, settings, names=names).exit_code in (0, 1)
    (start, cached, more), *rest = told
    assert start == "start" and more is True
    assert {part.partition(".")[0] for part in cached} == set(keys) - {keys[2]}
    assert [(kind, {p.partition(".")[0] for p in parts}) for kind, parts, _ in rest] == [
        ("more", {keys[2]})
    ]
    assert "noorganizēti" in dump_text(tmp_path / "site")
    told.clear()
    build_site(files, settings, names=names)  # nothing changed: nothing is to come
    assert [(kind, len(parts), more) for kind, parts, more in told] == [("start", 10, False)]


def test_output_does_not_depend_on_the_number_of_workers(tmp_path: Path) -> None:
    names = [f"reports/{p.name}" for p in BUNDLED]
    build_site(BUNDLED, Settings(out_dir=tmp_path / "one", jobs=1), names=names)
    build_site(BUNDLED, Settings(out_dir=tmp_path / "two", jobs=3), names=names)
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_a_cache_folder_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "cache"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BuildError, match="not written by lodpipe"):
        build_site(BUNDLED[:1], Settings(out_dir=tmp_path / "site", cache_dir=foreign))
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "site").exists()


def test_a_damaged_cache_entry_is_built_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = Settings(out_dir=tmp_path / "site", cache_dir=cache)
    build_site(BUNDLED[:2], settings)
    first = snapshot(tmp_path / "site")
    for entry in entries(cache):
        (entry / "output.pickle").write_bytes(b"not a pickle")
    build_site(BUNDLED[:2], settings)
    assert snapshot(tmp_path / "site") == first


@pytest.mark.parametrize("damage", ["missing", "not a pickle", "another object"])
def test_a_report_whose_cached_summary_cannot_be_read_is_built_again(
    tmp_path: Path, damage: str
) -> None:
    """The main process reads each report's summary from its cache entry when it gathers
    the work across reports; an entry changed outside lodpipe gives the same site."""
    cache = tmp_path / "cache"
    settings = Settings(out_dir=tmp_path / "site", cache_dir=cache, jobs=2)
    build_site(BUNDLED[:3], settings)
    first = snapshot(tmp_path / "site")
    summaries = sorted(cache.glob(f"entries/*/*/{SUMMARY}"))
    assert len(summaries) == 3
    for path in summaries:
        if damage == "missing":
            path.unlink()
        else:
            path.write_bytes(b"not a pickle" if damage == "not a pickle" else pickle.dumps(3))
    build_site(BUNDLED[:3], settings)
    assert snapshot(tmp_path / "site") == first
    assert len(sorted(cache.glob(f"entries/*/*/{SUMMARY}"))) == 3


def test_a_worker_failing_on_one_report_names_it_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build_site(BUNDLED[:1], Settings(out_dir=out))
    before = snapshot(out)

    def crashing(job: Job, parsed: Parsed, site: Path) -> ReportOutput:
        if job.file.endswith(BUNDLED[3].name):
            raise RuntimeError("worker bug")
        return run(job, parsed, site)

    # Workers are forked, so they run the patched function too.
    monkeypatch.setattr(reports_module, "run", crashing)
    with pytest.raises(BuildError, match=f"{BUNDLED[3].name}.*worker bug"):
        build_site(BUNDLED, Settings(out_dir=out, jobs=2))
    assert snapshot(out) == before


def test_cross_report_pages_from_summaries_are_those_of_the_whole_graph(tmp_path: Path) -> None:
    """The main process renders organisations, places, vocabulary, listings, money and
    quality from the reports' summaries; the same pages rendered from every report's whole
    graph must be the same bytes (a view reading a predicate the summaries leave out
    would differ here: add it to `worker.SUMMARY_PREDICATES`)."""
    names = [f"reports/{p.name}" for p in BUNDLED]
    built = tmp_path / "built"
    result = build_site(BUNDLED, Settings(out_dir=built), names=names)
    assert all(r.read for r in result.records)
    mapped = read_and_map(BUNDLED, Settings(out_dir=built), names=names)
    distributions = site_distributions(built)
    whole = SiteInput(
        settings=mapped.settings,
        parsed=mapped.parsed,
        graphs=(*mapped.graphs, mapped.shared),
        validations=mapped.validations,
        ontology=read_turtle(resource_dir(ONTOLOGY)),
        shapes=read_turtle(resource_dir(SHAPES)),
        downloads=tuple(
            Download(d.path, d.media_type, d.title_lv, d.title, measure(built, d).byte_size)
            for d in distributions
        ),
        build_date=build_date(
            d.start for r in mapped.reports for a in r.activities for d in a.dates
        ),
        dataset_jsonld=schema_org_dataset(
            mapped.settings,
            distributions,
            site_dir=built,
            temporal=coverage(r.delegation_period for r in mapped.reports),
        ),
    )
    rendered = tmp_path / "whole"
    render_site(whole, rendered)
    pages = [
        p.relative_to(rendered).as_posix()
        for p in rendered.rglob("*.html")
        if p.relative_to(rendered).as_posix() != "doc/queries.html"  # needs the data files
    ]
    assert any(p.startswith("id/organisation/") for p in pages)
    different = [p for p in pages if (built / p).read_bytes() != (rendered / p).read_bytes()]
    assert different == []


def test_a_cached_page_never_replaces_or_deletes_a_file_it_did_not_link(tmp_path: Path) -> None:
    from pipeline.publish.cache import BuildCache, entry_key

    cache = BuildCache(tmp_path / "cache")
    files = {"id/x.html": b"<p>x</p>", "id/x.ttl": b"<x> <y> <z> ."}
    cache.remember("k", files)
    out = tmp_path / "site"
    (out / "id").mkdir(parents=True)
    (out / "id" / "x.ttl").write_bytes(b"someone else's")  # already there
    (out / "keep.txt").write_bytes(b"mine")
    assert cache.recall("k", out) is None  # rendered instead: nothing replaced
    assert (out / "id" / "x.ttl").read_bytes() == b"someone else's"
    assert not (out / "id" / "x.html").exists()
    (out / "id" / "x.ttl").unlink()
    # a damaged entry: what the call linked goes again, and only that
    (cache.entry(entry_key([b"page", b"k"])) / "files" / "id" / "x.ttl").unlink()
    assert cache.recall("k", out) is None
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "keep.txt"
    ]
    assert (out / "keep.txt").read_bytes() == b"mine"
    # a whole entry is linked
    fresh = tmp_path / "fresh"
    cache.remember("k2", files)
    assert cache.recall("k2", fresh) == ("id/x.html", "id/x.ttl")
    assert (fresh / "id" / "x.html").read_bytes() == b"<p>x</p>"


def test_rebuilding_a_damaged_entry_removes_only_that_entry(tmp_path: Path) -> None:
    """A damaged entry is removed before it is made again; files beside it that lodpipe
    did not write stay, and without the cache's marker nothing is removed at all."""
    cache = tmp_path / "cache"
    settings = Settings(out_dir=tmp_path / "site", cache_dir=cache)
    build_site(BUNDLED[:2], settings)
    summaries = sorted(cache.glob(f"entries/*/*/{SUMMARY}"))
    damaged = summaries[0].parent
    beside = damaged.parent / "notes.txt"
    beside.write_text("mine", encoding="utf-8")
    (cache / "notes.txt").write_text("mine too", encoding="utf-8")
    summaries[0].write_bytes(b"not a pickle")
    build_site(BUNDLED[:2], settings)
    assert beside.read_text(encoding="utf-8") == "mine"
    assert (cache / "notes.txt").read_text(encoding="utf-8") == "mine too"
    # the marker is what makes the folder ours: without it, discard removes nothing
    from pipeline.publish.cache import BuildCache

    kept = BuildCache(cache)
    entry = next(e for e in sorted(entries(cache)) if e.is_dir())  # not notes.txt
    (cache / MARKER).unlink()
    kept.discard(entry.name)
    assert entry.is_dir()


def test_every_page_rendered_across_reports_is_kept_for_the_next_build(tmp_path: Path) -> None:
    """The organisation, place and vocabulary pages are kept in the cache, and not pruned
    as unused by the build that made them."""
    cache = tmp_path / "cache"
    built = build_site(BUNDLED, Settings(out_dir=tmp_path / "site", cache_dir=cache, jobs=2))
    kept = {
        name
        for entry in entries(cache)
        if isinstance(names := pickle.loads((entry / "output.pickle").read_bytes()), tuple)
        for name in names
        if name.endswith(".html")
    }
    site = tmp_path / "site"
    pages = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] in ("id", "def")
        and p.relative_to(site).parts[:2] != ("id", "report")
    }
    assert len(pages) > 10
    assert {name for name in kept if name.split("/")[0] in ("id", "def")} == pages
    # and the build names every file it wrote
    assert pages <= {p.as_posix() for p in built.files}


def test_overview_pages_kept_in_the_cache_follow_a_change_they_show(tmp_path: Path) -> None:
    """The home, listing, money and quality pages are recalled from the cache only when
    what they show is unchanged: a report's number of participants changes the home
    page's total, and the rebuild is the cold build of the changed reports."""
    files = corpus(tmp_path / "reports")
    names = [f"reports/{p.name}" for p in files]
    cache = tmp_path / "cache"
    warm = tmp_path / "warm"
    build_site(files, Settings(out_dir=warm, cache_dir=cache, jobs=2), names=names)
    home = (warm / "index.html").read_bytes()
    text = files[0].read_text(encoding="utf-8")
    assert "kopā piedalījās 257 dalībnieki" in text
    files[0].write_text(text.replace("piedalījās 257", "piedalījās 1257", 1), encoding="utf-8")
    build_site(files, Settings(out_dir=warm, cache_dir=cache, jobs=2), names=names)
    assert (warm / "index.html").read_bytes() != home
    build_site(files, Settings(out_dir=tmp_path / "cold", jobs=2), names=names)
    warm_files, cold_files = snapshot(warm), snapshot(tmp_path / "cold")
    assert warm_files.keys() == cold_files.keys()
    assert [k for k in warm_files if warm_files[k] != cold_files[k]] == []


def test_a_damaged_record_of_a_report_read_is_read_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = Settings(out_dir=tmp_path / "site", cache_dir=cache)
    build_site(BUNDLED[:2], settings)
    first = snapshot(tmp_path / "site")
    records = sorted(cache.glob(f"entries/*/*/{RECORD}"))
    assert len(records) == 2
    for path in records:
        path.write_bytes(b"not a pickle")
    build_site(BUNDLED[:2], settings)
    assert snapshot(tmp_path / "site") == first
    assert all(isinstance(pickle.loads(p.read_bytes()), ReportRecord) for p in records)


def test_the_cross_report_validation_is_done_again_only_when_its_graph_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept in the cache under the cross-report graph and where its facts were read: a
    word in an activity leaves it as it was; an implementer's new name does not."""
    files = corpus(tmp_path / "reports")
    names = [f"reports/{p.name}" for p in files]
    cache = tmp_path / "cache"
    validated: list[object] = []

    def counted(*args: object) -> Validation:
        validated.append(args)
        return validate_dataset(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "validate_dataset", counted)

    def build() -> None:
        build_site(files, Settings(out_dir=tmp_path / "warm", cache_dir=cache), names=names)

    build()
    assert len(validated) == 1
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text.replace("organizēti", "noorganizēti", 1), encoding="utf-8")
    build()
    assert len(validated) == 1
    first = files[0].read_text(encoding="utf-8")
    renamed = first.replace("Dienvidlatgales NVO atbalsta centrs", "Dienvidlatgales NVO centrs")
    assert renamed != first
    files[0].write_text(renamed, encoding="utf-8")
    build()
    assert len(validated) == 2
    build_site(files, Settings(out_dir=tmp_path / "cold"), names=names)
    warm, cold = snapshot(tmp_path / "warm"), snapshot(tmp_path / "cold")
    assert warm.keys() == cold.keys()
    assert [k for k in warm if warm[k] != cold[k]] == []
    assert "Dienvidlatgales NVO centrs" in dump_text(tmp_path / "cold")


def test_another_version_of_a_library_is_another_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """What rdflib, pyshacl or pyoxigraph made is kept in the cache: another version of one
    of them may parse, check or write otherwise, so nothing made by the other is used."""
    from pipeline.publish import cache as cache_module

    cache_module.code_version.cache_clear()
    before = cache_module.code_version()
    real = cache_module._version
    monkeypatch.setattr(
        cache_module, "_version", lambda name: "0.0" if name == "pyshacl" else real(name)
    )
    cache_module.code_version.cache_clear()
    try:
        assert cache_module.code_version() != before
    finally:
        monkeypatch.undo()
        cache_module.code_version.cache_clear()
    assert cache_module.code_version() == before


class _Refused:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (int, ("not a number",))  # raises ValueError when read back


def test_an_entry_that_cannot_be_made_again_is_built_again(tmp_path: Path) -> None:
    """A damaged entry may fail in any way when read (here a constructor raises): it is
    reported absent, and is built again."""
    from pipeline.publish.cache import BuildCache

    cache = BuildCache(tmp_path / "cache")
    staging = cache.new_entry()
    key = "ab" * 32
    cache.commit(staging, key, "ok")
    assert cache.load(key) == "ok"
    cache.stored(key).write_bytes(pickle.dumps(_Refused()))
    assert cache.load(key) is None


def test_a_summary_leaves_out_the_spans_facts_were_read_from(tmp_path: Path) -> None:
    """The spans (one per fact read) are described on the report's own source page: the
    cross-report pages never read them, and in the summaries they would have doubled what
    the main process holds."""
    from pipeline.rdf.namespaces import LP, PROV

    cache = tmp_path / "cache"
    build_site(BUNDLED[:2], Settings(out_dir=tmp_path / "site", cache_dir=cache))
    summaries = [pickle.loads(p.read_bytes()) for p in sorted(cache.rglob(SUMMARY))]
    assert len(summaries) == 2
    for summary in summaries:
        nodes = {n for t in summary.summary for n in t}
        assert summary.summary and LP.SourceSpan not in nodes
        assert not [n for n in nodes if "#char=" in str(n)]
        # what the report says of its implementer keeps its link to the span, no more
        spans = {t for t in summary.shared if "#char=" in f"{t[0]} {t[2]}"}
        assert spans and {str(p) for _, p, _ in spans} == {str(PROV.wasDerivedFrom)}


def test_organisation_and_place_pages_recalled_by_their_inputs_follow_what_they_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An organisation's or a place's page is recalled by what it is drawn from, without
    its view being made; a report that renames its implementer, plans other money and
    moves an activity from Daugavpils to Ludza changes the implementer's page and both
    places', and the rebuild is the cold build of the changed reports."""
    import pipeline.publish.render as render

    made: list[str] = []
    for kind in ("organisation", "place", "resource"):
        view = render._VIEWS[kind]

        def counted(ctx: object, doc: str, view: object = view) -> object:
            made.append(doc)
            return view(ctx, doc)  # type: ignore[operator]

        monkeypatch.setitem(render._VIEWS, kind, counted)
    files = corpus(tmp_path / "reports")
    names = [f"reports/{p.name}" for p in files]
    cache, warm = tmp_path / "cache", tmp_path / "warm"
    build_site(files, Settings(out_dir=warm, cache_dir=cache, jobs=2), names=names)
    assert any("/id/organisation/" in doc for doc in made)
    made.clear()
    build_site(files, Settings(out_dir=warm, cache_dir=cache, jobs=2), names=names)
    # Nothing changed: every such page of the data is recalled, no view made.
    assert [doc for doc in made if "/def/" not in doc] == []
    # A word added to one report's heading moves every span after it, the one its
    # implementer's name was read from too: the other implementers' pages are still
    # recalled without a view (the Ministry's page names every report).
    text = files[0].read_text(encoding="utf-8")
    files[0].write_text(text.replace("Kopsavilkums", "Kopsavilkums (labots)", 1), encoding="utf-8")
    build_site(files, Settings(out_dir=warm, cache_dir=cache, jobs=2), names=names)
    organisations = [doc.rpartition("/")[2] for doc in made if "/id/organisation/" in doc]
    assert "lv-re-40008055327" in organisations
    assert set(organisations) <= {"lv-re-40008055327", "kulturas-ministrija"}
    organisation = warm / "id/organisation/lv-re-40008055327.html"
    places = [warm / "id/place/daugavpils.html", warm / "id/place/ludza.html"]
    rounds = (
        # Money alone: the page's triples stay, the sums it shows from the report change.
        (
            (("<p>54 000,00 euro, t.sk.</p>", "<p>55 000,00 euro, t.sk.</p>"),),
            ["lv-re-40008055327.html"],
        ),
        (
            (
                ("atbalsta centrs”", "atbalsta centrs un draugi”"),
                ("Rēzeknē un Daugavpilī, kurās", "Rēzeknē un Ludzā, kurās"),
            ),
            ["lv-re-40008055327.html", "daugavpils.html", "ludza.html"],
        ),
    )
    for edits, expected in rounds:
        before = {page: page.read_bytes() for page in (organisation, *places)}
        text = files[0].read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text
            text = text.replace(old, new, 1)
        files[0].write_text(text, encoding="utf-8")
        build_site(files, Settings(out_dir=warm, cache_dir=cache, jobs=2), names=names)
        changed = [page.name for page, data in before.items() if page.read_bytes() != data]
        assert changed == expected
    assert "un draugi" in organisation.read_text(encoding="utf-8")
    build_site(files, Settings(out_dir=tmp_path / "cold", jobs=2), names=names)
    warm_files, cold_files = snapshot(warm), snapshot(tmp_path / "cold")
    assert warm_files.keys() == cold_files.keys()
    assert [k for k in warm_files if warm_files[k] != cold_files[k]] == []


def test_a_page_recalled_by_the_names_its_caller_knows_replaces_nothing(tmp_path: Path) -> None:
    """Given the page's file names, the entry's own list is not read; a name already taken
    leaves that file alone and removes only what the call had linked."""
    from pipeline.publish.cache import BuildCache, entry_key

    cache = BuildCache(tmp_path / "cache")
    names = ("id/x.html", "id/x.ttl")
    cache.remember("k", {"id/x.html": b"<p>x</p>", "id/x.ttl": b"<x> <y> <z> ."})
    (cache.entry(entry_key([b"page", b"k"])) / "output.pickle").unlink(missing_ok=True)
    out = tmp_path / "site"
    assert cache.recall("k", out, names) == names
    assert (out / "id" / "x.ttl").read_bytes() == b"<x> <y> <z> ."
    taken = tmp_path / "taken"
    (taken / "id").mkdir(parents=True)
    (taken / "id" / "x.ttl").write_bytes(b"someone else's")
    assert cache.recall("k", taken, names) is None
    assert (taken / "id" / "x.ttl").read_bytes() == b"someone else's"
    assert not (taken / "id" / "x.html").exists()  # linked first, then removed again
    assert cache.recall("unknown", tmp_path / "other", names) is None
    assert not (tmp_path / "other").exists()
