"""Sheffield's 2014 SIF inspection with the review of its LSCB, read off the corpus report
by hand.

The inspection ran in two spells and the dates wrap: "Inspection dates: 19
November-11 December 2013 and 28 – 30" / "January 2014": from the first day of the first
spell (19 November 2013) to the last day of the second (30 January 2014). No "Report
published" line is printed (the publication date is left blank, with a warning; Ofsted's
listing gives it). "The overall judgement is requires improvement"; the LSCB sentence
wraps ("... (LSCB) is" / "good.").

Recommendations: this report prints "Priority and immediate action" and "Areas for
improvement" with no parent "What does the local authority need to improve?" heading, so
the items take the list's own heading as their section. "18. There are no areas for
priority or immediate action." is not an item; the areas for improvement run 19-31 over a
page break (item 27 ends "by:" with three bullets, part of it) and end at "Information
about this inspection". The LSCB part ("Section 2: The effectiveness of the Local
Safeguarding" / "Children Board") likewise has no priority actions (103) and two areas for
improvement (104-105).
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The effectiveness of the Local Safeguarding Children Board"
AREAS = "Areas for improvement"
AREA = ("none-stated", "area-for-improvement")
RI = "requires-improvement"


def _recs(section, first_words):
    return [(section, *AREA, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/sheffield-2014-02-21-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Sheffield City Council",
    "start_date": date(2013, 11, 19),
    "end_date": date(2014, 1, 30),
    "published_on": None,
    "lead_inspector": "Sarah Urding",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is requires improvement",
            "requires improvement",
            RI,
            "overall",
        ),
        (SUMMARY, "Children who need help and protection", "Good", "good", "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Requires improvement",
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Requires improvement", RI, "adoption"),
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
            AREAS,
            [
                "Ensure that current management strategies",  # 19
                "Ensure that strategy discussions include statutory partners",
                "Ensure that IROs and child protection coordinators operate effectively",
                "Improve the quality of written records",
                "Ensure that mental health services for looked after children",
                "Improve care plans for looked after children",
                "For all looked after children, ensure that permanent alternatives",
                "Ensure that persistent absence from school",
                "Improve the educational achievement of looked after children",
                "Improve the collation of complaints and feedback",
                "Ensure that there are sufficient numbers of adoptive parents",
                "Ensure that children waiting for adoption have their plans reviewed",
                "Ensure that pathway plans for care leavers",  # 31
            ],
        ),
        *_recs(
            LSCB,
            [
                "Develop a comprehensive data report",  # 104
                "Further develop the mechanism to combine learning",  # 105
            ],
        ),
    ],
    "warnings": ["No 'Report published' date found"],
}
