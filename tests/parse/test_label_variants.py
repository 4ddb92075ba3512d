"""Section labels as typists shorten and reword them (an independent tester's reports r2 and r4: "Apraksts
un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem" for the description's long label),
sentences opening with a label's words that stay their section's text, and the text under a
label no reader places, which is kept. Expected values are read from the texts below.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Parsed
from pipeline.parse.sections import Section, split_sections
from pipeline.parse.text import clean
from tests.conftest import parse_text


def codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings]


# -- an independent tester's r4: numbered labels on their own lines, the description's label shortened ----

R4_DESCRIPTION_LABEL = "4. Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem"
R4 = (
    "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un"
    " mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Rīgas reģionā"
    " (2022-2025)\n"
    "1. Valsts pārvaldes uzdevums\n"
    "Atsevišķu valsts pārvaldes uzdevumu veikšana jomā Rīgas reģionā.\n"
    "2. Valsts pārvaldes uzdevuma veicējs\n"
    "Biedrība „Pierīgas NVO resursu centrs” (reģistrācijas Nr. 40008187642)\n"
    "3. Valsts pārvaldes uzdevuma deleģēšanas periods\n"
    "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs\n"
    f"{R4_DESCRIPTION_LABEL}\n"
    "I. ĪSTENOŠANAS GADS (2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs)\n"
    "1) 2022. gada 22. septembrī Ogrē organizēts Rīgas reģiona NVO forums, kurā piedalījās"
    " 143 dalībnieki;\n"
    "2) sniegtas 87 konsultācijas NVO pārstāvjiem.\n"
    "II. ĪSTENOŠANAS GADS (2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs)\n"
    "1) sniegtas 96 konsultācijas.\n"
    "III. ĪSTENOŠANAS GADS (2024.gada 15.jūlijs līdz 2025.gada 31.decembris)\n"
    "1) sniegtas 102 konsultācijas.\n"
    "5. Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem\n"
    "Īstenošanas gads\tPlānots, EUR\tFaktiski izlietots, EUR\n"
    "I (15.07.2022.–14.07.2023.)\t50 000,00\t50 000,00\n"
    "II (15.07.2023.–14.07.2024.)\t50 000,00\t50 000,00\n"
    "III (15.07.2024.–14.07.2025.)\t50 000,00\t50 000,00\n"
    "6. Neatbilstoši veiktie izdevumi\nNav\n"
    "7. Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\nNav\n"
    "8. Cita informācija\nNav\n"
)


def test_a_shortened_numbered_description_label_is_the_description() -> None:
    split = split_sections(clean(R4))
    assert split.labels[Section.DESCRIPTION].text == R4_DESCRIPTION_LABEL
    assert split.sections[Section.PERIOD].text.strip() == (
        "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs"
    )
    parsed = parse_text(R4)
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    assert [y.ordinal for y in r.years] == [1, 2, 3]
    assert "Ogrē organizēts Rīgas reģiona NVO forums" in r.years[0].activities[0].text.value
    third = r.years[2].period
    assert third is not None
    assert (third.start, third.end) == (dt.date(2024, 7, 15), dt.date(2025, 12, 31))
    # The year runs past the delegation's end (14.07.2025): r4's planted contradiction.
    assert "period.year-outside-delegation" in codes(parsed)


# -- an independent tester's r2: "label: value" paragraphs, the description's label cut after "rādītājiem" --

R2_DESCRIPTION_LABEL = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem"
    " rezultatīvajiem rādītājiem"
)
R2 = (
    "KOPSAVILKUMS PAR DELEĢĒTĀ VALSTS PĀRVALDES UZDEVUMA IZPILDI\n"
    "pilsoniskās sabiedrības attīstības jomā Kurzemes plānošanas reģionā (2023–2024)\n"
    "Valsts pārvaldes uzdevums: Atsevišķu valsts pārvaldes uzdevumu veikšana Kurzemes reģionā\n"
    "Valsts pārvaldes uzdevuma īstenotājs: nodibinājums „Liepājas NVO atbalsta centrs”,"
    " reģ. Nr. 40008234571\n"
    "Valsts pārvaldes uzdevuma deleģēšanas periods: no 2023. gada 1. janvāra līdz 2024. gada"
    " 31. decembrim\n"
    f"{R2_DESCRIPTION_LABEL}\n"
    "I īstenošanas gads (01.01.2023.–31.12.2023.)\n"
    "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits\n"
    "1.\tKurzemes NVO forums „Kopā varam”\t17.03.2023.\tLiepāja\t142\n"
    "2.\tIedzīvotāju diskusiju platforma „Saruna pie galda”\t12.02.2024.\tSaldus\t46\n"
    "II īstenošanas gads (01.01.2024.–31.12.2024.)\n"
    "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits\n"
    "1.\tKurzemes NVO forums „Līdzdalība kopienā”\t22.03.2024.\tVentspils\t128\n"
    "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem (euro)\n"
    "Finansējuma mērķis\t2023. gads\t2024. gads\n"
    "Plānotais finansējums, t.sk.:\t46 000,00\t46 000,00\n"
    "Faktiski izlietotais finansējums, t.sk.:\t46 000,00\t46 000,00\n"
    "Neatbilstoši veiktie izdevumi: nav\n"
    "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: nav\n"
    "Cita informācija: nav\n"
)


def test_a_description_label_cut_short_is_the_description() -> None:
    split = split_sections(clean(R2))
    assert split.labels[Section.DESCRIPTION].text == R2_DESCRIPTION_LABEL
    parsed = parse_text(R2)
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    assert [len(y.activities) for y in r.years] == [2, 1]
    # The year-I activity dated in 2024: r2's planted contradiction, found again.
    dated = [f for f in parsed.findings if f.code == "activity.date-outside-year"]
    assert len(dated) == 1 and "12.02.2024." in dated[0].message


# -- each label reworded the ways typists do ------------------------------------------------

TEMPLATE_LABELS = {
    Section.TASK: "Valsts pārvaldes uzdevums",
    Section.IMPLEMENTER: "Valsts pārvaldes uzdevuma veicējs",
    Section.PERIOD: "Valsts pārvaldes uzdevuma deleģēšanas periods",
    Section.DESCRIPTION: (
        "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
        "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
        "paredzētajiem mērķiem"
    ),
    Section.FUNDING: "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
    Section.IRREGULAR: "Neatbilstoši veiktie izdevumi",
    Section.UNRECOVERED: "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
    Section.OTHER: "Cita informācija",
}
VALUES = {
    Section.TASK: "Par atsevišķu valsts pārvaldes uzdevumu veikšanu Zemgales reģionā",
    Section.IMPLEMENTER: "Biedrība „Zemgales NVO centrs”, reģ. Nr. 40008123456",
    Section.PERIOD: "01.03.2023.–29.02.2024.",
    Section.DESCRIPTION: "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)\n1) Sniegtas 40 konsultācijas.",
    Section.FUNDING: "Plānots 20 000,00 euro\tFaktiski 20 000,00 euro",
    Section.IRREGULAR: "Nav",
    Section.UNRECOVERED: "Nav konstatēti",
    Section.OTHER: "Nav attiecināms",
}


def template_report(labels: dict[Section, str | None], separator: str = "\t") -> str:
    rows = "".join(
        f"{labels[s]}{separator}{VALUES[s]}\n" for s in Section if labels.get(s) is not None
    )
    return f"Kopsavilkums par uzdevumu Zemgales reģionā (2023-2024)\n{rows}"


@pytest.mark.parametrize(
    ("section", "label"),
    [
        (Section.TASK, "Deleģētais valsts pārvaldes uzdevums"),
        (Section.TASK, "Uzdevuma nosaukums"),
        (Section.IMPLEMENTER, "Deleģētā uzdevuma izpildītājs"),
        (Section.IMPLEMENTER, "Uzdevuma veicēja nosaukums"),
        (Section.PERIOD, "Deleģēšanas termiņš"),
        (Section.PERIOD, "Līguma darbības periods"),
        (Section.DESCRIPTION, "Apraksts un vērtējums"),
        (Section.DESCRIPTION, "Sasniegto rezultātu apraksts un vērtējums"),
        (Section.DESCRIPTION, "APRAKSTS UN VĒRTĒJUMS PAR SASNIEGTAJIEM REZULTĀTIEM"),
        (Section.FUNDING, "Plānotais un faktiski izlietotais finansējums"),
        (Section.FUNDING, "Piešķirtais un izlietotais finansējums (euro)"),
        (Section.FUNDING, "Finansējums sadalījumā pa gadiem"),
        (Section.IRREGULAR, "Neatbilstoši izlietotie līdzekļi"),
        (Section.UNRECOVERED, "Neatgūtie līdzekļi"),
        (Section.UNRECOVERED, "Neatgūto līdzekļu apmērs"),
        (Section.OTHER, "Cita būtiska informācija"),
        (Section.OTHER, "Papildu informācija"),
    ],
)
@pytest.mark.parametrize("separator", ["\t", ": ", ":\n", "\n"])
def test_a_reworded_label_is_its_section(section: Section, label: str, separator: str) -> None:
    text = template_report({**TEMPLATE_LABELS, section: label}, separator)
    split = split_sections(clean(text))
    assert set(split.sections) == set(Section)
    assert split.labels[section].text == label + (":" if separator.startswith(":") else "")
    assert split.sections[section].text.strip() == VALUES[section]
    parsed = parse_text(text)
    assert "structure.missing-section" not in codes(parsed)


@pytest.mark.parametrize("number", ["4. ", "4) ", "4.\t"])
def test_a_reworded_label_with_its_row_number(number: str) -> None:
    label = "Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem"
    text = template_report({**TEMPLATE_LABELS, Section.DESCRIPTION: f"{number}{label}"})
    split = split_sections(clean(text))
    assert split.labels[Section.DESCRIPTION].text == f"{number}{label}"
    assert split.sections[Section.PERIOD].text.strip() == "01.03.2023.–29.02.2024."


# -- sentences that open with a label's words stay their section's text ----------------------


def test_a_sentence_with_the_words_of_a_missing_label_stays_text() -> None:
    """No unrecovered-amount row: "Neatgūto līdzekļu nav" and "Neatbilstoši izdevumi netika
    konstatēti" are answers, going on past the words a label would be made of."""
    labels = {**TEMPLATE_LABELS, Section.UNRECOVERED: None}
    text = template_report(labels).replace(
        "Neatbilstoši veiktie izdevumi\tNav\n",
        "Neatbilstoši veiktie izdevumi\tNav\nNeatgūto līdzekļu nav\n"
        "Neatbilstoši izdevumi netika konstatēti\n",
    )
    split = split_sections(clean(text))
    assert Section.UNRECOVERED not in split.sections
    assert split.sections[Section.IRREGULAR].text.split("\n")[:3] == [
        "\tNav",
        "Neatgūto līdzekļu nav",
        "Neatbilstoši izdevumi netika konstatēti",
    ]


def test_a_funding_line_of_the_description_is_no_funding_label() -> None:
    """The funding's label written in words no reader places ("Naudas izlietojums"): the
    description's lines on money are not taken for it."""
    description = (
        "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)\n1) Sniegtas 40 konsultācijas.\n"
        "Finansējums izlietots atbilstoši plānotajam\n"
        "Plānotais finansējums: 20 000,00 euro\n"
        "Plānotais un faktiski izlietotais finansējums atbilst līgumam.\n"
    )
    text = template_report({**TEMPLATE_LABELS, Section.FUNDING: "Naudas izlietojums"}).replace(
        VALUES[Section.DESCRIPTION] + "\n", description
    )
    split = split_sections(clean(text))
    assert Section.FUNDING not in split.sections
    assert "Plānotais finansējums: 20 000,00 euro" in split.sections[Section.DESCRIPTION].text


def test_a_reworded_label_is_searched_only_between_its_neighbours() -> None:
    """A description line "Papildu informācija:" comes before the funding's label: it is no
    other-information label, however the real one is written."""
    description = (
        "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)\n1) Sniegtas 40 konsultācijas.\n"
        "Papildu informācija:\nforumā piedalījās arī pašvaldību pārstāvji.\n"
    )
    text = template_report({**TEMPLATE_LABELS, Section.OTHER: "Dažādi"}).replace(
        VALUES[Section.DESCRIPTION] + "\n", description
    )
    split = split_sections(clean(text))
    assert Section.OTHER not in split.sections
    assert "Papildu informācija:" in split.sections[Section.DESCRIPTION].text


# -- text under a label no reader places is kept ---------------------------------------------


def test_text_under_an_unplaced_label_after_the_period_is_kept() -> None:
    """ "4. Darbības pārskats" names the description in words of its own: the section is
    missing (an error), and what it holds, run on in the period's value, is kept as text
    outside any section, with its finding, not dropped."""
    text = R4.replace(R4_DESCRIPTION_LABEL, "4. Darbības pārskats")
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" in codes(parsed)
    assert r.delegation_period is not None
    assert (r.delegation_period.start, r.delegation_period.end) == (
        dt.date(2022, 7, 15),
        dt.date(2025, 7, 14),
    )
    kept = " ".join(t.value for t in r.unlabelled)
    assert kept.startswith("4. Darbības pārskats I. ĪSTENOŠANAS GADS")
    assert "Ogrē organizēts Rīgas reģiona NVO forums" in kept
    assert "1) sniegtas 102 konsultācijas." in kept
    assert "structure.unlabelled-text" in codes(parsed)


def test_a_period_alone_in_its_value_leaves_nothing_unlabelled() -> None:
    parsed = parse_text(R4)
    assert parsed.report is not None
    assert parsed.report.unlabelled == ()
    assert "structure.unlabelled-text" not in codes(parsed)
