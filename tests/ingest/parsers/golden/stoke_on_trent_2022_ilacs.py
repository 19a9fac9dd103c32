"""Stoke-on-Trent's 2022 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: "Inspection of Stoke-on-Trent local" / "authority children's services"; "Inspection
dates: 3 to 14 October 2022"; two inspectors share the lead: "Lead inspectors: Rebecca
Quested, His Majesty's Inspector, and Matthew Reed," / "His Majesty's Inspector" (once read
as the name "s: Rebecca Quested, His Majesty's Inspector, and Matthew Reed"); both are
named. Table: leaders, and help and protection, Requires improvement to be good; children
in care and care leavers Good; overall effectiveness Requires improvement to be good.

"What needs to improve?" (page 2): six bullets.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["corpus/stoke-on-trent-2022-11-25-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Stoke-on-Trent",
    "title": "Inspection of Stoke-on-Trent local authority children's services",
    "start_date": date(2022, 10, 3),
    "end_date": date(2022, 10, 14),
    "published_on": None,
    "lead_inspector": "Rebecca Quested and Matthew Reed",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            RI,
            "requires-improvement",
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            RI,
            "requires-improvement",
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care and care leavers",
            "Good",
            "good",
            "children-in-care",
        ),
        (J, "Overall effectiveness", RI, "requires-improvement", "overall"),
    ],
    "recommendations": [
        (*REC, "The quality and effectiveness of child in need and child protection plans."),
        (*REC, "Workloads of child protection chairs and independent reviewing officers"),
        (*REC, "The assessment of private fostering arrangements"),
        (*REC, "Life-story work for all children in care"),
        (*REC, "Opportunities for children in care and care leavers' participation"),
        (*REC, "Management oversight and supervision, to ensure the quality"),
    ],
}
