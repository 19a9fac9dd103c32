"""Sefton's 2016 SIF inspection with the review of its LSCB, read off the corpus report by
hand.

In the headline table the last three grades print on lines of their own above their labels,
with no tab: "permanence" / "Requires improvement" / "2.1 Adoption performance" /
"Requires improvement" / "2.2 Experiences and progress of care leavers" / "Requires
improvement" / "3. Leadership, management and governance". Five rows, five grades, read in
order: every row requires improvement (before, leadership was read with no grade).

The LSCB part ("The Local Safeguarding Children Board (LSCB)") opens "The Local
Safeguarding Children Board is inadequate", the LSCB judgement. Recommendations: eleven
for the local authority (1-11, ending at "Summary for children and young people") and
seven for the board (116-122, ending at "Inspection findings – the Local Safeguarding
Children Board").
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
RECS = "Recommendations"
REC = ("none-stated", "recommendation")
RI = "requires-improvement"
PRINTED = "Requires improvement"


def _recs(section, first_words):
    return [(section, *REC, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/sefton-2016-06-27-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Sefton Borough Council",
    "start_date": date(2016, 4, 11),
    "end_date": date(2016, 5, 5),
    "published_on": date(2016, 6, 27),
    "lead_inspector": "Shirley Bailey",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in Sefton require improvement to be good",
            "require improvement to be good",
            RI,
            "overall",
        ),
        (SUMMARY, "Children who need help and protection", PRINTED, RI, "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            PRINTED,
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", PRINTED, RI, "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", PRINTED, RI, "care-leavers"),
        (SUMMARY, "Leadership, management and governance", PRINTED, RI, "leadership"),
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
                "Ensure that all assessments of children, young people and care leavers",  # 1
                "Ensure that management oversight and supervision",
                "Ensure that case and care planning for all children",
                "Ensure that timescales set for social work assessments",
                "Ensure that for all children issues of diversity",
                "Ensure that statutory requirements are met in relation to private fostering",
                "Ensure that practice in relation to homeless 16 and 17 year olds",
                "Ensure that when children are placed with parents",
                "Ensure that IROs, social workers and managers have sufficient capacity",
                "Ensure that the adoption panel works with the agency decision maker",
                "Ensure that care leavers get timely support",  # 11
            ],
        ),
        *_recs(
            LSCB,
            [
                "Ensure that the SSCB urgently reviews all of its policies",  # 116
                "Urgently ensure that the SSCB has oversight",
                "Ensure that the SSCB’s case reviews, audits",
                "Ensure that the SSCB’s action planning is specific",
                "Ensure that the SSCB records individual casework",
                "Ensure that the SSCB improves its communications",
                "Ensure that the board thoroughly evaluates the quality",  # 122
            ],
        ),
    ],
}
