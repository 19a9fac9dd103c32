"""Wakefield's 2018 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: "Wakefield District Metropolitan Council" above "Inspection of children's social
care services"; "Inspection dates: 4 June to 15 June 2018"; "Lead inspector: Neil Penswick
HMI". The table lists the judgements in another order than most, help and protection first
and leaders third, all Inadequate, overall effectiveness Inadequate.

"What needs to improve:" (page 2, with a colon: once read as no recommendations): twelve
bullets in lower case, nine on page 2, then the page number "2", then three more on page 3
(pattern: a list continuing past a page break), the last ending with the only full stop.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
BAD = ("Inadequate", "inadequate")

EXPECTED = {
    "sources": ["corpus/wakefield-2018-07-17-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Wakefield District Metropolitan Council",
    "title": "Inspection of children's social care services",
    "start_date": date(2018, 6, 4),
    "end_date": date(2018, 6, 15),
    "published_on": None,
    "lead_inspector": "Neil Penswick",
    "judgements": [
        (
            J,
            "The experiences and progress of children who need help and protection",
            *BAD,
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care and care leavers",
            *BAD,
            "children-in-care",
        ),
        (
            J,
            "The impact of leaders on social work practice with children and families",
            *BAD,
            "leadership",
        ),
        (J, "Overall effectiveness", *BAD, "overall"),
    ],
    "recommendations": [
        (*REC, "managers' oversight of the quality and impact of practice"),
        (*REC, "the quality of social work practice, including seeing children"),
        (*REC, "the recognition of risk and the identification and response to neglect"),
        (*REC, "recruitment and retention of a sufficient number of experienced"),
        (*REC, "the strength of relationships and timeliness of meetings"),
        (*REC, "the response to and monitoring of allegations made about professionals"),
        (*REC, "escalation to pre-proceedings where children's circumstances"),
        (*REC, "the engagement of children in return home interviews"),
        (
            *REC,
            "placement stability and the timeliness in achieving permanence for all children, "
            "including those placed with connected persons, parents and foster carers",
        ),
        (*REC, "the availability of sufficient, suitable local placements"),
        (*REC, "life-story work for all children in care"),
        (*REC, "emotional and mental health support for children in care and care leavers."),
    ],
}
