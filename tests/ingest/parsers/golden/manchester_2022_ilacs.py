"""Manchester's 2022 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: "Inspection of Manchester local" / "authority children's services"; "Inspection
dates: 21 March to 1 April 2022"; "Lead inspector: Mandy Nightingale, Her Majesty's
Inspector". Table: leaders Good, help and protection Requires improvement to be good,
children in care and care leavers Good, overall effectiveness Good.

"What needs to improve?" (page 2): four bullets (black squares). The first, "Practice around
the care and protection of disabled children to demonstrate:", is followed by three entries
of its own, each opening with a hyphen ("- an understanding of ...;", "- communication and
direct work ...;", "- the ambition for disabled children ..."). They are one area for
improvement, not four (pattern: a list inside an item, once read as separate items).
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")

EXPECTED = {
    "sources": ["corpus/manchester-2022-05-19-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Manchester",
    "title": "Inspection of Manchester local authority children's services",
    "start_date": date(2022, 3, 21),
    "end_date": date(2022, 4, 1),
    "published_on": None,
    "lead_inspector": "Mandy Nightingale",
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
        (
            J,
            "The experiences and progress of children in care and care leavers",
            "Good",
            "good",
            "children-in-care",
        ),
        (J, "Overall effectiveness", "Good", "good", "overall"),
    ],
    "recommendations": [
        (
            *REC,
            "Practice around the care and protection of disabled children to demonstrate: an "
            "understanding of the impact of the child's disability on their life and daily "
            "experiences and that of their family; communication and direct work with disabled "
            "children, to gather their wishes and feelings and use these views to inform "
            "planning and next steps; the ambition for disabled children to achieve to their "
            "potential.",
        ),
        (*REC, "The understanding of the effects of domestic abuse on children"),
        (*REC, "The recognition of, and actions to meet, the diverse needs of children"),
        (*REC, "The quality and timeliness of children's written records"),
    ],
}
