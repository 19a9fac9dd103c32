"""National framework themes read out of recommendations (ingest.parsers.themes)."""

from __future__ import annotations

import pytest

from ingest.parsers.base import ParsedRecommendation
from ingest.parsers.themes import read_tag, take_themes
from vocabulary import Theme


def _take(*texts: str) -> tuple[list[tuple[str, str]], list[str]]:
    recommendations = [
        ParsedRecommendation(section="What needs to improve?", timescale="", kind="", text=text)
        for text in texts
    ]
    warnings = take_themes(recommendations)
    return [(r.text, r.national_framework) for r in recommendations], warnings


@pytest.mark.parametrize(
    ("printed", "text", "theme"),
    [
        # The common form, as printed after the item's full stop or before it.
        ("Life-story work. (outcome 4, national framework)", "Life-story work.", "outcome 4"),
        ("Life-story work (Outcome 4, National Framework).", "Life-story work.", "outcome 4"),
        ("Life-story work (OUTCOME 4, NATIONAL FRAMEWORK)", "Life-story work", "outcome 4"),
        ("Oversight. (enabler 3, national framework)", "Oversight.", "enabler 3"),
        # Numbers as words, a colon, no comma, the framework first.
        ("Oversight. (Enabler two: national framework)", "Oversight.", "enabler 2"),
        ("Missing children (Outcome three, national framework)", "Missing children", "outcome 3"),
        ("Homes (outcome 4 national framework)", "Homes", "outcome 4"),
        ("Plans (national framework, outcome 2)", "Plans", "outcome 2"),
        ("Care leavers (National Framework outcome four)", "Care leavers", "outcome 4"),
        ("Staffing (Outcome 3 National Social Care Framework)", "Staffing", "outcome 3"),
        # A principle.
        ("Sign-off. (principle 2, national framework)", "Sign-off.", "principle 2"),
        # The framework's name for a number.
        (
            "Supervision (enabler: the workforce is equipped and effective, national framework)",
            "Supervision",
            "enabler 3",
        ),
        (
            "Workloads. (Enabler 2: Leaders drive conditions for effective practice)",
            "Workloads.",
            "enabler 2",
        ),
        # Square brackets, and none: the item's last sentence.
        ("Neglect [Outcome 3, national framework].", "Neglect.", "outcome 3"),
        ("Neglect [ Outcome 3, national framework].", "Neglect.", "outcome 3"),
        (
            "Disabled children's plans. Enabler three: National Framework.",
            "Disabled children's plans.",
            "enabler 3",
        ),
        # No "national framework" at all, as some 2025 reports print it.
        ("Young carers in plans. (Outcome 1)", "Young carers in plans.", "outcome 1"),
        ("Staffing for children (Enabler two).", "Staffing for children.", "enabler 2"),
        ("Sign-off of assessments. (principle 4)", "Sign-off of assessments.", "principle 4"),
    ],
)
def test_a_tag_is_read_out_of_the_item(printed, text, theme):
    assert _take(printed) == ([(text, theme)], [])


def test_a_tag_in_the_middle_of_an_item_is_taken_out_of_it():
    rows, warnings = _take(
        "Responses to children who go missing (outcome 3, national framework), including "
        "return home interviews."
    )
    assert rows == [
        ("Responses to children who go missing, including return home interviews.", "outcome 3")
    ]
    assert warnings == []


def test_several_tags_are_all_kept_in_printed_order():
    rows, _ = _take(
        "Oversight (enabler 2, national framework) of plans (outcome 4, national framework).",
        "Planning (outcomes 1 and 3, national framework).",
        "Help (outcome 1 and enabler 1, national framework).",
    )
    assert rows == [
        ("Oversight of plans.", "enabler 2; outcome 4"),
        ("Planning.", "outcome 1; outcome 3"),
        ("Help.", "outcome 1; enabler 1"),
    ]


def test_a_theme_printed_twice_is_stored_once():
    assert _take("Plans (outcome 4) (Outcome four, national framework)")[0] == [
        ("Plans", "outcome 4")
    ]


@pytest.mark.parametrize(
    "printed",
    [
        "Plans. (outcome 7, national framework)",  # no seventh outcome
        "Plans. (national framework)",  # no part named
        "Plans. (enabler: leaders are kind, national framework)",  # not the framework's name
        "Plans. (Outcome 9)",  # starts like a tag
        "Plans. Outcome nine: national framework.",
    ],
)
def test_a_tag_that_does_not_read_stays_in_the_text_with_a_warning(printed):
    rows, warnings = _take(printed)
    assert rows == [(printed, "")]
    assert len(warnings) == 1
    assert "Recommendation 1 ('Plans." in warnings[0]
    assert "could not be read" in warnings[0] and "left in the text" in warnings[0]


@pytest.mark.parametrize(
    "printed",
    [
        "Care leavers' access to their records (including health histories).",
        "Practice in line with the national framework.",
        "The outcome for children (their progress) is unclear.",
        "Plans for children in care and care leavers.",
    ],
)
def test_brackets_and_mentions_that_are_not_tags_are_left_alone(printed):
    assert _take(printed) == ([(printed, "")], [])


def test_read_tag_names_themes_or_none():
    assert read_tag("outcome 4, national framework") == [Theme.OUTCOME_4]
    assert read_tag("the national framework") is None
    assert read_tag("see outcome 4") is None  # words before the part: not a tag
    assert read_tag("principle 7") is None


def test_an_item_that_is_only_a_tag_is_kept_as_printed_with_a_warning():
    rows, warnings = _take("(outcome 3, national framework)")
    assert rows == [("(outcome 3, national framework)", "")]
    assert len(warnings) == 1 and "is only a national framework reference" in warnings[0]
