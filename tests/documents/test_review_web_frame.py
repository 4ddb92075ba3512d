"""A review's probes of the web page's frame rule (`web_chrome.py`): report content that a
theme's class name or a sidebar element placed in the frame was skipped, and the report then
claimed to lack the sections it holds (`structure.missing-section`, errors and warnings).

The probes are the minimal web fixture (a `<main>` with the `<h1>` title and the template's
label/value table) with part of the table wrapped: all of it in `<div class='social-integration'>`
(the ministries' field of social integration), the last three rows in an `<aside>` inside
`<main>`, the first three in `<div class='doc-meta'>`. The golden values are read from the
probe's text by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.documents.layout import render
from pipeline.documents.web import read_html
from pipeline.model import Parsed
from pipeline.read import read_report
from tests.parse.golden import A, D, P

TITLE = (
    "<h1>Kopsavilkums – par atsevišķu valsts pārvaldes uzdevumu veikšanu – pilsoniskās "
    "sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko "
    "organizāciju līdzdalības veicināšanas jomā Vidzemes reģionā (2022-2025)</h1>"
)
ROWS = [
    ("Valsts pārvaldes uzdevums", "Par atsevišķu valsts pārvaldes uzdevumu veikšanu "
     "pilsoniskās sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību "
     "nevalstisko organizāciju līdzdalības veicināšanas jomā Vidzemes reģionā"),
    ("Valsts pārvaldes uzdevuma veicējs",
     "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001 (turpmāk – īstenotājs)"),
    ("Valsts pārvaldes uzdevuma deleģēšanas periods",
     "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs"),
    ("Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
     "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
     "paredzētajiem mērķiem",
     "I. ĪSTENOŠANAS GADS (2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs)<br><br>"
     "- 1) organizēti 2 forumi Valmierā 12.10.2022., kuros piedalījās 80 dalībnieki;<br>"
     "- 2) sniegtas vairāk nekā 40 konsultācijas;"),
    ("Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
     "Plānots: 50 000,00 euro<br>Faktiski: 49 000,00 euro"),
    ("Neatbilstoši veiktie izdevumi", "Nav"),
    ("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", "Nav"),
    ("Cita informācija", "Nav<br>"),
]  # fmt: skip


def _table(rows: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"


# the three forms: the whole table in a class named for the ministry's field, the last three
# rows in a sidebar element inside <main>, the first three in a class ending in "meta"
FORMS = {
    "social-integration": f"<div class='social-integration'>{_table(ROWS)}</div>",
    "aside-in-main": f"{_table(ROWS[:5])}<aside>{_table(ROWS[5:])}</aside>",
    "doc-meta": f"<div class='doc-meta'>{_table(ROWS[:3])}</div>{_table(ROWS[3:])}",
}


def _page(content: str) -> bytes:
    return (
        f"<html><body><nav>Sākums</nav><main>{TITLE}{content}</main>"
        "<footer>KM, Rīga</footer></body></html>"
    ).encode()


@pytest.fixture(scope="module", params=sorted(FORMS))
def parsed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Parsed:
    path: Path = tmp_path_factory.mktemp("web") / f"{request.param}.html"
    path.write_bytes(_page(FORMS[request.param]))
    return read_report(path, path.name)


def test_every_section_the_page_holds_is_read(parsed: Parsed) -> None:
    codes = [f.code for f in parsed.findings]
    assert "structure.missing-section" not in codes
    assert not [f for f in parsed.findings if f.severity.value == "error"]


def test_the_sections_values_are_the_reports(parsed: Parsed) -> None:
    rep = parsed.report
    assert rep is not None
    # "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001"
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert imp.registration_number.value == "40008000001"
    # "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs"
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 7, 15), D(2025, 7, 14))
    # "organizēti 2 forumi …", "sniegtas vairāk nekā 40 konsultācijas"
    assert rep.activities
    # "Plānots: 50 000,00 euro", "Faktiski: 49 000,00 euro"
    roles = {(a.role, a.value) for a in rep.funding[0].amounts}
    assert {(P, Decimal("50000.00")), (A, Decimal("49000.00"))} <= roles


def test_social_and_meta_as_whole_class_names_are_still_frame() -> None:
    # the share bar ("social") and the publication note ("meta") of a page, holding no section
    # label, stay out of the report's text
    body = (
        f"<main>{TITLE}<div class='social'>Dalīties: Facebook</div>"
        f"<div class='entry meta'>Publicēts: 02.09.2025.</div>{_table(ROWS[5:])}</main>"
    )
    text = render(read_html(f"<html><body>{body}</body></html>".encode()))
    assert "Dalīties" not in text and "Publicēts" not in text
    assert "Cita informācija\tNav" in text.splitlines()


def test_a_sidebar_naming_other_reports_is_still_frame() -> None:
    # "Kopsavilkums Kurzemes reģionā" in a list of related documents is not this report's
    # title: the title word keeps an element only as its <h1>
    body = (
        "<main><aside><h2>Saistītie dokumenti</h2><ul><li><a href='/1'>Kopsavilkums Kurzemes "
        f"reģionā (2022–2025)</a></li></ul></aside>{TITLE}{_table(ROWS[5:])}</main>"
    )
    text = render(read_html(f"<html><body>{body}</body></html>".encode()))
    assert "Kurzemes" not in text
