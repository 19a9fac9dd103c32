"""Cells: what a timeline or a comparison shows for one area in one inspection, and the
change between two of them.

Some frameworks judge one area twice in one report (the 2009-2012 safeguarding and looked
after children inspections judge leadership, capacity to improve and quality of provision in
both their sections): the cell uses the first judgement by its order in the report and says
so."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import vocabulary as grades

from .common import inspection_path
from .labels import grade_label


@dataclass(frozen=True)
class GradeCell:
    """One area's judgement in one inspection, as a timeline or comparison shows it."""

    area: str
    grade: str
    grade_as_printed: str
    label: str
    section: str
    framework: str
    inspection_type: str
    inspection_id: int
    start_date: date
    authority_slug: str
    judgements_in_area: int = 1

    @classmethod
    def from_row(cls, row: Mapping[str, Any], judgements_in_area: int = 1) -> GradeCell:
        return cls(
            area=row["area"],
            grade=row["grade"],
            grade_as_printed=row["grade_as_printed"],
            label=row["label"],
            section=row["section"],
            framework=row["inspection__framework"],
            inspection_type=row["inspection__inspection_type"],
            inspection_id=row["inspection_id"],
            start_date=row["inspection__start_date"],
            authority_slug=row["inspection__authority__slug"],
            judgements_in_area=judgements_in_area,
        )

    @property
    def url(self) -> str:
        """The path of the inspection page this cell comes from."""
        return inspection_path(self.authority_slug, self.start_date, self.framework)

    @property
    def is_read(self) -> bool:
        return bool(self.grade)

    @property
    def rank(self) -> int | None:
        return grades.grade_rank(self.grade)

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade)

    @property
    def framework_name(self) -> str:
        return grades.display_name(self.framework, self.inspection_type)

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def printed_description(self) -> str:
        """ "4 (APA scale: 4 = excellent/outstanding (best), ...)"."""
        return grades.describe_printed_grade(self.framework, self.grade_as_printed or "(blank)")

    @property
    def source_note(self) -> str:
        """Which judgement of the report the cell shows, saying so when there were several."""
        where = f"{self.section}: {self.label}" if self.section else self.label
        if self.judgements_in_area > 1:
            return f"{where} (the first of {self.judgements_in_area} judgements of this area in the report)"
        return where

    @property
    def tooltip(self) -> str:
        """Plain text for a title attribute: the printed grade, its scale and its source."""
        return (
            f"{self.grade_label} · printed: {self.printed_description} · "
            f"{self.start_date.year} {self.framework_name} · {self.source_note}"
        )

    @property
    def brief_tooltip(self) -> str:
        """The tooltip for a table of many rows, whose columns name the areas and whose
        page explains the scales once (the grade key): the printed grade and the report."""
        brief = (
            f"printed “{self.grade_as_printed or '(blank)'}” · {self.year} {self.framework_name}"
        )
        if self.judgements_in_area > 1:
            return f"{brief} · {self.source_note}"
        return brief

    def chart_point(self) -> dict[str, Any]:
        """What a chart tooltip needs; ``rank`` is None for an unreadable grade (no point)."""
        return {
            "rank": self.rank,
            "grade": self.grade_label,
            "printed": self.grade_as_printed or "(blank)",
            "scale": grades.scale_for(self.framework).description,
            "framework": f"{self.start_date.year} {self.framework_name}",
            "source": self.source_note,
            "url": self.url,
            "x": decimal_year(self.start_date),
        }


def decimal_year(day: date) -> float:
    """A date as a year with its fraction, for a chart's time axis: 2014-07-02 -> 2014.5."""
    return round(day.year + (day.timetuple().tm_yday - 1) / 365.25, 3)


def first_cells(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[int, str], GradeCell]:
    """The first judgement of each (inspection, area), counting how many there were.

    ``rows`` must be ordered by inspection then by order in the report.
    """
    first: dict[tuple[int, str], Mapping[str, Any]] = {}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for row in rows:
        key = (row["inspection_id"], row["area"])
        counts[key] += 1
        first.setdefault(key, row)
    return {key: GradeCell.from_row(row, counts[key]) for key, row in first.items()}


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    FIRST = "first"
    UNKNOWN = "unknown"
    OTHER_SCALE = "other-scale"  # the previous grade was on another framework's scale


@dataclass(frozen=True)
class Change:
    """How one area's grade moved since the previous inspection that judged it."""

    direction: Direction
    previous: GradeCell | None = None

    @property
    def symbol(self) -> str:
        return {
            Direction.BETTER: "▲",
            Direction.WORSE: "▼",
            Direction.SAME: "=",
            Direction.FIRST: "•",
            Direction.UNKNOWN: "?",
            Direction.OTHER_SCALE: "↔",
        }[self.direction]

    @property
    def text(self) -> str:
        previous = self.previous
        if previous is None:
            return "first judgement of this area"
        since = f"{previous.year} {previous.framework_name}: {previous.grade_label}"
        return {
            Direction.BETTER: f"better than {since}",
            Direction.WORSE: f"worse than {since}",
            Direction.SAME: f"same as {since}",
            Direction.UNKNOWN: f"cannot compare with {since}",
            Direction.OTHER_SCALE: (
                f"not compared: {since} was graded on another scale "
                f"({grades.scale_for(previous.framework).name})"
            ),
        }.get(self.direction, "")

    @property
    def short_text(self) -> str:
        """For a table whose previous row is in sight: "worse than 2021"."""
        previous = self.previous
        if previous is None:
            return "first judged"
        return {
            Direction.BETTER: f"better than {previous.year}",
            Direction.WORSE: f"worse than {previous.year}",
            Direction.SAME: f"same as {previous.year}",
            Direction.UNKNOWN: f"cannot compare with {previous.year}",
            Direction.OTHER_SCALE: f"{previous.year} on another scale",
        }.get(self.direction, "")


def change_between(previous: GradeCell | None, current: GradeCell) -> Change:
    if previous is None:
        return Change(Direction.FIRST)
    if previous.rank is None or current.rank is None:
        return Change(Direction.UNKNOWN, previous)
    # Pre-2013 frameworks graded on other scales: their grades are shown, not compared.
    if grades.scale_for(previous.framework) != grades.scale_for(current.framework):
        return Change(Direction.OTHER_SCALE, previous)
    if current.rank < previous.rank:
        return Change(Direction.BETTER, previous)
    if current.rank > previous.rank:
        return Change(Direction.WORSE, previous)
    return Change(Direction.SAME, previous)
