"""Bristol's 2018 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: the authority printed above the title as "Bristol City of": the reference data's
"Bristol, City of" without its comma (pattern: an authority name that would not resolve).
The parser puts the comma back: "Bristol, City of". "Inspection dates: 10 September 2018
to 21 September 2018"; "Lead inspector: Joy Howick" / "Her Majesty's Inspector". Table:
leaders Good; help and protection and children in care and care leavers both "Requires
improvement" / "to be good" (wrapped in the cell); overall effectiveness "Requires
improvement to be good" on one row.

"What needs to improve" (page 2): six bullets (a symbol-font glyph).
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["corpus/bristol-2018-10-22-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Bristol, City of",
    "title": "Inspection of children's social care services",
    "start_date": date(2018, 9, 10),
    "end_date": date(2018, 9, 21),
    "published_on": None,
    "lead_inspector": "Joy Howick",
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
        (*REC, "The quality of strategy discussions, reviews and child in need meetings"),
        (*REC, "The quality of analysis in assessments and plans so that they are explicit"),
        (*REC, "The quality of case recording, including recording of management decision-making."),
        (*REC, "The effectiveness of arrangements to secure a sufficiency of placements."),
        (*REC, "The educational progress and achievement of children in care."),
        (*REC, "The take-up of return home interviews for children who go missing from home."),
    ],
}
