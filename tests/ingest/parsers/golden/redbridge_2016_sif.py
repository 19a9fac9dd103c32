"""Redbridge's 2016 SIF inspection with the review of its LSCB, read off the corpus report
by hand.

The cover prints its dates as numbers, day first: "Inspection date: 12/09/2016 to
06/10/2016" and "Report published: 25/11/2016". The overall sentence names the authority
in full and ends with a full stop ("Children’s services in London Borough of Redbridge are
good."): the label is kept without the stop. Care leavers require improvement; everything
else is good. The LSCB part ("The Local Safeguarding Children Board (LSCB)") opens "The
Local Safeguarding Children Board is good".

Recommendations: nine for the local authority (1-9) and three for the board (123-125),
each list ending at the next heading ("Summary for children and young people", "Inspection
findings – the Local Safeguarding Children Board").
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
RECS = "Recommendations"
REC = ("none-stated", "recommendation")


def _recs(section, first_words):
    return [(section, *REC, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/redbridge-2016-11-25-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "London Borough of Redbridge Council",
    "start_date": date(2016, 9, 12),
    "end_date": date(2016, 10, 6),
    "published_on": date(2016, 11, 25),
    "lead_inspector": "Louise Hocking",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in London Borough of Redbridge are good",
            "good",
            "good",
            "overall",
        ),
        (SUMMARY, "Children who need help and protection", "Good", "good", "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Good",
            "good",
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Requires improvement",
            "requires-improvement",
            "care-leavers",
        ),
        (SUMMARY, "Leadership, management and governance", "Good", "good", "leadership"),
        (LSCB, "The Local Safeguarding Children Board is good", "good", "good", "lscb"),
    ],
    "recommendations": [
        *_recs(
            RECS,
            [
                "Strengthen the quality and impact of the role of the child protection",  # 1
                "Ensure that cultural characteristics",
                "Prioritise the recruitment of independent visitors",
                "Ensure that there is no delay in the completion of assessments",
                "Ensure that life-story books of high quality",
                "Strengthen service and action plans",
                "Ensure that performance management information is captured",
                "Ensure that data on missing children",
                "Ensure that the care leavers’ service has an up-to-date overview",  # 9
            ],
        ),
        *_recs(
            LSCB,
            [
                "Extend the range of the performance data set",  # 123
                "Strengthen the evaluation of training",
                "Embed the multi-agency audit programme",  # 125
            ],
        ),
    ],
}
