"""St Helens's 2019 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: the authority above the title wraps, "St Helens Metropolitan Borough" / "Council"
(pattern: a wrapped authority name, once read as 'Council'); "Inspection dates: 23
September 2019 to 4 October 2019"; "Lead inspector: Lorna Schlechte" / "Her Majesty's
Inspector". Table: leaders, and help and protection, "Requires improvement" / "to be good"
(wrapping in the cell); children in care and care leavers Inadequate; overall effectiveness
Inadequate. Body headings restate two of them ("... help and" / "protection: requires
improvement to be good", "... care and care" / "leavers is: inadequate"); the leaders'
heading prints "requires improvement" without "to be good", which reads as the same grade.

"What needs to improve" (page 2): eight bullets.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["corpus/st-helens-2019-11-04-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "St Helens Metropolitan Borough Council",
    "title": "Inspection of children's social care services",
    "start_date": date(2019, 9, 23),
    "end_date": date(2019, 10, 4),
    "published_on": None,
    "lead_inspector": "Lorna Schlechte",
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
            "Inadequate",
            "inadequate",
            "children-in-care",
        ),
        (J, "Overall effectiveness", "Inadequate", "inadequate", "overall"),
    ],
    "recommendations": [
        (*REC, "The quality of social work assessments and plans, to ensure that"),
        (*REC, "Management oversight and monitoring of services, including in pre-proceedings"),
        (*REC, "Permanence planning from the front door through to adoption"),
        (*REC, "Support for children and families on the edge of care"),
        (*REC, "The quality and usefulness of pathway plans"),
        (*REC, "Independent Reviewing Officers' (IROs') challenge in relation to"),
        (*REC, "The quality of support to new social workers and close monitoring"),
        (*REC, "Corporate support on implementing improvement plans with pace."),
    ],
}
