"""Figures Ofsted published on local authority inspection outcomes, to hold England's against.

Each is a share (or count) of authorities at some grades, as at a date, for England or a
region, with where Ofsted published it. :func:`reproduce` computes the same figure from the
app's data with the England page's rule; ``scripts/check_england_statistics.py`` prints them
side by side and the England page shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from authorities.models import Region
from vocabulary import Area, Grade

from . import shared_results
from .england import England

TOLERANCE_POINTS = 1.0

MAIN_FINDINGS_2024 = (
    "Ofsted, Main findings: Local authority inspection outcomes as at 31 March 2024 "
    "(published 30 August 2024)"
)
AUTUMN_2019 = (
    "Ofsted, Local authority and children's homes in England inspections and outcomes "
    "autumn 2019: main findings (as at 31 August 2019)"
)
ANNUAL_REPORT_2018 = "Ofsted Annual Report 2017/18 (December 2018), as at 31 August 2018"
SIF_2015 = (
    "Ofsted children's social care data, as reported by CYP Now on 13 August 2015: the 59 "
    "authorities inspected under the SIF from November 2013 to 30 June 2015"
)

GOOD_OR_BETTER = ("outstanding", "good")


@dataclass(frozen=True)
class Published:
    as_at: date
    area: str
    region: str  # "" for England
    grades: tuple[str, ...]  # the grades whose share (or count) is published
    value: float  # a percentage, or a count when ``count`` is True
    source: str
    count: bool = False
    authorities: int | None = None  # how many authorities Ofsted's figure is of, if known

    def describe(self) -> str:
        """ "2024-03-31, North West, Overall effectiveness: Outstanding or Good" """
        where = Region(self.region).label if self.region else "England"
        grades = " or ".join(Grade(grade).short_label for grade in self.grades)
        return f"{self.as_at:%-d %B %Y}, {where}, {Area(self.area).label}: {grades}"

    @property
    def shown(self) -> str:
        return f"{self.value:g} authorities" if self.count else f"{self.value:g}%"


FIGURES = (
    Published(date(2024, 3, 31), "overall", "", GOOD_OR_BETTER, 60, MAIN_FINDINGS_2024),
    Published(date(2024, 3, 31), "overall", "london", GOOD_OR_BETTER, 85, MAIN_FINDINGS_2024),
    Published(date(2024, 3, 31), "overall", "north-west", GOOD_OR_BETTER, 36, MAIN_FINDINGS_2024),
    Published(date(2024, 3, 31), "help-and-protection", "", GOOD_OR_BETTER, 54, MAIN_FINDINGS_2024),
    # The same release: "compared with 53% as at 31 March 2022".
    Published(date(2022, 3, 31), "overall", "", GOOD_OR_BETTER, 53, MAIN_FINDINGS_2024),
    Published(date(2019, 8, 31), "overall", "", GOOD_OR_BETTER, 49, AUTUMN_2019),
    Published(date(2019, 8, 31), "leadership", "", GOOD_OR_BETTER, 56, AUTUMN_2019),
    Published(date(2019, 8, 31), "overall", "london", GOOD_OR_BETTER, 79, AUTUMN_2019),
    Published(date(2019, 8, 31), "overall", "west-midlands", GOOD_OR_BETTER, 21, AUTUMN_2019),
    # Every one of the 152 authorities of 2018 had been inspected under the SIF.
    Published(date(2018, 8, 31), "overall", "", GOOD_OR_BETTER, 42, ANNUAL_REPORT_2018, False, 152),
    Published(
        date(2018, 8, 31),
        "overall",
        "",
        ("requires-improvement",),
        45,
        ANNUAL_REPORT_2018,
        False,
        152,
    ),
    Published(
        date(2018, 8, 31), "overall", "", ("inadequate",), 13, ANNUAL_REPORT_2018, False, 152
    ),
    Published(date(2015, 6, 30), "overall", "", ("inadequate",), 14, SIF_2015, count=True),
    Published(
        date(2015, 6, 30), "overall", "", ("requires-improvement",), 31, SIF_2015, count=True
    ),
    Published(date(2015, 6, 30), "overall", "", ("good",), 14, SIF_2015, count=True),
    Published(date(2015, 6, 30), "overall", "", ("outstanding",), 0, SIF_2015, count=True),
)


@dataclass(frozen=True)
class Reproduced:
    figure: Published
    value: float  # the app's share (or count)
    matching: int  # authorities at the figure's grades
    judged: int  # authorities judged in the area

    @property
    def agrees(self) -> bool:
        """A share rounds to Ofsted's whole percentage give or take a point; a count is equal."""
        if self.figure.count:
            return self.matching == self.figure.value
        return abs(self.value - self.figure.value) <= TOLERANCE_POINTS + 0.5

    @property
    def shown(self) -> str:
        if self.figure.count:
            return f"{self.matching} authorities (of {self.judged} judged)"
        return f"{self.value:.1f}% ({self.matching} of {self.judged})"

    @property
    def coverage_gap(self) -> int:
        """How many more authorities Ofsted's figure is of than the app could count."""
        known = self.figure.authorities
        return known - self.judged if known and known > self.judged else 0


def reproduce(england: England, figure: Published) -> Reproduced:
    counts = england.distribution(figure.as_at)[figure.area][figure.region or "england"]
    judged = sum(counts.values())
    matching = sum(counts[grade] for grade in figure.grades)
    share = 100 * matching / judged if judged else 0.0
    return Reproduced(figure, float(matching) if figure.count else share, matching, judged)


def reproductions(england: England) -> list[Reproduced]:
    """Every published figure reproduced, computed once per data version for every worker
    (sixteen figures at six dates: the England page's dearest table after its chart)."""
    return shared_results.shared(
        "published-figures",
        FIGURES,
        lambda: [reproduce(england, figure) for figure in FIGURES],
        at=england.version,
    )
