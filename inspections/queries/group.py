"""A compared group year by year: how many of the chosen authorities stood at each grade at
the end of each year, where the focus authority ranked among them, and the share of its
region and of England that was good or better on the same date.

Standings are those of the England page (SIF and ILACS judgements, counted as Ofsted's
statistics count them), so a group's figures and England's are read by one rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from authorities.models import Authority, Region
from vocabulary import GRADE_RANKS, Area, Grade

from .. import england, freshness
from .cells import GradeCell, decimal_year
from .labels import grade_label, grade_scale_labels

_GOOD_OR_BETTER = {str(Grade.OUTSTANDING), str(Grade.GOOD)}


@dataclass(frozen=True)
class Share:
    """Good or better, of the authorities judged."""

    good_or_better: int
    judged: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.good_or_better / self.judged) if self.judged else None


@dataclass(frozen=True)
class GroupYear:
    """The group at the end of one year (today, for this year)."""

    year: int
    as_at: date
    counts: tuple[int, ...]  # per grade, best first (vocabulary.Grade's order)
    group_size: int
    focus_grade: str  # "" when the focus authority had no judgement yet
    focus_rank: int | None  # 1 = best; authorities with the same grade share a rank
    focus_ties: int  # other authorities of the group at the focus authority's grade
    median_grade: str
    region: Share
    england: Share

    @property
    def judged(self) -> int:
        return sum(self.counts)

    @property
    def good_or_better(self) -> Share:
        return Share(self.counts[0] + self.counts[1], self.judged)

    @property
    def focus_grade_label(self) -> str:
        return grade_label(self.focus_grade) if self.focus_grade else ""

    @property
    def median_label(self) -> str:
        return grade_label(self.median_grade) if self.median_grade else ""


@dataclass(frozen=True)
class GroupSummary:
    area: Area
    focus: Authority
    region_name: str
    years: tuple[GroupYear, ...]

    def chart_data(self, focus_cells: Sequence[GradeCell]) -> dict[str, Any]:
        """The focus authority's own grades against the group's spread: a bubble per grade
        and year sized by how many of the group stood there, the group's median, and the
        focus authority's inspections as a line whose points sit on their grade lines."""
        bubbles = []
        for year in self.years:
            for grade, count in zip(Grade, year.counts, strict=True):
                if count:
                    bubbles.append(
                        {
                            "x": decimal_year(year.as_at),
                            "y": grade.rank,
                            "count": count,
                            "judged": year.judged,  # the base of the count, n
                            "grade": str(grade),
                            "label": grade.short_label,
                            "as_at": year.as_at.isoformat(),
                        }
                    )
        return {
            "title": f"{self.area.label}: {self.focus.name} against the group, year by year",
            "grades": grade_scale_labels(),
            "bubbles": bubbles,
            "median": [
                {
                    "x": decimal_year(year.as_at),
                    "y": GRADE_RANKS[year.median_grade],
                    "as_at": year.as_at.isoformat(),
                }
                for year in self.years
                if year.median_grade
            ],
            "focus": {
                "label": self.focus.name,
                "points": [cell.chart_point() for cell in focus_cells if cell.rank],
            },
        }


def _as_at(year: int, today: date) -> date:
    return min(date(year, 12, 31), today)


def group_summaries(
    national: england.England,
    authorities: Sequence[Authority],
    areas: Sequence[Area],
    years: range,
    today: date | None = None,
) -> dict[str, GroupSummary]:
    """For each headline area asked for, the group year by year (the first authority is the
    focus). Areas England does not count (outcomes, sub-judgements) have none."""
    if not authorities:
        return {}
    today = today or freshness.today()
    focus = authorities[0]
    members = {authority.pk for authority in authorities}
    region_ids = {pk for pk, a in national.authorities.items() if a.region == focus.region}
    counted = [area for area in areas if area in england.AREAS]
    rows: dict[str, list[GroupYear]] = {str(area): [] for area in counted}
    for year in years:
        as_at = _as_at(year, today)
        standings = national.standings(as_at)
        for area in counted:
            grades = {s.authority_id: s.grade for s in standings if s.area == area}
            rows[str(area)].append(_year(year, as_at, grades, focus.pk, members, region_ids))
    return {
        area: GroupSummary(Area(area), focus, Region(focus.region).label, tuple(years_of_area))
        for area, years_of_area in rows.items()
    }


def _year(
    year: int,
    as_at: date,
    grades: dict[int, str],
    focus_id: int,
    members: set[int],
    region_ids: set[int],
) -> GroupYear:
    group = [grades[pk] for pk in members if pk in grades]
    counts = Counter(group)
    own = grades.get(focus_id, "")
    rank = ties = None
    if own:
        rank = 1 + sum(1 for grade in group if GRADE_RANKS[grade] < GRADE_RANKS[own])
        ties = counts[own] - 1
    ordered = sorted(group, key=GRADE_RANKS.__getitem__)
    return GroupYear(
        year=year,
        as_at=as_at,
        counts=tuple(counts[str(grade)] for grade in Grade),
        group_size=len(members),
        focus_grade=own,
        focus_rank=rank,
        focus_ties=ties or 0,
        # The middle authority's grade (of two in the middle, the better).
        median_grade=ordered[(len(ordered) - 1) // 2] if ordered else "",
        region=_share(grades, region_ids),
        england=_share(grades, grades.keys()),
    )


def _share(grades: dict[int, str], ids) -> Share:
    judged = [grades[pk] for pk in ids if pk in grades]
    return Share(sum(1 for grade in judged if grade in _GOOD_OR_BETTER), len(judged))
