"""The table of report kinds: Framework is built from it, and each kind's facts hold together."""

from __future__ import annotations

from datetime import date

import pytest

from vocabulary import (
    KINDS,
    Area,
    Framework,
    InspectionType,
    display_name,
    expected_areas,
    has_overall_judgement,
    kind,
    scale_for,
)


def test_framework_choices_follow_the_table():
    assert Framework.choices == [(k.value, k.label) for k in KINDS]
    assert [member.name for member in Framework] == [k.name for k in KINDS]
    assert Framework("sif") is Framework.SIF and Framework.SIF == "sif"
    assert str(Framework.ILACS_2026) == "ilacs-2026"


def test_every_kind_is_complete():
    for report_kind in KINDS:
        assert report_kind.short_name and report_kind.label
        assert kind(report_kind.value) is report_kind
        if report_kind.has_overall_judgement:
            assert report_kind.graded and Area.OVERALL in report_kind.expected_areas
        if report_kind.graded:
            assert scale_for(report_kind.value) is report_kind.scale


@pytest.mark.parametrize(
    ("framework", "inspection_type", "name"),
    [
        (Framework.APA, InspectionType.FULL, "APA"),
        (Framework.SIF, InspectionType.REINSPECTION, "SIF re-inspection"),
        (Framework.ILACS, InspectionType.SHORT, "ILACS short"),
        (Framework.ILACS_2026, InspectionType.STANDARD, "ILACS standard (no overall grade)"),
        (Framework.SLAC, InspectionType.FULL, "Safeguarding and looked after children"),
    ],
)
def test_display_name(framework, inspection_type, name):
    assert display_name(framework, inspection_type) == name


def test_ilacs_judges_care_leavers_apart_from_2023():
    before = expected_areas(Framework.ILACS, date(2022, 11, 1))
    after = expected_areas(Framework.ILACS, date(2023, 1, 9))
    assert Area.CARE_LEAVERS not in before
    assert after == (*before, Area.CARE_LEAVERS)


def test_only_whole_service_frameworks_judge_overall_effectiveness():
    assert {f for f in Framework if has_overall_judgement(f)} == {
        Framework.APA,
        Framework.SIF,
        Framework.ILACS,
    }
