"""Tameside's 2019 ILACS inspection (standard), read off the corpus report's layout text.

Once refused as "no inspection judgements found": the title "Inspection of local authority
children's social care" / "services" matched neither title the detection knew. Page 1:
"Tameside metropolitan borough" (as printed, in lower case) above the title; "Inspection
dates: 13 May 2019 to 24 May 2019"; "Lead inspector: Dominic Stevens" / "Her Majesty's
Inspector". Table: the three judgements "Requires improvement" / "to be good" (the grade
wraps in its cell), overall effectiveness "Requires improvement to be good".

"What needs to improve" (page 2): four bullets.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
RI = ("Requires improvement to be good", "requires-improvement")

EXPECTED = {
    "sources": ["corpus/tameside-2019-07-01-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Tameside metropolitan borough",
    "title": "Inspection of local authority children's social care services",
    "start_date": date(2019, 5, 13),
    "end_date": date(2019, 5, 24),
    "published_on": None,
    "lead_inspector": "Dominic Stevens",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *RI,
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
        (*REC, "Timeliness of achieving permanence for children in care."),
        (*REC, "The challenge provided by senior leaders, team managers, IROs"),
        (*REC, "How consistently children's wishes and feelings are used"),
        (*REC, "Children's experience of being able to develop a relationship"),
    ],
}
