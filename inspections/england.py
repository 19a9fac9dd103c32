"""England at any date: how many authorities stood at each grade, for England and regions.

The rule, stated on the page: as at a date, each authority counts with its most recent
judgement of the area from an inspection under the single inspection framework (2013-2018)
or ILACS (2018 on), whose report was published on or before that date (the inspection's
last day where no publication date is known). These frameworks share one four-word scale;
earlier ones graded on other scales and are left out rather than compared. A former
authority counts until one of its successors has such a judgement of the area.

Everything is computed in Python from one query of the judgements that can count (a few
thousand rows at national scale), so a series of dates costs no more queries than one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F
from django.db.models.functions import Coalesce

from authorities.models import Authority, Region

from .grades import GRADE_RANKS, Area, Framework, Grade
from .models import Judgement

AREAS: tuple[Area, ...] = (
    Area.OVERALL,
    Area.HELP_AND_PROTECTION,
    Area.CHILDREN_IN_CARE,
    Area.CARE_LEAVERS,
    Area.LEADERSHIP,
)
FRAMEWORKS = (Framework.SIF, Framework.ILACS, Framework.ILACS_2026)
GRADES: tuple[Grade, ...] = tuple(Grade)
FIRST_QUARTER = date(2014, 3, 31)


@dataclass(frozen=True)
class Standing:
    """One authority's latest judgement of one area as at a date."""

    authority_id: int
    area: str
    grade: str
    grade_as_printed: str
    framework: str
    inspection_type: str
    start_date: date
    end_date: date
    published_on: date | None
    counts_from: date
    authority_slug: str


def _candidates() -> list[Standing]:
    rows = (
        Judgement.objects.filter(
            inspection__is_published=True,
            inspection__framework__in=FRAMEWORKS,
            area__in=AREAS,
        )
        .exclude(grade="")
        .annotate(counts_from=Coalesce("inspection__published_on", "inspection__end_date"))
        .order_by("inspection__start_date", "inspection_id", "order")
        .values_list(
            "inspection__authority_id",
            "area",
            "grade",
            "grade_as_printed",
            "inspection__framework",
            "inspection__inspection_type",
            "inspection__start_date",
            "inspection__end_date",
            "inspection__published_on",
            F("counts_from"),
            "inspection__authority__slug",
        )
    )
    return [Standing(*row) for row in rows]


class England:
    """The judgements that can count, ready to be read as at any date."""

    def __init__(self) -> None:
        self.candidates = _candidates()
        self.authorities = {
            authority.pk: authority
            for authority in Authority.objects.prefetch_related("successors")
        }
        self.successors = {
            pk: [successor.pk for successor in authority.successors.all()]
            for pk, authority in self.authorities.items()
        }

    def standings(self, as_at: date) -> list[Standing]:
        """Each authority's latest judgement of each area as at ``as_at``."""
        latest: dict[tuple[int, str], Standing] = {}
        for standing in self.candidates:  # in inspection order: later ones replace
            if standing.counts_from <= as_at:
                key = (standing.authority_id, standing.area)
                previous = latest.get(key)
                if previous is None or previous.start_date <= standing.start_date:
                    latest[key] = standing
        return [
            standing
            for (authority_id, area), standing in latest.items()
            if not any((successor, area) in latest for successor in self.successors[authority_id])
        ]

    def distribution(self, as_at: date) -> dict[str, dict[str, Counter[str]]]:
        """{area: {"england" or region: Counter(grade)}} as at ``as_at``."""
        counts: dict[str, dict[str, Counter[str]]] = {area: defaultdict(Counter) for area in AREAS}
        for standing in self.standings(as_at):
            region = self.authorities[standing.authority_id].region
            counts[standing.area]["england"][standing.grade] += 1
            counts[standing.area][region][standing.grade] += 1
        return counts

    def shares_over_time(self, area: str, until: date) -> dict:
        """Chart data: each grade's share of authorities judged, quarter by quarter."""
        labels, shares = [], {grade: [] for grade in GRADES}
        for quarter in quarters(FIRST_QUARTER, until):
            counts = Counter(s.grade for s in self.standings(quarter) if s.area == area)
            total = sum(counts.values())
            labels.append(quarter.isoformat())
            for grade in GRADES:
                shares[grade].append(round(100 * counts[grade] / total, 1) if total else None)
        return {
            "title": f"{Area(area).label}: share of authorities at each grade, England",
            "labels": labels,
            "grades": [
                {"key": str(grade), "label": grade.short_label, "shares": shares[grade]}
                for grade in GRADES
            ],
        }


def quarters(first: date, until: date) -> list[date]:
    """The last days of the quarters from ``first`` to ``until``: 31 March, 30 June..."""
    ends = []
    year, month = first.year, first.month
    while True:
        end = _month_end(year, month)
        if end > until:
            return ends
        ends.append(end)
        month += 3
        if month > 12:
            year, month = year + 1, month - 12


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


@dataclass
class Line:
    """One line of a table: England or a region, with its count at each grade."""

    name: str
    counts: list[int]
    total: int

    @property
    def shares(self) -> list[float | None]:
        return [round(100 * count / self.total) if self.total else None for count in self.counts]


def table(counts: dict[str, Counter[str]]) -> list[Line]:
    """England first, then each region in the order of Region."""
    lines = []
    for key, name in [("england", "England"), *Region.choices]:
        counter = counts.get(key, Counter())
        values = [counter[grade] for grade in GRADES]
        lines.append(Line(name, values, sum(values)))
    return lines


def rank(grade: str) -> int | None:
    return GRADE_RANKS.get(grade)
