"""Bristol's 2014 SIF inspection with the review of its LSCB, read off the corpus report by
hand.

Headline: "The overall judgement is that children’s services require" / "improvement"
(wrapped), the numbered table, and no LSCB grade: the LSCB part ("The Local Safeguarding
Children Board (LSCB)") opens "The Local Safeguarding Children Board requires improvement".

Recommendations under thematic sub-headings, which are not items: "What does the local
authority need to improve?" / "Priority and immediate action" ("Outcomes for care
leavers", "Educational outcomes for looked after children", "The quality of social work
practice", "Leadership, management and governance": items 1-9), then over the page break
"Areas for improvement" (10-19). The list ends at "The local authority’s strengths", whose
paragraphs carry on the numbering (20 on) but are strengths. The LSCB's "What does the
LSCB need to improve?" / "Areas for improvement" runs 126-138 under five sub-headings
("Business planning", ..., "Policies and Procedures" printed after a page number on the
same line of text) and ends at "Inspection judgement about the LSCB".
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
    "sources": ["corpus/bristol-2014-12-05-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Bristol City Council",
    "start_date": date(2014, 9, 30),
    "end_date": date(2014, 10, 22),
    "published_on": date(2014, 12, 5),
    "lead_inspector": "Robert Hackeson",
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
            "Inadequate",
            "inadequate",
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
                "Ensure that each care leaver has a pathway plan",  # 1
                "Take action to re-establish contact with care leavers",
                "Ensure that the attainment gap between care leavers",
                "Ensure that all personal education plans are timely",
                "Evaluate the impact of the pupil premium funding",
                "Improve the attendance of looked after children",
                "Ensure that all children in need have a good quality assessment",
                "Ensure that all missing children, whether from home or care",
                "Publish and implement an updated corporate parenting plan",  # 9
            ],
        ),
        *_recs(
            IMPROVE,
            AREA,
            [
                "Improve the standard of social work assessments",  # 10
                "Ensure that ‘return interviews’ are used to inform planning",
                "Ensure that social workers engage well with family members",
                "Implement and publish a multi-agency strategy",
                "Develop a new strategic plan with partner agencies",
                "Improve the quality of performance management information",
                "Ensure that all social workers have manageable caseloads",
                "Ensure that there is a sufficient number of skilled foster carers",
                "Reduce school absence rates across the city",
                "Ensure that the quality assurance function within the IRO service",  # 19
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "Develop a single overarching plan for the delivery of business",  # 126
                "Implement plans to restructure the Safeguarding Business Unit",
                "Develop the dashboard of multi-agency data",
                "Improve the depth of performance information about children missing",
                "Ensure that the annual report provides a coherent overview",  # 130
                "Coordinate the programme of single and multi-agency audits",
                "Improve the quality of multi-agency audits",
                "Develop a systematic review of LSCB policies and procedures",
                "Develop and implement the learning and improvement framework",
                "Analyse single agency training requirements",  # 135
                "Produce a multi-agency strategy for the protection of children",
                "Update the ‘children missing from home and care’ guidance",
                "Implement the domestic violence information sharing protocol",  # 138
            ],
        ),
    ],
}
