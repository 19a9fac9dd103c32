"""Swindon's 2014 SIF inspection with the review of its LSCB, read off the corpus report by
hand.

The last area for improvement has no full stop: "42. Ensure that all children entering
care benefit from life story work at the earliest" / "possible opportunity", then a page
number and "Information about this inspection". The heading ends the list although the
item is unfinished (before, the whole "Information about this inspection" section ran on
into item 42, making a 1,618-character recommendation).

Headline: "The overall judgement is requires improvement", the table, "The effectiveness of
the Local Safeguarding Children Board (LSCB) is good" on one line. Recommendations: under
"What does the local authority need to improve?", "26. The inspection did not find any
areas for priority and immediate action." (no items) and "Areas for improvement" 27-42
over a page break; the LSCB part ("Section 2: The effectiveness of the local safeguarding"
/ "children board") has "Areas for improvement:" 140-142 (140 without a full stop), ending
at "Key strengths and weaknesses of the SSCB".
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The effectiveness of the local safeguarding children board"
IMPROVE = "What does the local authority need to improve?"
AREA = ("none-stated", "area-for-improvement")
RI = "requires-improvement"


def _recs(section, first_words):
    return [(section, *AREA, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/swindon-2014-05-23-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Swindon Borough Council",
    "start_date": date(2014, 3, 11),
    "end_date": date(2014, 4, 2),
    "published_on": date(2014, 5, 23),
    "lead_inspector": "Sean Tarpey",
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
            "Requires improvement",
            RI,
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Requires improvement",
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Requires improvement",
            RI,
            "care-leavers",
        ),
        (
            SUMMARY,
            "Leadership, management and governance",
            "Requires improvement",
            RI,
            "leadership",
        ),
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
            [
                "Ensure that the findings of the current CSE audit",  # 27
                "Ensure that, through the recruitment of agreed and additional staff",
                "Ensure that strategy discussions and meetings",
                "Ensure that managers provide regular supervision",  # 30
                "The local authority should ensure, together with the LSCB",
                "Ensure that the emergency duty service (EDS) has access to legal advice",
                "Review current service provision in relation to private fostering",
                "Ensure that cultural issues and ethnic background",
                "Ensure that all care leavers have a pathway plan of high quality",  # 35
                "Ensure that all care leavers receive independence training",
                "Ensure that managers routinely use performance management information",
                "Ensure that health concerns for children in care",
                "Ensure that educational outcomes for individual children in care",
                "Develop a targeted recruitment campaign",  # 40
                "Accelerate work on embedding a robust permanency policy",
                "Ensure that all children entering care benefit from life story work",  # 42
            ],
        ),
        *_recs(
            LSCB,
            [
                "SSCB should ensure that information provided by agencies",  # 140
                "SSCB and relevant sub-groups must ensure",
                "The Chair and Board should ensure that the SSCB annual report",  # 142
            ],
        ),
    ],
}
