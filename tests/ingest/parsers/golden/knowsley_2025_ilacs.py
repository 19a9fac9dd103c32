"""Knowsley's ILACS inspection of November 2024 (published 2025), read off Ofsted's PDF.

Page 1: "Inspection of Knowsley local authority / children's services"; "Inspection dates:
18 to 29 November 2024"; "Lead inspector: Rebekah Tucker, His Majesty's Inspector"; no
publication date. Table: leaders Inadequate, help and protection Inadequate, children in
care Requires improvement to be good, care leavers Inadequate, overall effectiveness
Inadequate. Two weeks on site: standard.

Body headings agree with the table. "What needs to improve?" (page 2): ten bullets.
"""

from datetime import date

J = "Judgements"
IMPROVE = "What needs to improve?"
REC = ("none-stated", "recommendation")

EXPECTED = {
    "sources": ["pdf-original/knowsley-2025-ilacs.pdf"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Knowsley",
    "title": "Inspection of Knowsley local authority children's services",
    "start_date": date(2024, 11, 18),
    "end_date": date(2024, 11, 29),
    "published_on": None,
    "lead_inspector": "Rebekah Tucker",
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
        (IMPROVE, *REC, "The leadership capacity of social work practice"),
        (IMPROVE, *REC, "The identification of, and response to, risk"),
        (IMPROVE, *REC, "The quality of social work practice and management oversight"),
        (IMPROVE, *REC, "The quality of social work practice, specifically assessments,"),
        (IMPROVE, *REC, "The social work response to domestic abuse and neglect."),
        (IMPROVE, *REC, "The quality of help and support for children with vulnerabilities,"),
        (IMPROVE, *REC, "The quality of visiting and direct work"),
        (IMPROVE, *REC, "The quality of support, advice and guidance for care-experienced"),
        (IMPROVE, *REC, "The caseloads of personal advisers (PAs),"),
        (IMPROVE, *REC, "The quality of supervision and management oversight of social workers"),
    ],
    # The report prints no national framework theme with any item.
    "national_framework": [""] * 10,
}
