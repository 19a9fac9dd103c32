"""Trafford's 2026 ILACS inspection (June 2026, after the April 2026 change), read off the
corpus report's layout text.

Page 1: "Inspection of Trafford local authority" / "children's services"; "Inspection dates:
8 June 2026 to 19 June 2026" (two weeks: standard); "Lead inspector: Leanne Cooper, His
Majesty's Inspector". Table of four judgements and no overall effectiveness row, as from
April 2026 (pattern 5: normal, framework ilacs-2026, no warning): leaders Inadequate, help
and protection Inadequate, children in care Good, care leavers Requires improvement to be
good.

"What needs to improve?1" (page 2): nine bullets, none ending with a full stop, each with its
national framework reference in brackets ("(outcome 2, national framework)", "(enabler:
leaders drive conditions for effective practice, national framework)").
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
BAD = ("Inadequate", "inadequate")

EXPECTED = {
    "sources": ["corpus/trafford-2026-08-03-children-s-services-inspection"],
    "framework": "ilacs-2026",
    "inspection_type": "standard",
    "authority_name": "Trafford",
    "title": "Inspection of Trafford local authority children's services",
    "start_date": date(2026, 6, 8),
    "end_date": date(2026, 6, 19),
    "published_on": None,
    "lead_inspector": "Leanne Cooper",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *BAD,
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            *BAD,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", "Good", "good", "children-in-care"),
        (
            J,
            "The experiences and progress of care leavers",
            "Requires improvement to be good",
            "requires-improvement",
            "care-leavers",
        ),
    ],
    "recommendations": [
        (
            *REC,
            "Quality of contacts, timeliness and allocation response",
        ),
        (*REC, "Timeliness and response to children at risk of significant harm"),
        (*REC, "Quality and impact of safety planning"),
        (*REC, "Response to 16- and 17-year-old homeless children"),
        (*REC, "Quality, consistency and impact of management oversight"),
        (*REC, "Leaders' understanding of the effectiveness and impact of practice"),
        (*REC, "The identification and response to young carers"),
        (*REC, "Timeliness and recording of children's health assessments"),
        (*REC, "Quality of transitions and pathway planning for children leaving care"),
    ],
    "national_framework": [
        "outcome 2",
        "outcome 2",
        "outcome 2",
        "outcome 2",
        "enabler 2",
        "enabler 2",
        "outcome 1",
        "outcome 4",
        "outcome 4",
    ],
}
