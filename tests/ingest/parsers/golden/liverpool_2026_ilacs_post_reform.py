"""Liverpool's May 2026 ILACS inspection, after the April 2026 change, read off Ofsted's PDF.

Page 1: "Inspection of Liverpool local authority / children's services"; "Inspection dates:
11 May to 22 May 2026"; "Lead inspector: Teresa Godfrey, His Majesty's Inspector"; no
publication date. The table has no overall effectiveness row any more: leaders Good, help
and protection Good, children in care Good, care leavers Requires improvement to be good.
So the framework is ILACS from April 2026, and no warning is due for the missing overall
judgement. Two weeks on site: standard.

"What needs to improve?1" carries a footnote mark (the footnote, at the foot of page 2,
explains the national-framework cross-references); section without the mark. Four bullets,
each ending with its cross-reference, the last one on its own line.
"""

from datetime import date

J = "Judgements"
IMPROVE = "What needs to improve?"
REC = ("none-stated", "recommendation")

EXPECTED = {
    "sources": ["pdf-original/liverpool-2026-ilacs-post-reform.pdf"],
    "framework": "ilacs-2026",
    "inspection_type": "standard",
    "authority_name": "Liverpool",
    "title": "Inspection of Liverpool local authority children's services",
    "start_date": date(2026, 5, 11),
    "end_date": date(2026, 5, 22),
    "published_on": None,
    "lead_inspector": "Teresa Godfrey",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            "Good",
            "good",
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            "Good",
            "good",
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
        (IMPROVE, *REC, "The response to children who present as homeless"),
        (IMPROVE, *REC, "The consistent oversight and use of performance management tools"),
        (IMPROVE, *REC, "The quality of pathway plans for care leavers."),
        (
            IMPROVE,
            *REC,
            "The response to care leavers who are not in employment, education and training.",
        ),
    ],
    "national_framework": ["outcome 3", "outcome 4", "outcome 4", "outcome 4"],
}
