"""Kent's 2013 inspection of looked after children services, read off the corpus layout text.

Page 1: "Inspection of looked after children" / "services", "Kent County Council",
"Inspection dates: 15 – 19 July 2013", "Reporting inspector Helen Cawston HMI", "Published:
23 August 2013". The body states five grades under their headings ("Grade 3 (Adequate)"
for overall effectiveness, "Grade 2 (Good)" for capacity to improve, "Grade 3 (Adequate)"
for outcomes, quality of provision, and leadership and management); the "Record of main
findings" (page 21), under "Services for looked after children", repeats them in words
("Outcomes for looked after children and" / "young people" wrapping) and agrees. The grade
key ("Outstanding (Grade 1) A service that significantly exceeds ...") is not a judgement.

"Areas for improvement" (pages 8-9, running past a page break with the page header "Kent
County Council Inspection of looked after children services 7" between): three items to do
immediately, six within three months, three within six months.
"""

from datetime import date

LAC = "Services for looked after children"
AREA = "area-for-improvement"
NOW, THREE, SIX = "immediately", "within-three-months", "within-six-months"
OK = ("Adequate", "requires-improvement")

EXPECTED = {
    "sources": ["corpus/kent-2013-08-23-children-s-services-inspection-pdf"],
    "framework": "lac",
    "inspection_type": "full",
    "authority_name": "Kent County Council",
    "title": "Inspection of looked after children services",
    "start_date": date(2013, 7, 15),
    "end_date": date(2013, 7, 19),
    "published_on": date(2013, 8, 23),
    "lead_inspector": "Helen Cawston",
    "judgements": [
        (LAC, "Overall effectiveness", *OK, "children-in-care"),
        (LAC, "Capacity to improve", "Good", "good", "capacity-to-improve"),
        (LAC, "Outcomes for looked after children and young people", *OK, "outcomes"),
        (LAC, "Quality of provision", *OK, "quality-of-provision"),
        (LAC, "Leadership and management", *OK, "leadership"),
    ],
    "recommendations": [
        (LAC, NOW, AREA, "improve the quality of supervision and management oversight"),
        (LAC, NOW, AREA, "improve the quality of assessments and care planning"),
        (LAC, NOW, AREA, "ensure that the voice of the child contributes effectively"),
        (LAC, THREE, AREA, "improve looked after children's participation in and ownership"),
        (LAC, THREE, AREA, "increase looked after children's participation in strategic"),
        (LAC, THREE, AREA, "ensure that all children and young people up to the age of 18"),
        (LAC, THREE, AREA, "review the 16+ service to ensure that caseloads are manageable"),
        (LAC, THREE, AREA, "risk assess all bed and breakfast accommodation"),
        (LAC, THREE, AREA, "improve the timeliness of care proceedings."),
        (LAC, SIX, AREA, "ensure that there are sufficient placements available"),
        (LAC, SIX, AREA, "ensure there is sufficient and suitable accommodation"),
        (LAC, SIX, AREA, "review the arrangements for the independent reviewing services"),
    ],
}
