"""Knowsley's 2006 annual performance assessment letter, read off the letter by hand.

The "Grade awarded" table grades three areas 1-4 where 4 is the best; the five Every Child
Matters outcomes are graded in words in the text. The management section's "its capacity to
improve is excellent" restates the table's capacity grade (4) and is not a second judgement.
Recommendations are the "Key areas for improvement" column of the strengths/areas table
(Being healthy, Making a positive contribution and Management of children's services have
none) and the "Aspects for focus" list. The APA has no inspection dates: the letter's date
stands for start, end and publication (see ingest/parsers/apa.py).
"""

from datetime import date

SECTION = "Areas for judgement"
ASPECTS = "Aspects for focus in a future joint area review or the next APA"

EXPECTED = {
    "sources": [
        "text/knowsley-2006-annual-performance-assessment.txt",
        "pdf/knowsley-2006-annual-performance-assessment.pdf",
    ],
    "framework": "apa",
    "inspection_type": "full",
    "authority_name": "Knowsley Metropolitan Borough Council",
    "title": (
        "2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN "
        "KNOWSLEY METROPOLITAN BOROUGH COUNCIL"
    ),
    "start_date": date(2006, 11, 1),
    "end_date": date(2006, 11, 1),
    "published_on": date(2006, 11, 1),
    # The letter is signed by FLO HADLEY, Divisional Manager (Ofsted); kept in name case.
    "lead_inspector": "Flo Hadley",
    "judgements": [
        (
            SECTION,
            "The contribution of the local authority's children's services in maintaining "
            "and improving outcomes for children and young people",
            "4",
            "outstanding",
            "overall",
        ),
        (
            SECTION,
            "The council's overall capacity to improve its services for children and young people",
            "4",
            "outstanding",
            "capacity-to-improve",
        ),
        (
            SECTION,
            "The contribution of the local authority's social care services in maintaining "
            "and improving outcomes for children and young people",
            "4",
            "outstanding",
            "social-care",
        ),
        ("Being healthy", "Being healthy", "excellent", "outstanding", "being-healthy"),
        ("Staying safe", "Staying safe", "excellent", "outstanding", "staying-safe"),
        (
            "Enjoying and achieving",
            "Enjoying and achieving",
            "good",
            "good",
            "enjoying-and-achieving",
        ),
        (
            "Making a positive contribution",
            "Making a positive contribution",
            "excellent",
            "outstanding",
            "positive-contribution",
        ),
        (
            "Achieving economic well-being",
            "Achieving economic well-being",
            "good",
            "good",
            "economic-wellbeing",
        ),
    ],
    "recommendations": [
        (
            "Staying safe",
            "none-stated",
            "area-for-improvement",
            "low level of child protection registrations",
        ),
        (
            "Enjoying and achieving",
            "none-stated",
            "area-for-improvement",
            "attainment at Key Stages 1,3 and 4",
        ),
        ("Enjoying and achieving", "none-stated", "area-for-improvement", "attendance."),
        (
            "Achieving economic well-being",
            "none-stated",
            "area-for-improvement",
            "achievement at GCSE",
        ),
        (
            "Achieving economic well-being",
            "none-stated",
            "area-for-improvement",
            "school sixth form provision",
        ),
        (
            "Achieving economic well-being",
            "none-stated",
            "area-for-improvement",
            "retention rates at aged 18 in employment,",
        ),
        (
            ASPECTS,
            "none-stated",
            "aspect-for-focus",
            "Reducing usage of the Child Protection Register",
        ),
        (
            ASPECTS,
            "none-stated",
            "aspect-for-focus",
            "Outcomes achieved for looked after children.",
        ),
        (ASPECTS, "none-stated", "aspect-for-focus", "The impact and effectiveness of the ISAP."),
        (ASPECTS, "none-stated", "aspect-for-focus", "Continued improvements at Key Stages 1, 3"),
        (
            ASPECTS,
            "none-stated",
            "aspect-for-focus",
            "Continued and sustainable improvement to rates",
        ),
    ],
}
