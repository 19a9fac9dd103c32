"""The national framework's themes (vocabulary.themes)."""

from vocabulary import Theme, themes


def test_the_framework_has_four_outcomes_three_enablers_and_six_principles():
    parts = [theme.part for theme in Theme]
    assert (parts.count("outcome"), parts.count("enabler"), parts.count("principle")) == (4, 3, 6)
    assert Theme.OUTCOME_4.number == 4 and Theme.OUTCOME_4.short_label == "Outcome 4"


def test_themes_are_found_by_number_and_by_the_framework_s_name():
    assert themes.theme_of("Enabler", 3) is Theme.ENABLER_3
    assert themes.theme_of("outcome", 5) is None
    assert themes.theme_named("enabler", "The workforce is equipped and effective.") is (
        Theme.ENABLER_3
    )
    assert themes.theme_named("outcome", "the workforce is equipped and effective") is None
    assert themes.theme_named("principle", "") is None


def test_several_themes_join_in_order_once_and_split_back():
    value = themes.join([Theme.OUTCOME_3, Theme.ENABLER_2, Theme.OUTCOME_3])
    assert value == "outcome 3; enabler 2"
    assert themes.split(value) == ["outcome 3", "enabler 2"]
    assert themes.split("") == []


def test_invalid_themes_names_the_parts_that_are_not_themes():
    assert themes.invalid_themes("outcome 3; enabler 2") == []
    assert themes.invalid_themes("") == []
    assert themes.invalid_themes("outcome 3; outcome 9; Outcome 1") == ["outcome 9", "Outcome 1"]
