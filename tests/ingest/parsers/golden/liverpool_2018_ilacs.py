"""Liverpool's 2018 ILACS inspection, read off Ofsted's PDF by hand.

Page 1: "Liverpool City Council" above the title "Inspection of local authority children's
services"; "Inspection dates: 14 May 2018 to 25 May 2018"; "Lead inspector: Shabana Abasi
HMI"; no publication date. In the table both columns wrap ("The impact of leaders on social
work practice with" / "children and families", "Requires improvement" / "to be good"); all
four grades are Requires improvement to be good, overall effectiveness last. Two weeks on
site: a standard inspection (the report does not say).

Body headings restate the grades without a verb ("The experiences and progress of children
who need help and / protection requires improvement to be good") and agree with the table.
"What needs to improve" (page 2): six bullets, one wrapping onto a second line.
"""

from datetime import date

J = "Judgements"
IMPROVE = "What needs to improve"
REC = ("none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["pdf-original/liverpool-2018-ilacs.pdf"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Liverpool City Council",
    "title": "Inspection of local authority children's services",
    "start_date": date(2018, 5, 14),
    "end_date": date(2018, 5, 25),
    "published_on": None,
    "lead_inspector": "Shabana Abasi",
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
            RI,
            "requires-improvement",
            "children-in-care",
        ),
        (J, "Overall effectiveness", RI, "requires-improvement", "overall"),
    ],
    "recommendations": [
        (IMPROVE, *REC, "Social work capacity and allocation of caseloads."),
        (IMPROVE, *REC, "The quality, consistency and child-centeredness"),
        (IMPROVE, *REC, "Permanence planning for all children in care."),
        (IMPROVE, *REC, "Timeliness of transition planning for children in care."),
        (IMPROVE, *REC, "Comprehensive needs assessment and commissioning strategy"),
        (IMPROVE, *REC, "Quality and consistency of oversight and challenge"),
    ],
}
