"""Reading a printed grade onto the comparable scale: each framework's own scale, and the
cases that must be flagged (None) rather than guessed."""

from __future__ import annotations

import pytest

from vocabulary import (
    APA_SCALE,
    NUMBERED_SCALE,
    WORD_SCALE,
    Framework,
    Grade,
    grade_from_rank,
    grade_rank,
    read_grade,
    read_grade_on,
)


@pytest.mark.parametrize(
    ("printed", "grade"),
    [
        ("4", Grade.OUTSTANDING),  # the 2006 APA scores 4 as best
        ("3", Grade.GOOD),
        ("2", Grade.REQUIRES_IMPROVEMENT),
        ("1", Grade.INADEQUATE),
        ("Grade 4 - excellent", Grade.OUTSTANDING),
    ],
)
def test_apa_numbers_read_with_four_as_best(printed, grade):
    assert read_grade(Framework.APA, printed) == grade


@pytest.mark.parametrize(
    ("printed", "grade"),
    [
        ("Grade 1 (Outstanding)", Grade.OUTSTANDING),
        ("Grade 2 (Good)", Grade.GOOD),
        ("Grade 3 (Adequate)", Grade.REQUIRES_IMPROVEMENT),
        ("Grade 4 (Inadequate)", Grade.INADEQUATE),
        ("1", Grade.OUTSTANDING),
    ],
)
def test_numbered_grades_read_with_one_as_best(printed, grade):
    assert read_grade(Framework.SLAC, printed) == grade
    assert read_grade(Framework.LAC, printed) == grade


@pytest.mark.parametrize(
    ("printed", "grade"),
    [
        ("Requires improvement to be good", Grade.REQUIRES_IMPROVEMENT),
        ("requires\n improvement   to be good", Grade.REQUIRES_IMPROVEMENT),
        ("**Good**", Grade.GOOD),
        ("Outstanding", Grade.OUTSTANDING),
        ("Inadequate", Grade.INADEQUATE),
        ("Adequate", Grade.REQUIRES_IMPROVEMENT),
    ],
)
def test_words_read_on_the_word_scale(printed, grade):
    assert read_grade(Framework.ILACS, printed) == grade


@pytest.mark.parametrize(
    ("scale", "printed"),
    [
        (NUMBERED_SCALE, "Grade 1 (Inadequate)"),  # number and word disagree
        (APA_SCALE, "2 3"),  # two numbers
        (WORD_SCALE, "Good and outstanding"),  # two words
        (WORD_SCALE, "4"),  # a bare number on a scale of words
        (WORD_SCALE, ""),
        (WORD_SCALE, "Not judged"),
    ],
)
def test_unreadable_grades_are_none_never_guessed(scale, printed):
    assert read_grade_on(scale, printed) is None


def test_an_ungraded_kind_has_no_scale_to_read_on():
    with pytest.raises(KeyError):
        read_grade("no-such-kind", "Good")


def test_ranks_run_best_first_and_back():
    assert [grade_rank(grade) for grade in Grade] == [1, 2, 3, 4]
    assert grade_rank(None) is None and grade_rank("") is None
    assert [grade_from_rank(rank) for rank in (1, 2, 3, 4)] == list(Grade)
