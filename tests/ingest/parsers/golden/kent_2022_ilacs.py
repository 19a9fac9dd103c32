"""Kent's 2022 ILACS inspection (standard), read off the corpus report's layout text.

Once refused as "a focused visit letter" (pattern 6 in reverse): its title, "Inspection of
Kent County Council" / "children's services", has neither "local authority" nor "social
care", and page 1 mentions "the areas identified at the focused visit in 2019". It is an
inspection: "Inspection dates: 9 to 20 May 2022"; "Lead inspector: Margaret Burke, Her
Majesty's Inspector"; a "Judgement / Grade" table: leaders Outstanding, help and protection
Good, children in care and care leavers Outstanding, overall effectiveness Outstanding.

"What needs to improve?" (page 2): three bullets.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")

EXPECTED = {
    "sources": ["corpus/kent-2022-07-05-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Kent County Council",
    "title": "Inspection of Kent County Council children's services",
    "start_date": date(2022, 5, 9),
    "end_date": date(2022, 5, 20),
    "published_on": None,
    "lead_inspector": "Margaret Burke",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            "Outstanding",
            "outstanding",
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            "Good",
            "good",
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care and care leavers",
            "Outstanding",
            "outstanding",
            "children-in-care",
        ),
        (J, "Overall effectiveness", "Outstanding", "outstanding", "overall"),
    ],
    "recommendations": [
        (*REC, "The practice of conducting visits to children during school hours"),
        (*REC, "Manageable caseloads and workload support for social workers"),
        (*REC, "The response and the quality of assessment of need for young people aged 16"),
    ],
}
