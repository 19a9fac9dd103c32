"""Knowsley's 2021 ILACS inspection, read off Ofsted's PDF by hand.

Page 1: the title wraps, "Inspection of Knowsley Council local / authority children's
services" (the running footer says "Inspection of Knowsley local authority children's
services"; the title is the authority as printed: "Knowsley Council"); "Inspection dates:
11 to 22 October 2021"; "Lead inspector: Paula Thomson-Jones, Her Majesty's Inspector"; no
publication date. Table: leaders, help and protection, children in care and care leavers
(still one judgement in 2021), overall effectiveness: all Requires improvement to be good,
labels wrapping in their cells. Two weeks on site: standard.

Body headings ("... help and / protection: requires improvement to be good") agree. "What
needs to improve?" (page 2): five bullets.
"""

from datetime import date

J = "Judgements"
IMPROVE = "What needs to improve?"
REC = ("none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["pdf-original/knowsley-2021-ilacs.pdf"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Knowsley Council",
    "title": "Inspection of Knowsley Council local authority children's services",
    "start_date": date(2021, 10, 11),
    "end_date": date(2021, 10, 22),
    "published_on": None,
    "lead_inspector": "Paula Thomson-Jones",
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
        (IMPROVE, *REC, "The quality and impact of the support provided to care leavers."),
        (IMPROVE, *REC, "The quality of assessments and plans for children in need"),
        (IMPROVE, *REC, "The response to children who present as homeless."),
        (IMPROVE, *REC, "The quality of work with children who live in private fostering"),
        (IMPROVE, *REC, "The arrangements for the transition of children"),
    ],
}
