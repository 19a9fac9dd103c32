"""Herefordshire's 2018 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: "Herefordshire" above "Inspection of children's social care services"; "Inspection
dates: 11 June 2018 to 22 June 2018"; "Lead inspector: Pauline Higham" / "Her Majesty's
Inspector". Table (one row each): leaders Inadequate; help and protection, children in care
and care leavers, and overall effectiveness "Requires improvement" (printed without "to be
good": kept as printed, read as requires improvement).

"What needs to improve" (page 3): seven bullets. The last, "The quality of life-story work
for all children", has no full stop and is followed straight away by the body heading "The
experiences and progress of children who need help and" / "protection requires
improvement" (pattern: a list whose last item once swallowed the heading and the first
paragraph of the body).
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
RI = ("Requires improvement", "requires-improvement")

EXPECTED = {
    "sources": ["corpus/herefordshire-2018-07-23-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Herefordshire",
    "title": "Inspection of children's social care services",
    "start_date": date(2018, 6, 11),
    "end_date": date(2018, 6, 22),
    "published_on": None,
    "lead_inspector": "Pauline Higham",
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
            *RI,
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care and care leavers",
            *RI,
            "children-in-care",
        ),
        (J, "Overall effectiveness", *RI, "overall"),
    ],
    "recommendations": [
        (*REC, "Senior leadership urgency in implementing a robust and timely action plan"),
        (*REC, "The sufficiency of social workers and managers with capacity to cope"),
        (*REC, "Senior managers' interaction with social workers to enable staff"),
        (*REC, "The pace of progressing child protection and child in need plans"),
        (*REC, "The regularity and quality of social worker supervision."),
        (*REC, "The quality and purposefulness of management oversight and decision-making"),
        (*REC, "The quality of life-story work for all children"),
    ],
}
