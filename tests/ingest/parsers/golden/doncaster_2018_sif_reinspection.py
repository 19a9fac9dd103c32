"""Doncaster's 2018 SIF re-inspection, read off the corpus report by hand.

A re-inspection ("Re-inspection of services for children ..."), with no LSCB review. The
authority's name wraps above the title ("Doncaster Metropolitan Borough" / "Council"): the
whole block is the name, not "Council". Dates "9–24 November 2017". Every judgement is
"Good", overall "Children’s services in Doncaster are good". Four recommendations, ending
at "Summary for children and young people".
"""

from datetime import date

SUMMARY = "Summary of judgements"
RECS = "Recommendations"

EXPECTED = {
    "sources": ["corpus/doncaster-2018-01-19-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "reinspection",
    "authority_name": "Doncaster Metropolitan Borough Council",
    "title": (
        "Re-inspection of services for children in need of help and protection, children "
        "looked after and care leavers"
    ),
    "start_date": date(2017, 11, 9),
    "end_date": date(2017, 11, 24),
    "published_on": date(2018, 1, 19),
    "lead_inspector": "Neil Penswick",
    "judgements": [
        (SUMMARY, "Children’s services in Doncaster are good", "good", "good", "overall"),
        (SUMMARY, "Children who need help and protection", "Good", "good", "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Good",
            "good",
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Good", "good", "care-leavers"),
        (SUMMARY, "Leadership, management and governance", "Good", "good", "leadership"),
    ],
    "recommendations": [
        (RECS, "none-stated", "recommendation", words)
        for words in [
            "Ensure that all social workers receive high-quality supervision",
            "Ensure that assessments, plans and subsequent actions",
            "Continue to improve the availability of local placement options",
            "Ensure that all children looked after and care leavers have easy access",
        ]
    ],
}
