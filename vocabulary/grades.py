"""Grades: the one comparable scale, each framework's printed scale, and reading a printed grade.

Ofsted has graded English children's services on several scales since 2006. The 2006
annual performance assessment (APA) scores 4 as the *best* grade; the 2009-2013 frameworks
print "Grade 1 (Outstanding)" to "Grade 4 (Inadequate)"; from 2013 grades are words.
To compare across years everything is mapped onto one ordinal scale, the modern one
(Outstanding, Good, Requires improvement / Adequate, Inadequate), while the grade as
printed is always kept beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .choices import Choices


class Grade(Choices):
    """The one comparable scale, best first."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires-improvement", "Requires improvement / Adequate"
    INADEQUATE = "inadequate", "Inadequate"

    @property
    def rank(self) -> int:
        """1 = Outstanding ... 4 = Inadequate (DfE's convention)."""
        return GRADE_RANKS[self]

    @property
    def short_label(self) -> str:
        return GRADE_SHORT_LABELS[self]


GRADE_RANKS: dict[str, int] = {
    Grade.OUTSTANDING: 1,
    Grade.GOOD: 2,
    Grade.REQUIRES_IMPROVEMENT: 3,
    Grade.INADEQUATE: 4,
}
GRADE_SHORT_LABELS: dict[str, str] = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement",
    Grade.INADEQUATE: "Inadequate",
}


def grade_rank(grade: str | None) -> int | None:
    """Rank of a comparable grade value (1 best .. 4 worst), None when there is no grade."""
    return GRADE_RANKS.get(grade) if grade else None


def grade_from_rank(rank: int) -> Grade:
    return next(Grade(g) for g, r in GRADE_RANKS.items() if r == rank)


@dataclass(frozen=True)
class Scale:
    """How a framework prints its grades."""

    name: str
    description: str
    numeric_best_high: bool | None  # True: 4 is best (APA); False: 1 is best; None: words only


APA_SCALE = Scale(
    "APA 1-4",
    "APA scale: 4 = excellent/outstanding (best), 3 = good, 2 = adequate, 1 = inadequate",
    numeric_best_high=True,
)
NUMBERED_SCALE = Scale(
    "Grade 1-4",
    "Grade 1 = outstanding (best), 2 = good, 3 = adequate, 4 = inadequate",
    numeric_best_high=False,
)
WORD_SCALE = Scale(
    "Four words",
    "Outstanding (best), Good, Requires improvement (to be good), Inadequate",
    numeric_best_high=None,
)


# Word forms as printed, in any framework. Longer phrases first so that "requires
# improvement to be good" is not read as "good".
_WORD_GRADES: tuple[tuple[re.Pattern[str], Grade], ...] = tuple(
    (re.compile(pattern), grade)
    for pattern, grade in (
        (r"\brequires? improvement\b(?: to be good)?", Grade.REQUIRES_IMPROVEMENT),
        (r"\binadequate\b", Grade.INADEQUATE),
        (r"\boutstanding\b", Grade.OUTSTANDING),
        (r"\bexcellent\b", Grade.OUTSTANDING),
        (r"\bgood\b", Grade.GOOD),
        (r"\badequate\b", Grade.REQUIRES_IMPROVEMENT),
    )
)

_NUMBER = re.compile(r"(?<![\d.])([1-4])(?![\d.])")

_APA_NUMBERS = {
    "4": Grade.OUTSTANDING,
    "3": Grade.GOOD,
    "2": Grade.REQUIRES_IMPROVEMENT,
    "1": Grade.INADEQUATE,
}
_NUMBERED_NUMBERS = {
    "1": Grade.OUTSTANDING,
    "2": Grade.GOOD,
    "3": Grade.REQUIRES_IMPROVEMENT,
    "4": Grade.INADEQUATE,
}


def _grade_from_words(text: str) -> Grade | None:
    found = {grade for pattern, grade in _WORD_GRADES if pattern.search(text)}
    # "requires improvement to be good" matches both; the longer phrase wins.
    if Grade.REQUIRES_IMPROVEMENT in found and re.search(r"improvement to be good", text):
        found.discard(Grade.GOOD)
    return found.pop() if len(found) == 1 else None


def read_grade_on(scale: Scale, printed: str) -> Grade | None:
    """Map a grade as printed on ``scale`` to the comparable scale, or None if it cannot be read.

    ``printed`` may be a bare number ("4"), a numbered grade ("Grade 2 (Good)"), or words
    ("Requires improvement to be good", "excellent"). A number is read on the scale given
    (APA: 4 is best). When a number and a word disagree, or nothing is recognisable, the
    answer is None: the caller flags it rather than guessing.
    """
    text = re.sub(r"[*_]+", " ", printed or "").lower()
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    from_words = _grade_from_words(text)
    numbers = set(_NUMBER.findall(text))
    from_number: Grade | None = None
    if len(numbers) == 1 and scale.numeric_best_high is not None:
        table = _APA_NUMBERS if scale.numeric_best_high else _NUMBERED_NUMBERS
        from_number = table[numbers.pop()]
    elif len(numbers) > 1:
        return None
    if from_words and from_number and from_words != from_number:
        return None
    return from_words or from_number
