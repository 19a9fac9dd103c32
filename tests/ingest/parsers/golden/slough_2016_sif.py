"""Slough's 2016 SIF inspection with the review of its LSCB, read off the corpus report by
hand.

The local authority's "Recommendations" are grouped under four numbered themes ("1.
Quality and effectiveness of practice", "2. Oversight and scrutiny by senior and political
leaders", "3. Children who go missing or who are at risk of child sexual exploitation", "4.
Provision and sufficiency of key services"); the bulleted lines under each are the
recommendations (7 + 7 + 3 + 5 = 22), the numbered themes are headings, not items. The
second theme runs over a page break. The LSCB part ("The Local Safeguarding Children Board
(LSCB)", opening "The Local Safeguarding Children Board is inadequate") has six numbered
recommendations, 123-128.

The table prints the numbers in cells of their own ("1.\\tChildren who need help and
protection\\tInadequate").
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
RECS = "Recommendations"
REC = ("none-stated", "recommendation")


def _recs(section, first_words):
    return [(section, *REC, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/slough-2016-02-17-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Slough Borough Council",
    "start_date": date(2015, 11, 24),
    "end_date": date(2015, 12, 17),
    "published_on": date(2016, 2, 17),
    "lead_inspector": "Stephanie Murray",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in Slough are inadequate",
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
            "The Local Safeguarding Children Board is inadequate",
            "inadequate",
            "inadequate",
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            RECS,
            [
                # 1. Quality and effectiveness of practice
                "In line with longstanding plans, develop and embed",
                "Ensure that contingency arrangements and escalation processes",
                "Ensure that all children and young people at risk of significant harm",
                "Improve the coordination and quality of support",
                "Ensure that assessments, care plans and pathway plans",
                "Significantly improve the quality and regularity of contact",
                "Ensure that staff have the knowledge and capacity",
                # 2. Oversight and scrutiny by senior and political leaders
                "Through ambitious and innovative means",
                "Evaluate the quality and effectiveness of early help",
                "Revise the corporate parenting strategy",
                "Review the terms of reference of the corporate parenting panel",
                "Broaden the range of children and young people who participate",
                "Strengthen and monitor the effectiveness of the role of IROs",
                "Ensure that learning from complaints, audits and other sources",
                # 3. Children who go missing or who are at risk of child sexual exploitation
                "With key partners, take decisive action",
                "Be tenacious about ensuring that all children who go missing",
                "Take urgent steps to ensure that all children who are identified",
                # 4. Provision and sufficiency of key services
                "Finalise, as a matter of urgency",
                "Ensure that children and young people have access to an advocacy service",
                "Review the range and quality of accommodation",
                "Improve the educational support provided to children looked after",
                "Review the effectiveness and organisation of support to care leavers",
            ],
        ),
        *_recs(
            LSCB,
            [
                "Revise and implement multi-agency threshold guidance",  # 123
                "Establish a programme of effective monitoring and quality assurance",
                "Take action to strengthen the LSCB’s oversight and scrutiny",
                "Develop and implement a funding agreement",
                "Undertake a training needs analysis",
                "Engage the wider community in the work of the LSCB",  # 128
            ],
        ),
    ],
}
