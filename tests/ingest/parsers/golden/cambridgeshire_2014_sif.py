"""Cambridgeshire's 2014 SIF inspection with the review of its LSCB, read off the corpus
report by hand.

The first table grade wraps around its label with no tab at all: "Requires" on the line
above "1. Children who need help and protection" and "improvement" on the line below. It is
one grade, "Requires improvement", for that row (not a label "... protection improvement"
with no grade). The other rows are "Good". Headline sentences: "The overall judgement is
that children’s services are good" and "The effectiveness of the Local Safeguarding
Children Board (LSCB) is" / "good".

Recommendations: "What does the local authority need to improve?" is followed directly by
numbered items 13-21, with no priority/areas split (recommendations, no timescale), ending
at "Information about this inspection". The LSCB part ("Section 2: The effectiveness of the
Local Safeguarding" / "Children Board") has "Areas for improvement" 129-131, ending at "Key
strengths and weaknesses of the LSCB".
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The effectiveness of the Local Safeguarding Children Board"
IMPROVE = "What does the local authority need to improve?"
REC = ("none-stated", "recommendation")
AREA = ("none-stated", "area-for-improvement")


def _recs(section, timescale_kind, first_words):
    return [(section, *timescale_kind, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/cambridgeshire-2014-08-08-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Cambridgeshire County Council",
    "start_date": date(2014, 6, 3),
    "end_date": date(2014, 6, 25),
    "published_on": date(2014, 8, 8),
    "lead_inspector": "Helen Cawston",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is that children’s services are good",
            "good",
            "good",
            "overall",
        ),
        (
            SUMMARY,
            "Children who need help and protection",
            "Requires improvement",
            "requires-improvement",
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Good",
            "good",
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (SUMMARY, "Leadership, management and governance", "Good", "good", "leadership"),
        (
            LSCB,
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is good",
            "good",
            "good",
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            IMPROVE,
            REC,
            [
                "Ensure that statutory child protection guidance is followed",  # 13
                "Ensure that child protection and child in need plans are specific",
                "Ensure that assessments analyse and focus on the child’s individual",
                "Ensure that when decisions are made to close a case",
                "Ensure that chronologies are consistently used",
                "Consider advocacy for all children who attend child protection",
                "Ensure that pathway planning has a greater focus",
                "Strengthen adherence to the protocol to ensure housing providers",
                "Ensure that social workers’ skills and development needs",  # 21
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "A comprehensive data report should be developed",  # 129
                "The LSCB training strategy should be informed",
                "The LSCB and health commissioners should ensure",  # 131
            ],
        ),
    ],
}
