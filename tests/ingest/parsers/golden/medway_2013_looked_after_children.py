"""Medway's 2013 inspection of looked after children services, read off the corpus layout
text.

Page 1: "Inspection of looked after children" / "services", "Medway Council", "Inspection
dates: 15-19 July 2013", "Reporting inspector Sarah Urding HMI", "Published: 23 August
2013" (the page headers inside say "Inspection of safeguarding and looked after children":
a slip in the report; the title on the cover decides). The body grades overall
effectiveness, outcomes, quality of provision and leadership and management "Grade 4
(Inadequate)" and capacity to improve "Grade 3 (Adequate)"; the "Record of main findings"
prints each grade with its number, "Inadequate Grade 4", "Adequate Grade 3": kept as
printed, read on the 1-4 scale's words.

"Areas for improvement" (pages 9-10, continuing past a page break mid-list): four items to
do immediately, eight within three months (the first, "Complete initial health
assessments ...", capitalised unlike the rest), three within six months.
"""

from datetime import date

LAC = "Services for looked after children"
AREA = "area-for-improvement"
NOW, THREE, SIX = "immediately", "within-three-months", "within-six-months"
BAD = ("Inadequate Grade 4", "inadequate")

EXPECTED = {
    "sources": ["corpus/medway-2013-08-23-children-s-services-inspection-pdf"],
    "framework": "lac",
    "inspection_type": "full",
    "authority_name": "Medway Council",
    "title": "Inspection of looked after children services",
    "start_date": date(2013, 7, 15),
    "end_date": date(2013, 7, 19),
    "published_on": date(2013, 8, 23),
    "lead_inspector": "Sarah Urding",
    "judgements": [
        (LAC, "Overall effectiveness", *BAD, "children-in-care"),
        (
            LAC,
            "Capacity to improve",
            "Adequate Grade 3",
            "requires-improvement",
            "capacity-to-improve",
        ),
        (LAC, "Outcomes for looked after children and young people", *BAD, "outcomes"),
        (LAC, "Quality of provision", *BAD, "quality-of-provision"),
        (LAC, "Leadership and management", *BAD, "leadership"),
    ],
    "recommendations": [
        (LAC, NOW, AREA, "ensure there is a clear and documented analysis of risk"),
        (LAC, NOW, AREA, "ensure the timely notification by social workers"),
        (LAC, NOW, AREA, "improve the quality and consistency of management oversight"),
        (LAC, NOW, AREA, "ensure that social workers inform looked after children"),
        (LAC, THREE, AREA, "Complete initial health assessments for looked after children"),
        (LAC, THREE, AREA, "ensure that an appropriate CAMH service is available"),
        (LAC, THREE, AREA, "routinely undertake robust, evidence based assessments"),
        (LAC, THREE, AREA, "ensure that children's care and pathway plans are outcome focused"),
        (LAC, THREE, AREA, "continue to improve the quality and use of personal education"),
        (LAC, THREE, AREA, "ensure that children experience consistent relationships"),
        (LAC, THREE, AREA, "continue to reduce drift and delay for children"),
        (LAC, THREE, AREA, "improve the quality of case file audits"),
        (LAC, SIX, AREA, "embed the use of the new electronic recording system"),
        (LAC, SIX, AREA, "Raise awareness of a range of initiatives"),
        (LAC, SIX, AREA, "improve the communication with and training of foster carers"),
    ],
}
