"""Darlington's 2018 SIF inspection (no LSCB review), read off the corpus report by hand.

The grades wrap over three lines of their cells and the PDF centres them on the label's
row: "Requires" / "1. Children who need help and protection\\timprovement to be" / "good",
likewise for leadership, management and governance; the children looked after row prints
"Requires improvement to be good" whole. Each is read as one grade, "Requires improvement
to be good" (not a label ending "... protection good" with an unreadable grade
"improvement to be"). The overall sentence wraps too: "Children's services in Darlington
require improvement to be" / "good".

Fourteen "Recommendations" (no timescale), over a page break, ending at "Summary for
children and young people".
"""

from datetime import date

SUMMARY = "Summary of judgements"
RECS = "Recommendations"
RI_GOOD = "Requires improvement to be good"
RI = "requires-improvement"

EXPECTED = {
    "sources": ["corpus/darlington-2018-05-21-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Darlington",
    "title": (
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers"
    ),
    "start_date": date(2018, 2, 27),
    "end_date": date(2018, 3, 22),
    "published_on": date(2018, 5, 21),
    "lead_inspector": "Graham Reiter",
    "judgements": [
        (
            SUMMARY,
            "Children's services in Darlington require improvement to be good",
            "require improvement to be good",
            RI,
            "overall",
        ),
        (SUMMARY, "Children who need help and protection", RI_GOOD, RI, "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            RI_GOOD,
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (SUMMARY, "Leadership, management and governance", RI_GOOD, RI, "leadership"),
    ],
    "recommendations": [
        (RECS, "none-stated", "recommendation", words)
        for words in [
            "Improve and accelerate the focus on quality",  # 1
            "Improve the quality of assessments and plans",
            "Ensure that clear assessment guidelines are in place",
            "Ensure that the implementation of the social work practice framework",
            "Improve the effectiveness of managers’ and IROs’ oversight",
            "Continue to reduce the number of changes of social workers",
            "Ensure the effective coordination of information from MARAC meetings",
            "Develop and coordinate more timely services for families",
            "Develop a shared understanding of permanence",
            "Reduce the number of placement moves",  # 10
            "Improve the educational progress and attainment at key stages 3 and 4",
            "Improve the timeliness of annual health assessments",
            "Ensure that direct work, including life-story work",
            "Evaluate the effectiveness of early help services",  # 14
        ]
    ],
}
