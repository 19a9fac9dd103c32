"""Bradford's 2018 ILACS inspection (standard), read off the corpus report's layout text.

Page 1: the authority printed above the title over two rows, "City of Bradford Metropolitan
District" / "Council" (pattern: a wrapped authority name, once read as 'Council'); title
"Inspection of children's social care services"; "Inspection dates: 17 September to 28
September 2018" (two weeks: standard); "Lead inspector: Neil Penswick HMI"; no
publication date. Table: leaders "Requires improvement to" / "be good" (the grade wraps in
its cell), help and protection Inadequate, children in care and care leavers "Requires
improvement to" / "be good", overall effectiveness Inadequate. Body headings ("... help and
/ protection is inadequate") agree.

"What needs to improve:" (page 2, with a colon, once missed so the report had no
recommendations): ten bullets (a symbol-font glyph), each in lower case without a full
stop, one item wrapping over four rows ("the response to children with specific
vulnerabilities, ...").
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve", "none-stated", "recommendation")
RI = "Requires improvement to be good"

EXPECTED = {
    "sources": ["corpus/bradford-2018-10-29-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "City of Bradford Metropolitan District Council",
    "title": "Inspection of children's social care services",
    "start_date": date(2018, 9, 17),
    "end_date": date(2018, 9, 28),
    "published_on": None,
    "lead_inspector": "Neil Penswick",
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
            "Inadequate",
            "inadequate",
            "help-and-protection",
        ),
        (
            J,
            "The experiences and progress of children in care and care leavers",
            RI,
            "requires-improvement",
            "children-in-care",
        ),
        (J, "Overall effectiveness", "Inadequate", "inadequate", "overall"),
    ],
    "recommendations": [
        (*REC, "the identification and response to risk, particularly the longer-term"),
        (*REC, "clarity about what change is needed by families and by when"),
        (*REC, "the prioritisation and timely, proportionate response to contacts"),
        (*REC, "social work practice, including the quality of assessments and plans"),
        (*REC, "multi-agency child protection work, including strategy meetings"),
        (
            *REC,
            "the response to children with specific vulnerabilities, including children "
            "aged 16 to 17 who present as homeless and children privately fostered, as well "
            "as the oversight and monitoring of allegations against professionals working "
            "with children",
        ),
        (*REC, "sufficiency of local placements to meet the needs of children in care"),
        (*REC, "the provision of life-story work for all children in care"),
        (*REC, "completion of mandatory training for all foster carers"),
        (*REC, "supervision of social work staff, which provides direction"),
    ],
}
