"""The Isles of Scilly's 2016 SIF inspection with the review of its (joint) LSCB, read off
the corpus report by hand.

Three table rows print "Not Judged": children looked after and achieving permanence,
adoption performance and the experiences and progress of care leavers (the report explains
the islands had no children in those situations to judge). Each is kept as printed with no
comparable grade (None), with a warning; nothing is guessed, and the body's "The graded
judgement for adoption performance." / "Adoption performance was not judged." is not a
grade. Help and protection and leadership are "Good"; overall "Children’s services in the
Isles of Scilly are good".

The LSCB part ("The Local Safeguarding Children Board (LSCB)") opens "The Local
Safeguarding Children Board requires improvement". Recommendations: six for the local
authority (1-6; 3 and 6 are printed with the same words), ending at "Summary for children
and young people", and six for the board (57-62), ending at "Inspection findings – the
Local Safeguarding Children Board".
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
RECS = "Recommendations"
REC = ("none-stated", "recommendation")


def _recs(section, first_words):
    return [(section, *REC, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/isles-of-scilly-2016-06-27-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Isles of Scilly",
    "start_date": date(2016, 4, 11),
    "end_date": date(2016, 4, 28),
    "published_on": date(2016, 6, 27),
    "lead_inspector": "Emmy Tomsett",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in the Isles of Scilly are good",
            "good",
            "good",
            "overall",
        ),
        (SUMMARY, "Children who need help and protection", "Good", "good", "help-and-protection"),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Not Judged",
            None,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Not Judged", None, "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", "Not Judged", None, "care-leavers"),
        (SUMMARY, "Leadership, management and governance", "Good", "good", "leadership"),
        (
            LSCB,
            "The Local Safeguarding Children Board requires improvement",
            "requires improvement",
            "requires-improvement",
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            RECS,
            [
                "Improve the quality of early help assessments",  # 1
                "Ensure that key agencies fully engage",
                "Continue to pursue the appointment and approval of emergency foster carers",
                "Expedite the review of the local authority’s role",
                "Ensure that sufficient supported accommodation is available",
                "Continue to pursue the appointment and approval of emergency foster carers",
            ],
        ),
        *_recs(
            LSCB,
            [
                "The board should evaluate the impact of early help services",  # 57
                "The board should ensure that multi-agency audits",
                "The board should expedite plans",
                "The board should ensure that children and young people have the opportunity",
                "The board should promote a better strategic understanding",
                "The LSCB annual report should include a full evaluation",  # 62
            ],
        ),
    ],
    "warnings": [
        "Children looked after and achieving permanence: printed 'Not Judged'",
        "Adoption performance: printed 'Not Judged'",
        "Experiences and progress of care leavers: printed 'Not Judged'",
    ],
}
