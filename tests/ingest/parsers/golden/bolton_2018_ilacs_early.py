"""Bolton's 2018 ILACS inspection, the early title, read off Ofsted's PDF by hand.

Page 1: "Bolton" above the title "Inspection of children's social care services";
"Inspection dates: 23 April 2018 to 04 May 2018"; "Lead inspector: John Roughton" with
"Her Majesty's Inspector" on the next line; no publication date. The "Judgement / Grade"
table lists the three judgements (children in care and care leavers still one) and overall
effectiveness last, all Good. The report does not say standard or short: two weeks on site
(23 April to 4 May) make it a standard inspection.

Body headings restate the grades ("... help and protection / is good", "... children in care
and care leavers is / good.", "The impact of leaders ... / is good.") and agree with the
table. "What needs to improve" (page 2) has five bullets (a symbol-font glyph).
"""

from datetime import date

J = "Judgements"
IMPROVE = "What needs to improve"
REC = ("none-stated", "recommendation")

EXPECTED = {
    "sources": ["pdf-original/bolton-2018-ilacs-early.pdf"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Bolton",
    "title": "Inspection of children's social care services",
    "start_date": date(2018, 4, 23),
    "end_date": date(2018, 5, 4),
    "published_on": None,
    "lead_inspector": "John Roughton",
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
            "Good",
            "good",
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
        (IMPROVE, *REC, "The understanding of the effectiveness of assessment,"),
        (IMPROVE, *REC, "The capacity to support children and families"),
        (IMPROVE, *REC, "Permanence planning for children in long-term"),
        (IMPROVE, *REC, "The use of audits to evaluate"),
        (IMPROVE, *REC, "Transitional planning for children with a disability"),
    ],
}
