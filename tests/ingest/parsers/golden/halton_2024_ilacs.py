"""Halton's 2024 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: "Inspection of Halton local authority" / "children's services"; "Inspection dates:
13 to 24 May 2024"; "Lead inspector: Lisa Summers, His Majesty's Inspector". Table (labels
wrap, grades on the first row of each): all five judgements Inadequate, children in care
and care leavers judged separately (from 2023).

"What needs to improve?" (page 2) has ten bullets, then the running footer "Inspection of
Halton local authority children's services 13 to 24 May 2024  2", then two more bullets
on page 3 (pattern: a list continuing past a page break with a running footer between).
Twelve in all.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
BAD = ("Inadequate", "inadequate")

EXPECTED = {
    "sources": ["corpus/halton-2024-07-12-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Halton",
    "title": "Inspection of Halton local authority children's services",
    "start_date": date(2024, 5, 13),
    "end_date": date(2024, 5, 24),
    "published_on": None,
    "lead_inspector": "Lisa Summers",
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
        (J, "The experiences and progress of children in care", *BAD, "children-in-care"),
        (J, "The experiences and progress of care leavers", *BAD, "care-leavers"),
        (J, "Overall effectiveness", *BAD, "overall"),
    ],
    "recommendations": [
        (*REC, "Partnership arrangements, so that these provide effective governance"),
        (*REC, "The identification of, and response to, risk by social workers"),
        (*REC, "The quality of social work practice, specifically assessments, plans"),
        (*REC, "The quality of help and support for children with vulnerabilities"),
        (*REC, "The identification, assessment and support for those children living in"),
        (*REC, "The timeliness of decision-making for children and young people"),
        (*REC, "The sufficiency of suitable placements to meet children's and young"),
        (*REC, "The support for children in care, so that they can safely have family time"),
        (*REC, "The quality of support, advice and guidance for care leavers"),
        (*REC, "The quality of visiting and direct work with children and young people"),
        (*REC, "Social workers' and foster carers' access to, and completion of, relevant"),
        (*REC, "The quality of supervision and oversight of frontline practitioners"),
    ],
}
