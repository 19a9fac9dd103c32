"""Blackpool's 2014 SIF inspection with the review of its LSCB, read off the corpus report
by hand.

The 2014-2015 headline states the overall judgement as a sentence that wraps and carries a
footnote mark: "The overall judgement is that children’s services require" / "improvement.2"
(label without the mark and the full stop, grade "require improvement"). In the table the
second row's label and grade both wrap ("2. Children looked after and achieving\\tRequires"
/ "permanence\\tImprovement"). The headline block has no LSCB grade: the LSCB part ("The
Local Safeguarding Children Board (LSCB)") opens "The Local Safeguarding Children Board
requires improvement", which is the LSCB judgement, with no warning.

Recommendations sit under thematic sub-headings inside the lists ("Care leavers", "Planning
for children who need protection", "Adoption", "Leadership, management and governance"),
which are not items: "Priority and immediate action" 9-10, "Areas for improvement" 11-27
over a page break; item 19 runs on with an unnumbered sentence ("Take steps to improve the
number of children who attend a good or better school ..."). The list ends at "The local
authority's strengths", whose numbered paragraphs (28 on) are not recommendations. The LSCB
part's "What does the LSCB need to improve?" has one priority action (144) and seven areas
for improvement (145-151; 147 lists three cases "(i)".."(iii)" that belong to it).
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
    "sources": ["corpus/blackpool-2014-09-08-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Blackpool Borough Council",
    "start_date": date(2014, 7, 2),
    "end_date": date(2014, 7, 23),
    "published_on": date(2014, 9, 8),
    "lead_inspector": "Janet Fraser",
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
        (SUMMARY, "Adoption performance", "Requires Improvement", RI, "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Requires Improvement",
            RI,
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
            "The Local Safeguarding Children Board requires improvement",
            "requires improvement",
            RI,
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            IMPROVE,
            NOW,
            [
                "A leaving care service improvement plan should be developed",  # 9
                "Ensure that all looked after young people have a Pathway Plan",  # 10
            ],
        ),
        *_recs(
            IMPROVE,
            AREA,
            [
                "Embed the Getting it Right framework",  # 11
                "Take steps to ensure that assessments are of consistently good quality",
                "Ensure that prompt arrangements are made to progress to legal planning",
                "Collate and analyse information about children living in households",
                "Improve the quality of assessments, including those prior to children",  # 15
                "Improve the quality of care planning",
                "Increase the rigour with which senior managers",
                "Improve access to CAMHs for looked after children",
                "Implement robust systems to monitor the use of the pupil premium grant",
                "Improve the quality of child permanence reports",  # 20
                "Ensure that the focus on improvement in the adoption service",
                "Take steps to ensure that reflective supervision",
                "Develop a suitable overarching commissioning strategy",
                "Ensure that the recently developed plan to tackle deficits in CAMHs",
                "Strengthen the function of the corporate parenting panel",  # 25
                "A robust performance management framework",
                "Take robust action to recruit to staff vacancies",  # 27
            ],
        ),
        *_recs(LSCB, NOW, ["BSCB needs to take steps to ensure that it is fully compliant"]),
        *_recs(
            LSCB,
            AREA,
            [
                "Monitor and evaluate the quality of early help",  # 145
                "Ensure that thresholds for the provision of early help",
                "Give closer scrutiny to the local authority and board partners",
                "Ensure that all statutory partners routinely attend",
                "Strengthen the range of performance information",
                "Hold partners to account for evaluating the impact",
                "Ensure that the annual report of the Board describes progress",  # 151
            ],
        ),
    ],
}
