"""West Berkshire's 2025 ILACS short inspection, read off the corpus report's layout text.

Page 1: "Inspection of West Berkshire local" / "authority children's services"; "Inspection
dates: 15 to 19 September 2025" (one week: short); "Lead inspector: Rodica Cobarzan, His
Majesty's Inspector". Table, all Good: its third row prints label and grade as one cell,
"The experiences and progress of children in care Good" (no tab between them: once this
ended the table, and three judgements were read only from the body headings, with
warnings); the fourth prints the label as the 2025-2026 tables do, "The experiences and
progress of children care" / "leavers" (kept as printed; it is the care leavers
judgement).

"What needs to improve?1" (page 2): three bullets, each with its national framework
cross-reference.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
GOOD = ("Good", "good")

EXPECTED = {
    "sources": ["corpus/west-berkshire-2025-10-28-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "West Berkshire",
    "title": "Inspection of West Berkshire local authority children's services",
    "start_date": date(2025, 9, 15),
    "end_date": date(2025, 9, 19),
    "published_on": None,
    "lead_inspector": "Rodica Cobarzan",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *GOOD,
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            *GOOD,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", *GOOD, "children-in-care"),
        (J, "The experiences and progress of children care leavers", *GOOD, "care-leavers"),
        (J, "Overall effectiveness", *GOOD, "overall"),
    ],
    "recommendations": [
        (*REC, "The effectiveness of practice with children who may be experiencing cumulative"),
        (*REC, "The consistency of contingency planning for children being supported"),
        (*REC, "The pace of work by the local authority, together with its partner agencies"),
    ],
    "national_framework": ["outcome 1", "outcome 3", "outcome 1"],
}
