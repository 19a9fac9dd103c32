"""North Lincolnshire's 2017 SIF inspection with the review of its LSCB, read off the corpus
report by hand.

The cover joins its dates with a box-drawing dash: "Inspection date: 20 June 2017 ─ 13 July
2017" (before, only the first date was read and the inspection ended the day it began).
Children's services are outstanding; help and protection is good, every other judgement
outstanding. The LSCB part ("The Local Safeguarding Children Board (LSCB)", opening "The
Local Safeguarding Children Board is outstanding") makes no recommendations and prints no
"Recommendations" heading; the local authority has three (1-3), ending at "Summary for
children and young people". "(Recommendation)" at the end of body paragraphs only points
back to them.
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
RECS = "Recommendations"
OUT = "outstanding"

EXPECTED = {
    "sources": ["corpus/north-lincolnshire-2017-09-04-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "North Lincolnshire",
    "start_date": date(2017, 6, 20),
    "end_date": date(2017, 7, 13),
    "published_on": date(2017, 9, 4),
    "lead_inspector": "Graham Reiter",
    "judgements": [
        (SUMMARY, "Children’s services in North Lincolnshire are outstanding", OUT, OUT, "overall"),
        (SUMMARY, "Children who need help and protection", "Good", "good", "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Outstanding",
            OUT,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Outstanding", OUT, "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Outstanding", OUT, "care-leavers"),
        (SUMMARY, "Leadership, management and governance", "Outstanding", OUT, "leadership"),
        (LSCB, "The Local Safeguarding Children Board is outstanding", OUT, OUT, "lscb"),
    ],
    "recommendations": [
        (RECS, "none-stated", "recommendation", words)
        for words in [
            "Ensure that screening and first-line management decisions",
            "Ensure the timely completion of all connected persons",
            "Ensure that bed and breakfast is not offered",
        ]
    ],
}
