"""Bradford's 2026 ILACS inspection (January 2026, before the April 2026 change), read off the
corpus report's layout text.

Once refused as "no inspection judgements found": the title names the trust that runs the
services, "Inspection of Bradford Children and" / "Families Trust", without "children's
services" (only the running footer says "Inspection of Bradford Children and Families
Trust children's services 12 to 23 January 2026"). The authority is the trust as printed.
"Inspection dates: 12 to 23 January 2026" (standard); "Lead inspector: Catherine Heron, His
Majesty's Inspector". Table: leaders Good; help and protection, and children in care,
Requires improvement to be good; "The experiences and progress of" / "children care
leavers" (so printed) Good; overall effectiveness Requires improvement to be good: still
graded, the inspection being before April 2026.

"What needs to improve?1" (page 2): five bullets with national framework cross-references;
the footnote the mark refers to sits at the foot of the page.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
RI = ("Requires improvement to be good", "requires-improvement")

EXPECTED = {
    "sources": ["corpus/bradford-2026-05-21-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Bradford Children and Families Trust",
    "title": "Inspection of Bradford Children and Families Trust",
    "start_date": date(2026, 1, 12),
    "end_date": date(2026, 1, 23),
    "published_on": None,
    "lead_inspector": "Catherine Heron",
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
            *RI,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", *RI, "children-in-care"),
        (
            J,
            "The experiences and progress of children care leavers",
            "Good",
            "good",
            "care-leavers",
        ),
        (J, "Overall effectiveness", *RI, "overall"),
    ],
    "recommendations": [
        (*REC, "Recognition of the unique characteristics and increased vulnerability"),
        (*REC, "The timeliness and effectiveness of permanence planning."),
        (*REC, "Increased use of family network planning"),
        (*REC, "The quality of direct work and life-story work for all children in care"),
        (
            *REC,
            "The quality and effectiveness of management oversight of children's plans.",
        ),
    ],
    "national_framework": ["outcome 3", "outcome 4", "outcome 4", "outcome 4", "enabler 2"],
}
