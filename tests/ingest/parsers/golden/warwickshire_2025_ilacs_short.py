"""Warwickshire's 2025 ILACS short inspection, read off the corpus report's layout text.

Page 1: "Inspection of Warwickshire local" / "authority children's services"; "Inspection
dates: 2 to 6 June 2025" (one week: short); no "Lead inspector:" line and no inspector named
anywhere in the report: the lead is left blank with a warning (pattern: lead inspector not
found, 2025). Table: leaders, help and protection, children in care Requires improvement to
be good; care leavers Good; overall effectiveness Requires improvement to be good.

"What needs to improve?1" (page 2, with the footnote mark of 2025 reports): four bullets,
each ending with its national framework cross-reference, read out of the item as its theme
("(outcome 3, national framework)").
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
RI = ("Requires improvement to be good", "requires-improvement")

EXPECTED = {
    "sources": ["corpus/warwickshire-2025-10-14-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "Warwickshire",
    "title": "Inspection of Warwickshire local authority children's services",
    "start_date": date(2025, 6, 2),
    "end_date": date(2025, 6, 6),
    "published_on": None,
    "lead_inspector": "",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *RI,
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            *RI,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", *RI, "children-in-care"),
        (J, "The experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (J, "Overall effectiveness", *RI, "overall"),
    ],
    "recommendations": [
        (
            *REC,
            "The consistency of response to children at risk of harm, including the "
            "timeliness of strategy/multi-agency child protection discussions.",
        ),
        (*REC, "The use of unregistered children's homes and the oversight of children"),
        (*REC, "The stability of care and timeliness of permanence decisions"),
        (*REC, "The consistency of supervision and oversight to promote consistently"),
    ],
    "national_framework": ["outcome 3", "outcome 4", "outcome 4", "enabler 2"],
    "warnings": ["No lead inspector found"],
}
