"""Thurrock's 2024 ILACS short inspection, read off the corpus report's layout text.

Page 1: "Inspection of Thurrock local authority" / "children's services"; "Inspection dates:
16 to 20 September 2024" (one week: short); "Lead inspector: Rachel Griffiths, His
Majesty's Inspector". Table: all five judgements Outstanding.

The report has no "What needs to improve?" section at all (the summary runs straight into
the first body heading on page 2): no recommendations is what it says, not a failure.
"""

from datetime import date

J = "Judgements"
TOP = ("Outstanding", "outstanding")

EXPECTED = {
    "sources": ["corpus/thurrock-2024-10-29-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "Thurrock",
    "title": "Inspection of Thurrock local authority children's services",
    "start_date": date(2024, 9, 16),
    "end_date": date(2024, 9, 20),
    "published_on": None,
    "lead_inspector": "Rachel Griffiths",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *TOP,
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            *TOP,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", *TOP, "children-in-care"),
        (J, "The experiences and progress of care leavers", *TOP, "care-leavers"),
        (J, "Overall effectiveness", *TOP, "overall"),
    ],
    "recommendations": [],
}
