"""Somerset's 2015 SIF inspection with the review of its LSCB, read off the corpus report
by hand.

The LSCB part ("The Local Safeguarding Children Board (LSCB)") states its grade with a word
missing: "The Local Safeguarding Children is inadequate" (sic). It is the LSCB's judgement
all the same, kept as printed (before, no LSCB judgement was read at all). Headline: "The
overall judgement is that children’s services are inadequate" (2014-2015 sentence form),
adoption requires improvement and everything else is inadequate.

Recommendations under thematic sub-headings: "Priority and immediate action" 1-9
("Leadership, management and governance", "Partnership", "Quality of Practice") and
"Areas for improvement" 10-21 ("Quality of Practice", "Adoption", "Care leavers"), ending at
"The local authority’s strengths"; the LSCB's "What does the LSCB need to improve?" has
priority actions 159-162 and "Areas for Improvement" 163-168 ("Data and performance
management", "Quality of Practice"), ending at "Inspection judgement about the LSCB".
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
IMPROVE = "What does the local authority need to improve?"
NOW = ("immediately", "recommendation")
AREA = ("none-stated", "area-for-improvement")


def _recs(section, timescale_kind, first_words):
    return [(section, *timescale_kind, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/somerset-2015-03-27-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Somerset County Council",
    "start_date": date(2015, 1, 20),
    "end_date": date(2015, 2, 11),
    "published_on": date(2015, 3, 27),
    "lead_inspector": "Helen Cawston",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is that children’s services are inadequate",
            "inadequate",
            "inadequate",
            "overall",
        ),
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
            "Inadequate",
            "inadequate",
            "children-in-care",
        ),
        (
            SUMMARY,
            "Adoption performance",
            "Requires improvement",
            "requires-improvement",
            "adoption",
        ),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Inadequate",
            "inadequate",
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
            "The Local Safeguarding Children is inadequate",
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
                "Provide stability, quality and experience in the senior leadership team",  # 1
                "Provide sufficient capacity across the workforce",
                "Strengthen management oversight of social work practice",
                "Ensure that all partner agencies fulfil their statutory duties",
                "Strengthen the partnership’s approach to children missing",  # 5
                "Ensure that police safe and well checks and return home interviews",
                "Progress the early help strategy more swiftly",
                "Provide a sufficient range of placement choices",
                "Ensure that the Independent Reviewing Officer (IRO) service",  # 9
            ],
        ),
        *_recs(
            IMPROVE,
            AREA,
            [
                "Ensure that there is sufficient capacity within the Local Authority",  # 10
                "Ensure that the needs of all the children in a family",
                "Prior to cases being closed, ensure that risk is addressed",
                "Ensure that records of all planning meetings",
                "Raise awareness across the partnership of private fostering",
                "Ensure that social workers have the necessary experience",  # 15
                "Ensure sufficient medical adviser capacity",
                "Consider how the findings from the LSCB and Safeguarding Adult Board",
                "Work with all housing providers",
                "Ensure that all care leavers have a pathway plan",
                "Provide health history and information for all care leavers.",  # 20
                "Drive forward initiatives in education, employment and training",  # 21
            ],
        ),
        *_recs(
            LSCB,
            NOW,
            [
                "Ensure that partner agencies are consistently held to account",  # 159
                "Ensure that there are comprehensive arrangements in place",
                "Ensure that the early help strategy is driven more effectively",
                "Ensure that the police consistently and effectively contribute",  # 162
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "Ensure that sufficiently comprehensive performance information",  # 163
                "Ensure that the scrutiny and challenge function",
                "Ensure that all partners regularly attend",
                "Ensure that the partnership understands and applies the thresholds",
                "Ensure that lessons learned from audit activity",
                "Ensure that mechanisms to gather the experiences and views",  # 168
            ],
        ),
    ],
}
