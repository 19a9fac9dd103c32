"""Barking and Dagenham's 2014 SIF inspection with the review of its LSCB, read off the
corpus report by hand.

The authority's name wraps above the title ("London Borough of Barking and" / "Dagenham"):
the whole block is the name. The 2013-2014 headline: "The overall judgement is requires
improvement" above the numbered table (grades printed in lower case), then "The
effectiveness of the Local Safeguarding Children Board (LSCB) is" / "requires improvement"
wrapped over two lines. The LSCB's section is its part's heading, "Section 2: The
effectiveness of the Local Safeguarding" / "Children Board", without the numbering.

Recommendations: "What does the local authority need to improve?" has only an "Areas for
improvement" list (28-40), which runs over a page break (page number "5" between 29 and
30) and ends at "Information about this inspection"; the LSCB part's "Areas for
improvement" (136-140) ends at "Key strengths and weaknesses of the LSCB", whose numbered
paragraphs (141 on) are findings, not recommendations.
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The effectiveness of the Local Safeguarding Children Board"
IMPROVE = "What does the local authority need to improve?"
AREA = ("none-stated", "area-for-improvement")
RI = "requires-improvement"


def _recs(section, timescale_kind, first_words):
    return [(section, *timescale_kind, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/barking-and-dagenham-2014-07-07-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "London Borough of Barking and Dagenham",
    "title": (
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers and Review of the effectiveness of the local safeguarding "
        "children board"
    ),
    "start_date": date(2014, 4, 29),
    "end_date": date(2014, 5, 22),
    "published_on": date(2014, 7, 7),
    "lead_inspector": "Brendan Parkinson",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is requires improvement",
            "requires improvement",
            RI,
            "overall",
        ),
        (
            SUMMARY,
            "Children who need help and protection",
            "requires improvement",
            RI,
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "requires improvement",
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "requires improvement", RI, "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "requires improvement",
            RI,
            "care-leavers",
        ),
        (
            SUMMARY,
            "Leadership, management and governance",
            "requires improvement",
            RI,
            "leadership",
        ),
        (
            LSCB,
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is requires "
            "improvement",
            "requires improvement",
            RI,
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            IMPROVE,
            AREA,
            [
                "Ensure that sufficient checks and enquiries are undertaken",  # 28
                "Improve the quality of referrals to children’s social care",
                "Ensure that child protection strategy discussions are focused",  # 30
                "Ensure that all key information is shared and considered",
                "Ensure that assessments include children’s wishes and feelings",
                "Ensure that all children are seen in a timely manner",
                "Introduce a permanency policy",
                "Further develop consultation arrangements for children in care",
                "Improve the quality of planning towards adulthood",
                "Continue to improve the opportunities for young adults leaving care",
                "Develop and implement medium and long-term strategic service plans",
                "Strengthen management oversight",
                "Ensure that corporate parenting responsibilities are fully understood",  # 40
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "Ensure the LSCB Chair strengthens the coordination",  # 136
                "Undertake an evaluation of the full impact of training",
                "Sustain and extend the positive and constructive role",
                "Strengthen oversight of private fostering by the board",
                "Ensure the annual report and business plan are focused",  # 140
            ],
        ),
    ],
}
