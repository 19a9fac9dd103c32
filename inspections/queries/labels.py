"""Presentation labels of the read side: grade and area words (a framework's short name is
vocabulary.display_name)."""

from __future__ import annotations

from vocabulary import Area, Grade

# Shown wherever a judgement's grade could not be read: never shown as a grade.
NOT_READ = "not read — see report"


def grade_label(grade: str) -> str:
    """The comparable grade as a word, or :data:`NOT_READ` for an unreadable grade."""
    return Grade(grade).short_label if grade else NOT_READ


def area_short_label(area: str) -> str:
    """ "Help and protection" for "Help and protection / safeguarding": for narrow columns."""
    return Area(area).label.split(" / ")[0]


def grade_scale_labels() -> dict[int, str]:
    """Rank -> word, for chart axes: 1 Outstanding ... 4 Inadequate."""
    return {grade.rank: grade.short_label for grade in Grade}
