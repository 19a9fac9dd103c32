"""The Isle of Wight's 2023 ILACS short inspection, read off the corpus report's layout text.

Page 1: "Inspection of the Isle of Wight local" / "authority children's services" (the
authority as printed, without "the": "Isle of Wight"); "Inspection dates: 30 October to 3
November 2023" (one week: short); "Lead inspector: Amanda Maxwell, His Majesty's
Inspector". Table: leaders Good, help and protection Requires improvement to be good,
children in care Good, care leavers Good, overall effectiveness Good.

"What needs to improve?" (page 2): four bullets. The third, "The quality of oversight and
monitoring of:", has its own list of three dashed entries (a minus sign, "− the
pre-proceedings process in the Public Law Outline (PLO)", "− permanence for children",
"− private fostering."), which belong to it; the fourth bullet follows them (pattern: a
list inside an item, which once ended the list and lost the fourth item).
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")

EXPECTED = {
    "sources": ["corpus/isle-of-wight-2023-12-15-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "Isle of Wight",
    "title": "Inspection of the Isle of Wight local authority children's services",
    "start_date": date(2023, 10, 30),
    "end_date": date(2023, 11, 3),
    "published_on": None,
    "lead_inspector": "Amanda Maxwell",
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
            "Requires improvement to be good",
            "requires-improvement",
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", "Good", "good", "children-in-care"),
        (J, "The experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (J, "Overall effectiveness", "Good", "good", "overall"),
    ],
    "recommendations": [
        (*REC, "The routine inclusion by the local authority of partner agencies"),
        (*REC, "The opportunities for the voices of children and care leavers to be heard"),
        (
            *REC,
            "The quality of oversight and monitoring of: the pre-proceedings process in the "
            "Public Law Outline (PLO); permanence for children; private fostering.",
        ),
        (*REC, "Caseloads in the children's assessment and safeguarding teams."),
    ],
}
