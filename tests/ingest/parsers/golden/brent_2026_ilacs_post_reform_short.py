"""Brent's 2026 ILACS short inspection (after the April 2026 change), read off the corpus
report's layout text.

Page 1: "Inspection of Brent local authority" / "children's services"; "Inspection dates: 27
April to 1 May 2026" (one week: short); "Lead inspector: Monique Lindsay, His Majesty's
Inspector". Table of four judgements, all Good, and no overall effectiveness row (pattern
5: the ilacs-2026 framework, no warning).

"What needs to improve?1" (page 2): four bullets; the first wraps over four rows with its
cross-reference split "(Outcome" / "2, national framework)".
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
GOOD = ("Good", "good")

EXPECTED = {
    "sources": ["corpus/brent-2026-06-17-children-s-services-inspection"],
    "framework": "ilacs-2026",
    "inspection_type": "short",
    "authority_name": "Brent",
    "title": "Inspection of Brent local authority children's services",
    "start_date": date(2026, 4, 27),
    "end_date": date(2026, 5, 1),
    "published_on": None,
    "lead_inspector": "Monique Lindsay",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *GOOD,
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            *GOOD,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", *GOOD, "children-in-care"),
        (J, "The experiences and progress of care leavers", *GOOD, "care-leavers"),
    ],
    "recommendations": [
        (
            *REC,
            "The consistency with which work with children subject to care proceedings, and "
            "the pre-proceedings stage of the Public Law Outline (PLO) is progressed, in "
            "particular the management oversight and decision making of this work.",
        ),
        (*REC, "The consideration of children's previous history in decision-making"),
        (*REC, "The consistency and quality of life-story work for children in long-term care."),
        (*REC, "The completion of mandatory training for approved foster carers."),
    ],
    "national_framework": ["outcome 2", "outcome 2", "outcome 4", "outcome 4"],
}
