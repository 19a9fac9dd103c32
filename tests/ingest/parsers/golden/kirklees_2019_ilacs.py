"""Kirklees's 2019 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: "Kirklees Metropolitan Borough Council" above "Inspection of children's social care
services"; "Inspection dates: 10 June 2019 to 21 June 2019"; "Lead inspector: Lisa Summers"
/ "Her Majesty's Inspector". Table: the three judgements each "Requires improvement" /
"to be good" (pattern: a grade wrapping in its cell, label wrapping beside it), overall
effectiveness "Requires improvement to be good" on one row.

"What needs to improve" (page 2) runs past a page break (pattern): five bullets on page 2,
the page number "2", then five more on page 3 before the first body heading. Ten in all.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["corpus/kirklees-2019-08-05-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Kirklees Metropolitan Borough Council",
    "title": "Inspection of children's social care services",
    "start_date": date(2019, 6, 10),
    "end_date": date(2019, 6, 21),
    "published_on": None,
    "lead_inspector": "Lisa Summers",
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
        (*REC, "The quality of recording, assessments and child protection investigations"),
        (*REC, "The quality of written child in need, child protection and care plans"),
        (*REC, "The response to disabled children, children in private fostering"),
        (*REC, "The response to children who go missing from home and care"),
        (*REC, "The timely permanence for children with plans for long-term fostering"),
        (*REC, "The completion of life-story work for children in care."),
        (*REC, "Care leavers' understanding of their health histories."),
        (*REC, "The quality of foster carer reviews."),
        (*REC, "Management oversight across the service through improved performance"),
        (*REC, "Regular supervision of social workers that is reflective, directive and"),
    ],
}
