"""Liverpool's 2023 ILACS inspection, read off Ofsted's PDF by hand.

Page 1: "Inspection of Liverpool local authority / children's services"; "Inspection dates:
13 to 24 March 2023"; "Lead inspector: Lisa Summers, His Majesty's Inspector"; no
publication date. From 2023 care leavers are judged separately: leaders Inadequate, help
and protection Inadequate, children in care Requires improvement to be good, care leavers
Inadequate, overall effectiveness Inadequate. Two weeks on site: standard.

Body headings ("The experiences and progress of children in care: requires / improvement to
be good", "... care leavers: inadequate") agree. "What needs to improve?" (page 2): eleven
bullets, running to the foot of the page above the running footer.
"""

from datetime import date

J = "Judgements"
IMPROVE = "What needs to improve?"
REC = ("none-stated", "recommendation")

EXPECTED = {
    "sources": ["pdf-original/liverpool-2023-ilacs.pdf"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Liverpool",
    "title": "Inspection of Liverpool local authority children's services",
    "start_date": date(2023, 3, 13),
    "end_date": date(2023, 3, 24),
    "published_on": None,
    "lead_inspector": "Lisa Summers",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            "Inadequate",
            "inadequate",
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            "Inadequate",
            "inadequate",
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care",
            "Requires improvement to be good",
            "requires-improvement",
            "children-in-care",
        ),
        (
            J,
            "The experiences and progress of care leavers",
            "Inadequate",
            "inadequate",
            "care-leavers",
        ),
        (J, "Overall effectiveness", "Inadequate", "inadequate", "overall"),
    ],
    "recommendations": [
        (IMPROVE, *REC, "Caseloads and regular reflective supervision,"),
        (IMPROVE, *REC, "The identification of and response to risk"),
        (IMPROVE, *REC, "The quality of decision-making when removing"),
        (IMPROVE, *REC, "The quality of core social work practice,"),
        (IMPROVE, *REC, "The quality of support, advice and guidance for care leavers,"),
        (IMPROVE, *REC, "The provision of information for care leavers"),
        (IMPROVE, *REC, "Purposeful visits to children and young people"),
        (IMPROVE, *REC, "The robustness of senior management oversight,"),
        (IMPROVE, *REC, "The timeliness of decision-making for children"),
        (IMPROVE, *REC, "The sufficiency of suitable placements"),
        (IMPROVE, *REC, "The timely access to emotional and mental health support"),
    ],
}
