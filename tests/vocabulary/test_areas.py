"""Printed judgement labels onto comparable areas; unknown labels are kept as Other."""

from __future__ import annotations

import pytest

from vocabulary import Area, Framework, area_for, normalise_label


@pytest.mark.parametrize(
    ("framework", "section", "label", "area"),
    [
        (Framework.SIF, "", "Overall effectiveness", Area.OVERALL),
        (
            Framework.ILACS,
            "Judgements",
            "The experiences and progress of children in care and care leavers",
            Area.CHILDREN_IN_CARE,
        ),
        (Framework.ILACS, "", "The experiences and progress of care leavers", Area.CARE_LEAVERS),
        (
            Framework.SIF,
            "",
            "Children looked after and achieving permanence",
            Area.CHILDREN_IN_CARE,
        ),
        (Framework.SIF, "", "Adoption performance", Area.ADOPTION),
        (Framework.SIF, "", "Leadership, management and governance", Area.LEADERSHIP),
        (
            Framework.LSCB_REVIEW,
            "",
            "The Surrey Safeguarding Children Board is good",
            Area.LSCB,
        ),
        (Framework.APA, "", "Capacity to improve", Area.CAPACITY_TO_IMPROVE),
        (Framework.APA, "", "Being healthy", Area.BEING_HEALTHY),
        # A section's own overall effectiveness takes the section's area (2009-2012).
        (
            Framework.SLAC,
            "Safeguarding services",
            "Overall effectiveness",
            Area.HELP_AND_PROTECTION,
        ),
        (
            Framework.SLAC,
            "Services for looked after children",
            "Overall effectiveness",
            Area.CHILDREN_IN_CARE,
        ),
        # A looked-after-children-only inspection's overall judgement is about children in care.
        (Framework.LAC, "", "Overall effectiveness", Area.CHILDREN_IN_CARE),
        (
            Framework.SLAC,
            "Quality of provision",
            "Service responsiveness",
            Area.SERVICE_RESPONSIVENESS,
        ),
        (Framework.SLAC, "", "Case planning, review and recording", Area.CASE_PLANNING),
        (Framework.SIF, "", "Something Ofsted has never judged", Area.OTHER),
    ],
)
def test_area_for(framework, section, label, area):
    assert area_for(framework, section, label) == area


def test_normalise_label_drops_numbering_markup_and_punctuation():
    assert normalise_label("2.1 <b>Being  healthy</b>:") == "being healthy"
    assert normalise_label("(b) Children’s   services*") == "children's services"
