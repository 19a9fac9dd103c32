"""Dorset's 2025 ILACS short inspection, read off Ofsted's PDF by hand.

Page 1: "Inspection of Dorset local authority / children's services" (the report prints
"Dorset", not "Dorset Council"); "Inspection dates: 17 March to 21 March 2025"; "Lead
inspector: Sarah Canto, His Majesty's Inspector"; no publication date. The report never says
"short inspection": one week on site (Monday 17 to Friday 21 March) is what marks it short.
Table: leaders, help and protection, children in care Outstanding; care leavers Good;
overall effectiveness Outstanding.

Body headings agree. "What needs to improve?" (page 2): one bullet, ending with its
cross-reference "(Outcome four, National Framework)".
"""

from datetime import date

J = "Judgements"

EXPECTED = {
    "sources": ["pdf-original/dorset-2025-ilacs-short.pdf"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "Dorset",
    "title": "Inspection of Dorset local authority children's services",
    "start_date": date(2025, 3, 17),
    "end_date": date(2025, 3, 21),
    "published_on": None,
    "lead_inspector": "Sarah Canto",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            "Outstanding",
            "outstanding",
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            "Outstanding",
            "outstanding",
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care",
            "Outstanding",
            "outstanding",
            "children-in-care",
        ),
        (J, "The experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (J, "Overall effectiveness", "Outstanding", "outstanding", "overall"),
    ],
    "recommendations": [
        (
            "What needs to improve?",
            "none-stated",
            "recommendation",
            "The clarity and detail of the care leaver offer, including for care leavers who "
            "are parents.",
        ),
    ],
    "national_framework": ["outcome 4"],
}
