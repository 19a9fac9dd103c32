"""Wandsworth's 2018 SIF re-inspection (no LSCB review), read off the corpus report by hand.

The last table row has no tab between label and grade: "3. Leadership, management and
governance Requires improvement". The trailing grade words are the grade (before, the label
swallowed them and the grade was blank). The overall sentence wraps ("Children’s services
in Wandsworth require improvement to be" / "good"). Care leavers are good; every other
judgement requires improvement. Nine recommendations, ending at "Summary for children and
young people".
"""

from datetime import date

SUMMARY = "Summary of judgements"
RECS = "Recommendations"
RI = "requires-improvement"

EXPECTED = {
    "sources": ["corpus/wandsworth-2018-07-20-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "reinspection",
    "authority_name": "London Borough of Wandsworth",
    "start_date": date(2018, 5, 8),
    "end_date": date(2018, 5, 31),
    "published_on": date(2018, 7, 20),
    "lead_inspector": "Louise Warren",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in Wandsworth require improvement to be good",
            "require improvement to be good",
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
    ],
    "recommendations": [
        (RECS, "none-stated", "recommendation", words)
        for words in [
            "Continue to strengthen the contributions of relevant agencies",  # 1
            "Develop the multi-agency response to children who are at risk",
            "Strengthen decision-making, management oversight and tracking",
            "Ensure that early permanence arrangements and strategic oversight",
            "Ensure that the systems and processes for family finding",  # 5
            "Ensure that the joint working arrangements",
            "Align performance information with the quality assurance framework",
            "Increase the take up of independent advocacy services",
            "Improve the timeliness of transitions for children into the care leavers",  # 9
        ]
    ],
}
