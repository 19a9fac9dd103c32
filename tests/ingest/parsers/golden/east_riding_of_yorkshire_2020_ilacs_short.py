"""East Riding of Yorkshire's ILACS inspection of December 2019 (published March 2020).

Page 1: "East Riding of Yorkshire Council" above "Inspection of children's social care
services"; "Inspection dates: 2 to 6 December 2019" (one week on site: a short inspection,
the report does not say so); "Lead inspector: Neil Penswick HMI". Table: leaders
Inadequate, help and protection Inadequate, children in care and care leavers Good,
overall effectiveness Inadequate. Body headings put the grade after "are:" ("... help and
protection" / "are: inadequate"; "... care leavers are:" / "good") and agree.

"What needs to improve:" (page 2, with a colon: once read as no recommendations at all):
twelve bullets ending at the foot of the page, before the first body heading on page 3.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")

EXPECTED = {
    "sources": ["corpus/east-riding-of-yorkshire-2020-03-13-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "East Riding of Yorkshire Council",
    "title": "Inspection of children's social care services",
    "start_date": date(2019, 12, 2),
    "end_date": date(2019, 12, 6),
    "published_on": None,
    "lead_inspector": "Neil Penswick",
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
            "The experiences and progress of children in care and care leavers",
            "Good",
            "good",
            "children-in-care",
        ),
        (J, "Overall effectiveness", "Inadequate", "inadequate", "overall"),
    ],
    "recommendations": [
        (*REC, "The accuracy of the self-evaluation in order to ensure that senior leaders"),
        (*REC, "The understanding and application of thresholds to children's social care"),
        (*REC, "The quality and consistency of social work assessments and children's plans."),
        (*REC, "The quality of risk assessment and planning where children are at risk"),
        (*REC, "The quality of analysis and action planning following strategy discussions."),
        (*REC, "The timeliness and effectiveness of pre-proceedings work."),
        (*REC, "The timeliness and quality of assessment and planning for disabled children."),
        (*REC, "The effectiveness of scrutiny and management oversight by leaders"),
        (*REC, "The effectiveness of quality assurance arrangements."),
        (*REC, "The effectiveness of the designated officers."),
        (*REC, "The quality of assessment and planning for children subject to private"),
        (*REC, "Availability and access to training for all social work staff and foster carers."),
    ],
}
