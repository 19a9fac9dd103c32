"""England at any date: how many authorities stood at each grade, for England and regions.

The rule, stated on the page, is that of Ofsted's official statistics ("inspections and
outcomes as at 31 March, published by 30 April"): as at a date, each authority counts with
its most recent judgement of the area from an inspection under the single inspection
framework (2013-2018) or ILACS (2018 on) that ended on or before that date and whose report
was published within 30 days after it. scripts/check_england_statistics.py holds the result
against Ofsted's published figures. These frameworks share one four-word scale;
earlier ones graded on other scales and are left out rather than compared. The authorities
counted are those that existed on the date (152 on 31 August 2018, 153 on 31 March 2025), each
with its own judgements: as in Ofsted's tables, one formed by a reorganisation counts from its
first inspection (North West as at 31 March 2024: 22 authorities judged, Cumberland and
Westmorland and Furness not yet), and the authorities it replaced no longer count.

Everything is computed in Python from one query of the judgements that can count (a few
thousand rows at national scale), so a series of dates costs no more queries than one.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max

from authorities.models import Authority, Region
from vocabulary import GRADE_RANKS, Area, Framework, Grade

from .freshness import current_version
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
# Ofsted's statistics as at a date count reports published up to a month after it.
PUBLICATION_LAG = timedelta(days=30)


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
            "inspection__authority__slug",
        )
    )
    return [
        Standing(*row[:-1], counts_from=_counts_from(row[7], row[8]), authority_slug=row[-1])
        for row in rows
    ]


def _counts_from(end_date: date, published_on: date | None) -> date:
    """The first day an inspection counts: it has ended, and its report is published no
    more than PUBLICATION_LAG after that day."""
    if published_on is None:
        return end_date
    return max(end_date, published_on - PUBLICATION_LAG)


class England:
    """The judgements that can count, ready to be read as at any date."""

    def __init__(self) -> None:
        self.candidates = _candidates()
        self.authorities = {authority.pk: authority for authority in Authority.objects.all()}

    def not_yet_judged(self, as_at: date, area: str = Area.OVERALL) -> list[Authority]:
        """Authorities that existed on ``as_at`` but had no judgement of ``area`` counted."""
        judged = {s.authority_id for s in self.standings(as_at) if s.area == area}
        return sorted((a for a in self.existing(as_at) if a.pk not in judged), key=lambda a: a.name)

    def existing(self, as_at: date) -> list[Authority]:
        """The authorities that existed on ``as_at``: the ones England counts then."""
        return [a for a in self.authorities.values() if a.existed_on(as_at)]

    def standings(self, as_at: date) -> list[Standing]:
        """Each authority that existed on ``as_at``: its latest judgement of each area."""
        existing = {authority.pk for authority in self.existing(as_at)}
        latest: dict[tuple[int, str], Standing] = {}
        for standing in self.candidates:  # in inspection order: later ones replace
            if standing.counts_from <= as_at and standing.authority_id in existing:
                key = (standing.authority_id, standing.area)
                previous = latest.get(key)
                if previous is None or previous.start_date <= standing.start_date:
                    latest[key] = standing
        return list(latest.values())

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

    key: str  # "england" or a Region value
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
        lines.append(Line(key, name, values, sum(values)))
    return lines


# --------------------------------------------------------------------------- one authority


@dataclass
class Comparison:
    """How one authority's latest grade in an area sits among a group's latest grades."""

    group: str
    better: int
    same: int
    worse: int
    counts: list[int]  # authorities at each grade, best first

    @property
    def judged(self) -> int:
        return self.better + self.same + self.worse


@dataclass
class AreaStanding:
    area: Area
    standing: Standing | None
    comparisons: list[Comparison]


@dataclass
class Wait:
    """How long authorities with a given latest grade waited for their next inspection."""

    grade: Grade
    median_days: float
    shortest_days: int
    longest_days: int
    cases: int


def where_it_stands(data: England, authority: Authority, neighbour_ids: list[int], as_at: date):
    """For each headline area: the authority's latest grade against its statistical
    neighbours', its region's and England's (each counted as on the England page)."""
    standings = data.standings(as_at)
    by_key = {(s.authority_id, s.area): s for s in standings}
    region_ids = {pk for pk, other in data.authorities.items() if other.region == authority.region}
    result = []
    for area in AREAS:
        own = by_key.get((authority.pk, area))
        groups = [
            (f"its {len(neighbour_ids)} statistical neighbours", set(neighbour_ids)),
            (f"{authority.get_region_display()}", region_ids - {authority.pk}),
            ("England", set(data.authorities) - {authority.pk}),
        ]
        comparisons = []
        for name, members in groups:
            grades = [by_key[(pk, area)].grade for pk in members if (pk, area) in by_key]
            comparisons.append(_compare(name, own, grades))
        result.append(AreaStanding(area, own, comparisons))
    return result


def _compare(group: str, own: Standing | None, grades: list[str]) -> Comparison:
    counts = [grades.count(grade) for grade in GRADES]
    if own is None:
        return Comparison(group, 0, 0, 0, counts)
    mine = GRADE_RANKS[own.grade]
    ranks = [GRADE_RANKS[grade] for grade in grades]
    return Comparison(
        group,
        better=sum(1 for rank in ranks if mine < rank),
        same=sum(1 for rank in ranks if mine == rank),
        worse=sum(1 for rank in ranks if mine > rank),
        counts=counts,
    )


def waits_by_grade(data: England) -> dict[str, Wait]:
    """From the national data: days from the last day of an inspection judging overall
    effectiveness to the first day of the authority's next one, by the grade it gave."""
    inspections: dict[int, dict[date, Standing]] = defaultdict(dict)
    for standing in data.candidates:
        if standing.area == Area.OVERALL:
            inspections[standing.authority_id][standing.start_date] = standing
    gaps: dict[str, list[int]] = defaultdict(list)
    for by_start in inspections.values():
        ordered = [by_start[start] for start in sorted(by_start)]
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            gaps[earlier.grade].append((later.start_date - earlier.end_date).days)
    waits = {}
    for grade in GRADES:
        days = sorted(gaps.get(grade, []))
        if days:
            middle = len(days) // 2
            median = days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2
            waits[grade] = Wait(grade, median, days[0], days[-1], len(days))
    return waits


# --------------------------------------------------------------------------- per process

_national: tuple[tuple, England] | None = None
_national_lock = threading.Lock()


def national() -> England:
    """The England data, read once per change of the data in each web process.

    Kept under the data version (bumped by every save, delete and load) and the newest
    judgement's id (which bulk writes, such as synthetic data, move without a signal), so
    it is never stale; the two cost two small queries instead of reading every judgement
    that can count.
    """
    global _national
    key = (current_version(), Judgement.objects.aggregate(last=Max("id"))["last"])
    with _national_lock:
        if _national is not None and _national[0] == key:
            return _national[1]
    data = England()
    with _national_lock:
        _national = (key, data)
    return data


def forget() -> None:
    """Drop the kept England data (tests roll the database back under it)."""
    global _national
    with _national_lock:
        _national = None
