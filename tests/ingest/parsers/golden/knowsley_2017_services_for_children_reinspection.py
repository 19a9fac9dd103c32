"""Knowsley's 2017 SIF re-inspection, read off the report by hand.

Three sources of one report: the text, its PDF rendering and Ofsted's original PDF
(pdf-original/knowsley-2017-sif-reinspection.pdf). They agree on every judgement and every
recommendation: the original prints the same eight recommendations word for word (only
curly apostrophes and line wrapping differ), so all three share this module.

The headline block has no heading of its own; its judgements get the section "Summary of
judgements" (see ingest/parsers/sif.py). The overall judgement is the sentence as printed,
its grade the sentence's grade words. Table labels drop their numbering ("2.1"). The body
headings restate every grade ("Leadership, management and governance\tGood", "The graded
judgement for adoption performance is that it is good") and agree with the table, so there
are no warnings. "The previous single inspection ... The overall effectiveness of the local
authority was judged to be inadequate" and "which was inadequate at the last inspection"
describe the 2014 inspection and are not judgements. This re-inspection has no LSCB review.
The eight "Recommendations" carry no timescale.
"""

from datetime import date

SUMMARY = "Summary of judgements"
RECS = "Recommendations"

EXPECTED = {
    "sources": [
        "text/knowsley-2017-services-for-children-reinspection.txt",
        "pdf/knowsley-2017-services-for-children-reinspection.pdf",
        "pdf-original/knowsley-2017-sif-reinspection.pdf",
    ],
    "framework": "sif",
    "inspection_type": "reinspection",
    "authority_name": "Knowsley Council",
    "title": (
        "Re-inspection of services for children in need of help and protection, "
        "children looked after and care leavers"
    ),
    "start_date": date(2017, 3, 13),
    "end_date": date(2017, 3, 24),
    "published_on": date(2017, 6, 13),
    "lead_inspector": "Shirley Bailey",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in Knowsley require improvement to be good",
            "require improvement to be good",
            "requires-improvement",
            "overall",
        ),
        (
            SUMMARY,
            "Children who need help and protection",
            "Requires improvement",
            "requires-improvement",
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Requires improvement",
            "requires-improvement",
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (SUMMARY, "Leadership, management and governance", "Good", "good", "leadership"),
    ],
    "recommendations": [
        (RECS, "none-stated", "recommendation", "Ensure that all plans and reviews of plans"),
        (RECS, "none-stated", "recommendation", "Ensure that the virtual school supports"),
        (RECS, "none-stated", "recommendation", "Improve the standard of social work to families"),
        (
            RECS,
            "none-stated",
            "recommendation",
            "Ensure that managers' and independent reviewing officers' oversight",
        ),
        (
            RECS,
            "none-stated",
            "recommendation",
            "Ensure that all written records are comprehensive",
        ),
        (RECS, "none-stated", "recommendation", "Increase senior managers' oversight of the work"),
        (RECS, "none-stated", "recommendation", "Ensure that child permanence reports are child"),
        (RECS, "none-stated", "recommendation", "Ensure that all care leavers have access"),
    ],
}
