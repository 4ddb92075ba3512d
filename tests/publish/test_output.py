"""The output folder's marker lists every file lodpipe wrote: a file of anyone else's in a
site of ours stops the build, also when it appears while the build runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.publish.output import (
    MARKER,
    OutputRefused,
    claim_output,
    foreign_files,
    new_staging,
    publish_site,
)


def _publish(out: Path, files: dict[str, str]) -> None:
    staging = new_staging(out)
    for name, text in files.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_text(text, encoding="utf-8")
    publish_site(staging, out)


def test_the_marker_lists_what_was_written_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _publish(out, {"index.html": "home", "id/report/a.html": "a"})
    listing = (out / MARKER).read_text(encoding="utf-8").partition("\n\n")[2]
    assert listing.splitlines() == ["id/report/a.html", "index.html"]
    assert foreign_files(out) == []
    (out / "id" / "mine.txt").write_text("mine", encoding="utf-8")
    assert foreign_files(out) == ["id/mine.txt"]


def test_a_file_added_while_the_build_ran_keeps_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _publish(out, {"index.html": "old"})
    claim_output(out)  # nothing foreign when the build starts
    staging = new_staging(out)
    (staging / "index.html").write_text("new", encoding="utf-8")
    (out / "CNAME").write_text("example.org", encoding="utf-8")  # meanwhile
    with pytest.raises(OutputRefused, match="CNAME"):
        publish_site(staging, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert (out / "CNAME").read_text(encoding="utf-8") == "example.org"
    with pytest.raises(OutputRefused, match="CNAME"):
        claim_output(out)


def test_a_linked_folder_is_one_entry_and_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "site"
    staging = new_staging(out)
    (staging / "linked").symlink_to(elsewhere, target_is_directory=True)
    publish_site(staging, out)
    assert foreign_files(out) == []
    assert "linked\n" in (out / MARKER).read_text(encoding="utf-8")


def test_a_marker_without_a_list_is_an_earlier_lodpipe_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text(
        "This folder was written by lodpipe build; the next build replaces it whole.\n"
        "Keep nothing else here.\n",
        encoding="utf-8",
    )
    (out / "index.html").write_text("old", encoding="utf-8")
    assert foreign_files(out) == []
    claim_output(out)  # replaced, as its marker said it would be
