"""Devon's 2015 SIF inspection with the review of its LSCB, read off the corpus report by
hand.

Every list sits under thematic sub-headings ("Quality of work with children and young
people", "Management of service quality and provision", "Leadership, governance and
partnerships", and in the LSCB part "Development of key functions", "Data and
Performance", "Governance"), which are not items. Two items carry on with prose whose lines
break like headings: priority action 6 ("... setting and achieving priority improvements."
/ "The Health and Wellbeing Board (H&WB), Devon Safeguarding Children Board" / ...) and
the LSCB's 157 ("... implementing lessons." / "The Board must ensure that all decisions
not to carry out a Serious Case" / ...): the lists go on to items 7-9 and 158-161 (before,
they stopped there and those items were lost).

Local authority: "Priority and immediate action" 1-9, "Areas for improvement" 10-25 (ending
at "The local authority’s strengths"). LSCB part ("The Local Safeguarding Children Board
(LSCB)", opening "The Local Safeguarding Children Board is inadequate"): priority actions
155-161 and areas for improvement 162-169 (ending at "Inspection judgement about the
LSCB"). Headline: "The overall judgement is that children’s services require" /
"improvement"; the second table row's label and grade both wrap.
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
IMPROVE = "What does the local authority need to improve?"
NOW = ("immediately", "recommendation")
AREA = ("none-stated", "area-for-improvement")
RI = "requires-improvement"


def _recs(section, timescale_kind, first_words):
    return [(section, *timescale_kind, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/devon-2015-05-12-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Devon County Council",
    "start_date": date(2015, 2, 24),
    "end_date": date(2015, 3, 18),
    "published_on": date(2015, 5, 12),
    "lead_inspector": "Jansy Kelly",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is that children’s services require improvement",
            "require improvement",
            RI,
            "overall",
        ),
        (
            SUMMARY,
            "Children who need help and protection",
            "Requires Improvement",
            RI,
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Requires Improvement",
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
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
            "Requires Improvement",
            RI,
            "leadership",
        ),
        (
            LSCB,
            "The Local Safeguarding Children Board is inadequate",
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
                "Review all those care leavers about whom the local authority",  # 1
                "Ensure that care leavers receive high quality services",
                "Ensure that children’s past experiences are fully considered",
                "Improve the quality, consistency and timeliness of work with children",
                "Improve the quality of care leaver data and analysis",
                "Clarify governance arrangements between the key children’s strategic",
                "Establish ambitious plans, with clear timescales",
                "Enhance work with children at risk of child sexual exploitation",
                "Establish a stable, permanent middle and senior officers’ group",  # 9
            ],
        ),
        *_recs(
            IMPROVE,
            AREA,
            [
                "Ensure that vulnerable children, including children looked after",  # 10
                "Ensure issues of diversity are both considered and addressed",
                "Improve information sharing via the Multi-Agency Risk Assessment",
                "Ensure that children looked after have their reviews undertaken",
                "Improve the education outcomes for all looked after children",
                "Ensure that the local authority designated officer (LADO) service",  # 15
                "Ensure that there are clear transition arrangements",
                "Ensure that the health needs of looked after children are met",
                "Improve the preparation, introduction and support for children",
                "Revise Public Law Outline (PLO) processes",
                "Improve placement stability for children looked after.",  # 20
                "Improve the proportion of care leavers in education",
                "Ensure that work with homeless 16 and 17 year olds",
                "Develop commissioning arrangements",
                "Improve performance monitoring, reporting and evaluation of trends",
                "Ensure that routine, quality feedback from children and families",  # 25
            ],
        ),
        *_recs(
            LSCB,
            NOW,
            [
                "Strengthen its operational and strategic oversight",  # 155
                "Develop a local profile of child sexual exploitation",
                "Review governance arrangements for Serious Case Reviews",
                "Review the work of the Peninsular CDOP and Rapid Response",
                "Board partners need to ensure that all appropriate agencies attend",
                "Appropriately resource the Board’s business support arrangements",
                "Establish a list of all children at risk of child sexual exploitation",  # 161
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "Ensure that the Think Family Strategy is fully implemented",  # 162
                "Ensure that Early Help arrangements are bedded in",
                "Develop a work plan to promote safeguarding in the faith sector",
                "Develop further the work around the child’s voice",
                "Improve the use of data to understand the extent",
                "Develop and fully populate the multi-agency data set",
                "Agree a timetable between the Chair of the LSCB and the CIB",
                "Develop stronger links with the Family Justice Board",  # 169
            ],
        ),
    ],
}
