"""Kensington and Chelsea's 2019 ILACS short inspection, read off the corpus layout text.

Page 1: the authority above the title wraps over two rows, "Royal Borough of Kensington
and" / "Chelsea" (pattern: a wrapped authority name, once read as 'Chelsea'); "Inspection
dates: 9 September 2019 to 13 September 2019" (one week: short; the report does not say);
"Lead inspector: Louise Warren" / "Her Majesty's Inspector". Table: all four judgements
Outstanding, each on one row.

"What needs to improve" (page 2): two bullets, the second ending just above the page
number; the first body heading opens page 3.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")

EXPECTED = {
    "sources": ["corpus/kensington-and-chelsea-2019-10-15-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "short",
    "authority_name": "Royal Borough of Kensington and Chelsea",
    "title": "Inspection of children's social care services",
    "start_date": date(2019, 9, 9),
    "end_date": date(2019, 9, 13),
    "published_on": None,
    "lead_inspector": "Louise Warren",
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
            "Outstanding",
            "outstanding",
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
        (
            *REC,
            "Strategy meetings to include the routine involvement of health professionals to "
            "support and contribute to multi-agency information-sharing and decision-making.",
        ),
        (*REC, "Plans for children to include specific actions and timeframes, so that"),
    ],
}
