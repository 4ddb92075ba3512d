"""The typed domain model of a delegation report ("Kopsavilkums").

Every value keeps where it came from (a `Span`) and the words the report used for it.
Nothing here knows about parsing, RDF or HTML.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value came from: a file, its 1-based lines, and character offsets.

    Offsets count characters (code points) in the report's source text: the decoded file
    without a byte-order mark and with every line ending turned into a single "\\n". That
    text is what the site publishes as the report's source, so offsets and lines match it.
    """

    file: str
    line: int
    end_line: int
    start: int
    end: int


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Check(StrEnum):
    """Which check found a problem."""

    PARSER = "parser"  # reading the text
    SHACL = "shacl"  # the shapes, on the mapped graph


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found in a report or its graph: a value, never an exception.

    One type for every check, as frictionless has one error shape. `code` is stable once
    published (`funding.sum-mismatch`); the messages may change. A SHACL result also names
    its focus node, path, shape and value; a parser finding leaves them empty.
    """

    code: str
    severity: Severity
    message: str  # in English
    file: str | None
    span: Span | None = None
    message_lv: str = ""  # the same in Latvian ("" where none is written yet)
    check: Check = Check.PARSER
    focus: str | None = None
    path: str | None = None
    shape: str | None = None
    value: str | None = None

    @property
    def line(self) -> int | None:
        return self.span.line if self.span else None


def exit_code(problems: Iterable[Problem], *, unread: bool = False) -> int:
    """0 when nothing is an error, 1 when some problem is (data errors), 2 when input could
    not be read at all (load errors): the one rule every verb exits by."""
    if unread:
        return 2
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0


class Qualifier(StrEnum):
    """How a quantity is qualified in the text."""

    EXACT = "exact"
    MORE_THAN = "more-than"  # "vairāk nekā", "vairāk kā"
    AT_LEAST = "at-least"  # "vismaz"
    ABOUT = "about"  # "ap", "aptuveni"


class ActivityGroup(StrEnum):
    """The two parts of the work within an implementation year."""

    CIVIL_SOCIETY = "civil-society"
    MINORITY_CAPACITY = "minority-capacity"  # "... mazākumtautību kapacitātes celšanai"


class Purpose(StrEnum):
    """What a funding line is for."""

    CIVIL_SOCIETY = "civil-society"  # "pilsoniskās sabiedrības attīstībai ..."
    MINORITY_NGOS = "minority-ngos"  # "mazākumtautību nevalstisko organizāciju ..."


class AmountRole(StrEnum):
    """What an amount of money is, as the report states it."""

    PLANNED = "planned"  # "Plānots", the planned column
    ACTUAL = "actual"  # "Faktiski", the actual column
    CARRIED_OVER = "carried-over"  # remainder moved to the next period
    CARRIED_IN = "carried-in"  # remainder received from the previous period
    RETURNED = "returned"  # unused funding returned to the ministry
    REMAINDER = "remainder"  # unspent, with no statement of what happened to it
    REPORTED = "reported"  # older template: one amount per calendar year, not said which


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"


class LegalForm(StrEnum):
    ASSOCIATION = "association"  # biedrība
    FOUNDATION = "foundation"  # nodibinājums
    RELIGIOUS_ORGANISATION = "religious-organisation"  # reliģiskā organizācija, draudze
    RELIGIOUS_INSTITUTION = "religious-institution"  # reliģiskās organizācijas iestāde
    TRADE_UNION = "trade-union"  # arodbiedrība
    POLITICAL_PARTY = "political-party"  # politiskā partija
    LIMITED_LIABILITY_COMPANY = "limited-liability-company"  # SIA
    JOINT_STOCK_COMPANY = "joint-stock-company"  # AS
    COOPERATIVE_SOCIETY = "cooperative-society"  # kooperatīvā sabiedrība
    INDIVIDUAL_MERCHANT = "individual-merchant"  # individuālais komersants, IK


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of report text, whitespace-normalised, with its source."""

    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the report. `end` is set for ranges such as "19.-23.12.20."."""

    start: dt.date
    end: dt.date | None
    precision: DatePrecision
    text: str
    span: Span
    #: True where the activity's own words say it was moved to this date ("tika pārcelts
    #: uz 2026. gada 24. janvāri"): outside its year, the report itself explains it.
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Period:
    """A date range as written; either end is None when it could not be read."""

    start: dt.date | None
    end: dt.date | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A planning region named in the text (key: "latgale", "riga", ...)."""

    key: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A national minority or a place named in an activity.

    `key` is a stable ASCII key ("polish", "daugavpils"), `kind` for places is
    "city" or "municipality", for minorities "minority". `name` is a place's name in the
    nominative, as a gazetteer gives it ("Rēzeknes novads" for "Rēzeknes novadā"); "" for
    a minority, whose name is its term's label.
    """

    key: str
    kind: str
    text: str
    span: Span
    name: str = ""


@dataclass(frozen=True, slots=True)
class Indicator:
    """A quantity in an activity: 'vairāk nekā 670 dalībnieki' -> 670, more-than, participants."""

    value: int
    qualifier: Qualifier
    kind: str
    phrase: str
    span: Span
    #: 1-based position, among its activity's indicators, of the total this value is a part
    #: of ("199 konsultācijas (… 41 …; 80 …; 78 …)"): sums must not count it twice.
    part_of: int | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    """One item of the work done in a year, numbered or bulleted in the report."""

    year: int
    group: ActivityGroup
    position: int  # 1-based order within its year and group
    number: str | None  # as written: "1)", "4.", or None for a bullet
    text: Text
    indicators: tuple[Indicator, ...] = ()
    dates: tuple[DateMention, ...] = ()
    minorities: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class ImplementationYear:
    """'I. ĪSTENOŠANAS GADS (...)'. `stated` is False when the report has no year headings
    and the whole delegation period is read as its only year."""

    ordinal: int
    numeral: str | None
    period: Period | None
    heading: Text | None
    stated: bool
    activities: tuple[Activity, ...] = ()
    notes: tuple[Text, ...] = ()
    #: True for the period the contract was extended by, headed as a year is
    #: ("PAGARINĀJUMA PERIODS (…)"): no implementation year, and past the delegation period
    #: as first agreed, by the report's own words.
    extension: bool = False


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount of money in the funding section."""

    role: AmountRole
    purpose: Purpose | None  # None: the total for its role
    value: Decimal | None  # None: the row names a year but gives no amount
    text: str  # the amount as written, "53 948, 50"
    label: str  # the words around it as written (the purpose phrase, a note)
    span: Span
    #: ISO 4217: "EUR", or "LVL" where the report writes lati beside the amount ("Ls 10
    #: 000,00", "8 785,05 LVL"): Latvia paid in lati until 2014.
    currency: str = "EUR"


@dataclass(frozen=True, slots=True)
class FundingYear:
    """Funding of one implementation year (or one calendar year in the older template)."""

    ordinal: int | None  # implementation year this row belongs to
    period: Period | None  # the date range written in the funding row, if any
    calendar_year: int | None  # older template: "2020.gads"
    amounts: tuple[Amount, ...]
    span: Span
    #: False when the row's sums are compared with nothing: an amount in it could not be
    #: read (its findings would accuse the report of an error the reader made), or its
    #: amounts are in two currencies (lati beside euro).
    compared: bool = True
    #: False when money carried in stands beside the plan ("Plānots 40 000,00 EUR un no
    #: iepriekšējā gada pārceltais atlikums 1 234,57 EUR"): the plan is not all that could
    #: be spent, and the sum that could is not written. The plan's lines, the overspend and
    #: the remainder are compared with nothing; the other sums are.
    plan_complete: bool = True

    def total(self, role: AmountRole) -> Amount | None:
        return next((a for a in self.amounts if a.role is role and a.purpose is None), None)

    def lines(self, role: AmountRole) -> tuple[Amount, ...]:
        return tuple(a for a in self.amounts if a.role is role and a.purpose is not None)


@dataclass(frozen=True, slots=True)
class Statement:
    """A short answer such as 'Nav' (none). `none` is True for an explicit 'Nav'."""

    text: Text
    none: bool
    #: An amount the answer states ("1 250,00 euro, neattiecināmi izdevumi ..."), as written
    #: with its source, and its value; None when it states none or more than one.
    amount: Text | None = None
    value: Decimal | None = None
    currency: str | None = None  # of the amount it states: ISO 4217, as `Amount.currency`


@dataclass(frozen=True, slots=True)
class Implementer:
    legal_form: LegalForm | None
    legal_form_text: str | None  # "Biedrība"
    name: Text  # without quotation marks
    registration_number: Text | None
    text: Text  # the whole cell as written


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The document a report was read from, when that is not plain text: a Word, PDF,
    OpenDocument or HTML file, perhaps fetched from where it is published."""

    media_type: str
    sha256: str  # of the original bytes
    size: int  # bytes
    extension: str  # ".pdf", ".docx"...: how the original is published; "" for the text itself
    page_starts: tuple[int, ...] = ()  # offset in the source text where each page begins
    url: str | None = None  # where it was fetched from
    retrieved: str | None = None  # when it was downloaded, UTC ISO 8601

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of a character of the source text; None without pages."""
        if not self.page_starts:
            return None
        return max(bisect.bisect_right(self.page_starts, offset), 1)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one report says, and where it says it."""

    file: str  # the name the report was read under
    sha256: str  # of the file's bytes
    source_text: str  # see `Span`
    title: Text | None
    title_years: tuple[int, int] | None  # "(2022-2025)"
    task: Text | None
    region_in_title: RegionMention | None
    region_in_task: RegionMention | None
    implementer: Implementer | None
    delegation_period: Period | None
    #: The end the delegation period was extended to, as its note or cell says
    #: ("(… termiņš pagarināts līdz 2025.gada 31.augustam)"); the period stays as written.
    delegation_extended_to: DateMention | None = None
    objectives: tuple[Text, ...] = ()
    years: tuple[ImplementationYear, ...] = ()
    funding: tuple[FundingYear, ...] = ()
    #: The funding over the whole contract, stated beside the years ("Kopā par visu līguma
    #: periodu: plānots …; faktiski izlietoti …; atgriezti …"): a total of each role it
    #: names, no year's amount (the years' amounts add up to it).
    contract_totals: tuple[Amount, ...] = ()
    irregular_expenditure: Statement | None = None
    unrecovered_amount: Statement | None = None
    other_information: Statement | None = None
    unlabelled: tuple[Text, ...] = ()  # text outside any known section, kept as written
    after_end: Text | None = None  # text after the table's end (a second report pasted in…)
    document: SourceDocument | None = None  # the original, when not the text itself

    @property
    def region(self) -> str | None:
        """The region key, preferring the title (the task text of one report is wrong)."""
        found = self.region_in_title or self.region_in_task
        return found.key if found else None

    @property
    def activities(self) -> tuple[Activity, ...]:
        return tuple(a for y in self.years for a in y.activities)

    @property
    def file_name(self) -> str:
        return file_name(self.file)


def file_name(file: str) -> str:
    """A report file's name without its folder, as published: where the reports were read
    from is the user's machine, not the data (and the same reports read from another
    folder publish the same files). Unique in a build, as the reports' keys are."""
    return file.replace("\\", "/").rpartition("/")[2]


@dataclass(frozen=True, slots=True)
class Parsed:
    """The outcome of reading one file: a report (None when it could not be read) and findings."""

    file: str
    report: Report | None
    findings: tuple[Problem, ...] = field(default=())

    @property
    def has_errors(self) -> bool:
        return self.report is None or any(f.severity is Severity.ERROR for f in self.findings)
