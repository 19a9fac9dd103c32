"""Devon's 2025 ILACS inspection (standard, in two parts), read off the corpus layout text.

Page 1: "Inspection of Devon local authority" / "children's services"; "Inspection dates: 30
September to 11 October 2024 and 13 to 16 January 2025" (a split visit: under Ofsted's
"deferring, pausing and gathering additional evidence policy, inspectors returned from 13
January until 16 January 2025", page 1; so 30 September 2024 to 16 January 2025, and
sixteen days on site make it standard). The report names no lead inspector anywhere
(no "Lead inspector:" line, no signature): left blank with a warning (pattern: lead
inspector not found, 2025; nothing to find). Table: leaders Requires improvement to be
good; help and protection, children in care, care leavers and overall effectiveness
Inadequate.

"What needs to improve?" (page 2): six bullets.
"""

from datetime import date

J = "Judgements"
REC = ("What needs to improve?", "none-stated", "recommendation")
BAD = ("Inadequate", "inadequate")

EXPECTED = {
    "sources": ["corpus/devon-2025-05-13-children-s-services-inspection"],
    "framework": "ilacs",
    "inspection_type": "standard",
    "authority_name": "Devon",
    "title": "Inspection of Devon local authority children's services",
    "start_date": date(2024, 9, 30),
    "end_date": date(2025, 1, 16),
    "published_on": None,
    "lead_inspector": "",
    "judgements": [
        (
            J,
            "The impact of leaders on social work practice with children and families",
            "Requires improvement to be good",
            "requires-improvement",
            "leadership",
        ),
        (
            J,
            "The experiences and progress of children who need help and protection",
            *BAD,
            "help-and-protection",
        ),
        (J, "The experiences and progress of children in care", *BAD, "children-in-care"),
        (J, "The experiences and progress of care leavers", *BAD, "care-leavers"),
        (J, "Overall effectiveness", *BAD, "overall"),
    ],
    "recommendations": [
        (*REC, "The response to children at immediate risk of harm"),
        (
            *REC,
            "The identification of risk and response to neglect, domestic abuse and extra-familial",
        ),
        (*REC, "The quality and impact of plans for children and care leavers"),
        (*REC, "The assessment of risk and safety planning for care leavers."),
        (*REC, "The availability of support and sufficient suitable local homes"),
        (*REC, "Management oversight and grip across the service"),
    ],
    # The report prints no national framework theme with any item.
    "national_framework": [""] * 6,
    "warnings": ["No lead inspector found"],
}
