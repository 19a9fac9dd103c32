"""Barnsley's 2014 SIF inspection with the review of its LSCB, read off the corpus report
by hand.

The authority's name wraps above the title ("Metropolitan Borough of Barnsley" /
"Council"). Four of the five table grades wrap inside their cells and the PDF centres them
on the label's row: "Requires" prints on a line of its own above the numbered row and
"improvement" beside the label ("Requires" / "1. Children who need help and
protection\\timprovement"), so each is read across the two lines as "Requires improvement";
care leavers are "Good" on the row itself. "The overall judgement is requires improvement"
heads the block; the LSCB sentence wraps ("... (LSCB) is" / "requires improvement").

Recommendations: under "What does the local authority need to improve?", "Priority and
immediate action" is printed over "The inspection did not find any areas for priority and
immediate action." (no items); "Areas for improvement" runs 10-34 over two page breaks
and ends at "The local authority has the following strengths:", whose numbered paragraphs
(35 on) are strengths, not recommendations. The LSCB part (section "Section 2: The
effectiveness of the Local Safeguarding" / "Children Board", without its numbering) also
has no priority actions and seven areas for improvement (135-141).
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
    "sources": ["corpus/barnsley-2014-08-08-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Metropolitan Borough of Barnsley Council",
    "start_date": date(2014, 6, 2),
    "end_date": date(2014, 6, 25),
    "published_on": date(2014, 8, 8),
    "lead_inspector": "Jansy Kelly",
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
        (SUMMARY, "Adoption performance", "Requires improvement", RI, "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (
            SUMMARY,
            "Leadership, management and governance",
            "Requires improvement",
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
                "The local authority and its partners need to build upon",  # 10
                "All professionals undertaking early help assessments",
                "Appropriate social work advice should be available",
                "A shared understanding and application of thresholds",
                "A review of the working arrangements within the duty",
                "Police and children’s social care should develop",
                "Processes to reduce risk for children at risk of sexual exploitation",
                "The needs arising out of ethnicity, faith and identity",
                "All professionals need to fully understand the purpose of core group",
                "Services to prevent the need for teenagers",
                "The use of special guardianship orders should be promoted",  # 20
                "The quality of the review reports",
                "The response to access to records requests",
                "Personal education plans should contain",
                "The virtual school should track and challenge",
                "Membership of the Care 4 Us Council",
                "The role of corporate parenting within the Borough",
                "The adoption panel chair and senior managers",
                "The time taken for completion of care proceedings",
                "Avoidable delays, including the time between court order",
                "The monitoring and consistency of all permanency plans",  # 30
                "The quality of pathway planning for all care leavers",
                "The grant for care leavers should be reviewed",
                "Managers should offer appropriate challenge",
                "Professional, reflective supervision and professional development",  # 34
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "Increase the influence of the Barnsley Safeguarding Children’s Board",  # 135
                "Improve oversight by the Children’s Sexual Exploitation and Runaways",
                "Ensure ‘Learning Lessons’ reviews disseminate findings",
                "Revise the Threshold Document",
                "Continue to embed constructive challenge",
                "Ensure partners hold each other to account",
                "Develop an effective model for evaluating the impact of training",  # 141
            ],
        ),
    ],
}
