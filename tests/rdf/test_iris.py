from __future__ import annotations

import re

import pytest

from pipeline.rdf import to_graph
from pipeline.rdf.iris import Iris, organisation_key, report_key, slug
from pipeline.settings import Settings
from tests.sample import clean_report


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Dienvidlatgales NVO atbalsta centrs", "dienvidlatgales-nvo-atbalsta-centrs"),
        ("Ābeļu „Ļoti” Ščūkas ŅĢĶ", "abelu-loti-scukas-ngk"),
        ("  Rīga / Pierīga  ", "riga-pieriga"),
    ],
)
def test_slug_transliterates_latvian_to_lowercase_ascii(text: str, key: str) -> None:
    assert slug(text) == key


def test_report_key_is_the_file_stem_whatever_the_folder() -> None:
    assert report_key("reports/000_f25f87058009babf.txt") == "000-f25f87058009babf"
    assert report_key("/elsewhere/000_f25f87058009babf.txt") == "000-f25f87058009babf"


def test_organisation_key_prefers_the_registration_number() -> None:
    assert organisation_key("Ābeļu centrs", "40008000001") == "lv-re-40008000001"
    assert organisation_key("Ābeļu centrs", None) == "abelu-centrs"
    with pytest.raises(ValueError):
        organisation_key("", None)


def test_places_distinguish_city_and_municipality() -> None:
    iris = Iris("https://example.org/")
    assert iris.place("rezekne") == iris.place("rezekne", "city")
    assert str(iris.place("rezekne", "municipality")).endswith("/id/place/rezekne-novads")


def test_no_page_iri_is_a_path_prefix_of_another_and_keys_are_ascii() -> None:
    graph = to_graph(clean_report(), Settings(base_iri="https://example.org/lod/")).graph
    iris = {
        str(t) for triple in graph for t in triple if str(t).startswith("https://example.org/lod/")
    }
    pages = {iri.partition("#")[0] for iri in iris}
    for page in pages:
        assert re.fullmatch(r"https://example\.org/lod/[a-z]+(/[a-z]+)?/[a-z0-9-]+", page), page
        assert not any(other.startswith(page + "/") for other in pages), page


def test_the_base_iri_is_the_only_host_of_data_iris() -> None:
    graph = to_graph(clean_report(), Settings(base_iri="https://example.org/x/")).graph
    subjects = {str(s) for s in graph.subjects()}
    assert all(s.startswith("https://example.org/x/") for s in subjects)
