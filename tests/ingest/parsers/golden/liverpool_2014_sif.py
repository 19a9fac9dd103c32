"""Liverpool's 2014 SIF inspection with the review of its LSCB, read off Ofsted's PDF by hand.

Every judgement requires improvement: "The overall judgement is requires improvement." and
"The effectiveness of the Local Safeguarding Children Board (LSCB) is requires / improvement."
(wrapped), with the numbered table between them; the body headings agree ("Leadership,
management and governance requires improvement", "The effectiveness of the LSCB requires
improvement"). "The previous inspection of Liverpool's services for looked after children was
in April 2011. The local authority was judged to be good." is not a judgement.

"Priority and immediate action" says "The inspection did not find any areas for priority and
immediate action.": no recommendations there. "Areas for improvement" lists 45-67 for the
local authority and 178-186 in the LSCB part.
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The effectiveness of the Local Safeguarding Children Board"
IMPROVE = "What does the local authority need to improve?"
RI = ("Requires improvement", "requires-improvement")

EXPECTED = {
    "sources": ["pdf-original/liverpool-2014-sif.pdf"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Liverpool City Council",
    "title": (
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers and Review of the effectiveness of the local safeguarding "
        "children board"
    ),
    "start_date": date(2014, 5, 20),
    "end_date": date(2014, 6, 11),
    "published_on": date(2014, 7, 18),
    "lead_inspector": "Sheena Doyle",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is requires improvement",
            "requires improvement",
            "requires-improvement",
            "overall",
        ),
        (SUMMARY, "Children who need help and protection", *RI, "help-and-protection"),
        (SUMMARY, "Children looked after and achieving permanence", *RI, "children-in-care"),
        (SUMMARY, "Adoption performance", *RI, "adoption"),
        (SUMMARY, "Experiences and progress of care leavers", *RI, "care-leavers"),
        (SUMMARY, "Leadership, management and governance", *RI, "leadership"),
        (
            LSCB,
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is requires "
            "improvement",
            "requires improvement",
            "requires-improvement",
            "lscb",
        ),
    ],
    "recommendations": [
        (IMPROVE, "none-stated", "area-for-improvement", words)
        for words in (
            "Improve the triage and timeliness",  # 45
            "Strategy discussions should always include",
            "Ensure that all social workers, including agency",
            "Review the impact and effectiveness of the pilot",
            "Improve all assessments of children",
            "The quality assurance role of the Safeguarding Unit",
            "The child protection advocacy service should",
            "The local authority and its statutory partners should agree",
            "Improve the quality of the adoption service",
            "Ensure that all children who would benefit from life story",
            "The quality of case recording must be improved",
            "Management oversight of social work practice",
            "Develop effective monitoring systems",
            "All children living with their parents under",
            "The local authority, in partnership with commissioners",
            "Improve the attainment at Key Stage 4",
            "Improve services for care leavers including",
            "Develop targeted plans and interventions",
            "Ensure that all strategic plans are informed",
            "Implement the new electronic recording system",
            "Ensure the new quality assurance framework",
            "Devolved decision-making should be supported",
            "Workforce development plans should include",  # 67
        )
    ]
    + [
        (LSCB, "none-stated", "area-for-improvement", words)
        for words in (
            "Ensure greater clarity in the levels of need",  # 178
            "Give greater prominence to the issue of consent",
            "Strengthen the LSCB's understanding of performance",
            "Review the chairing arrangements",
            "Audit and evaluate the implementation of serious case review",
            "Develop a systematic approach to multi-agency quality audits",
            "Develop the voice of the child",
            "Monitor and evaluate both the take-up",
            "Ensure that the Board has the right level",  # 186
        )
    ],
}
