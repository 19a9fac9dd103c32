"""Knowsley's 2014 SIF inspection with the review of its LSCB, read off Ofsted's PDF by hand.

The 2013-2014 layout: "The overall judgement is inadequate" above the numbered table, then
"The effectiveness of the Local Safeguarding Children Board (LSCB) is / inadequate" (wrapped).
The LSCB judgement's section is the LSCB part's heading, "Section 2: The effectiveness of the
Local Safeguarding / Children Board", without its numbering. Body headings restate every grade
("Leadership, management and governance are inadequate", "The effectiveness of the LSCB is
inadequate") and agree with the table. "The previous inspection of Knowsley's safeguarding
arrangements was in March 2010. The local authority was judged to be good." is not a judgement.

Recommendations: under "What does the local authority need to improve?" the "Priority and
immediate action" list (27-35, to act on immediately) and the "Areas for improvement" list
(36-52); the LSCB part has its own two lists (145-148, 149-152). Section = the list's parent
heading (see ingest/parsers/sif.py).
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The effectiveness of the Local Safeguarding Children Board"
IMPROVE = "What does the local authority need to improve?"
NOW = ("immediately", "recommendation")
AREA = ("none-stated", "area-for-improvement")


def _recs(section, timescale_kind, first_words):
    return [(section, *timescale_kind, words) for words in first_words]


EXPECTED = {
    "sources": ["pdf-original/knowsley-2014-sif.pdf"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Knowsley Council",
    "title": (
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers and Review of the effectiveness of the local safeguarding "
        "children board"
    ),
    "start_date": date(2014, 4, 29),
    "end_date": date(2014, 5, 21),
    "published_on": date(2014, 6, 30),
    "lead_inspector": "Robert Hackeson",
    "judgements": [
        (SUMMARY, "The overall judgement is inadequate", "inadequate", "inadequate", "overall"),
        (
            SUMMARY,
            "Children who need help and protection",
            "Inadequate",
            "inadequate",
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Requires improvement",
            "requires-improvement",
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Inadequate", "inadequate", "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Requires improvement",
            "requires-improvement",
            "care-leavers",
        ),
        (
            SUMMARY,
            "Leadership, management and governance",
            "Inadequate",
            "inadequate",
            "leadership",
        ),
        (
            LSCB,
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is inadequate",
            "inadequate",
            "inadequate",
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            IMPROVE,
            NOW,
            [
                "Ensure that professionals in all partner agencies",  # 27
                "Implement a quality assurance framework",
                "Ensure that staff supervision is regular",
                "Review support for newly qualified staff",
                "Ensure that strategy meetings involve representatives",
                "Ensure that statutory visits to children",
                "Ensure that core groups are held regularly",
                "Ensure that robust permanency plans",
                "Implement the care planning tracker",  # 35
            ],
        ),
        *_recs(
            IMPROVE,
            AREA,
            [
                "Improve the take-up of common assessments",  # 36
                "Evaluate the effectiveness of early help services",
                "Improve the quality of assessments",
                "Improve the quality of plans",
                "Ensure that professionals invited to child protection conferences",
                "Ensure that social work reports for child protection conferences",
                "Improve scrutiny and challenge by child protection",
                "Deliver training on child sexual exploitation",
                "Ensure that social workers have the skills",
                "Ensure that recruitment of foster carers",
                "Improve the educational achievement of children looked after",
                "Improve the quality of pathway plans",
                "Ensure that all children looked after and care leavers are provided",
                "Improve the current electronic information system",
                "Ensure that the children's charter is re-enforced",
                "Review the joint strategic needs assessment",
                "Ensure that social care is represented",  # 52
            ],
        ),
        *_recs(
            LSCB,
            NOW,
            [
                "The LSCB should review its business unit",  # 145
                "The LSCB should establish a multi-agency audit framework",
                "The LSCB should arrange to assess whether",
                "The LSCB should review the policies and training",  # 148
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "The LSCB should seek from the managing bodies",  # 149
                "The LSCB should ensure that focused training",
                "The LSCB should increase partners' understanding",
                "The LSCB should evaluate the effectiveness of early help",  # 152
            ],
        ),
    ],
}
