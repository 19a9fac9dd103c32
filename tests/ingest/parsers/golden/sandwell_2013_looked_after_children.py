"""Sandwell's 2013 inspection of looked after children services, read off the corpus layout
text.

Page 1: "Inspection of looked after children" / "services", "Sandwell Metropolitan Borough
Council", "Inspection dates: 24 – 28 June 2013", "Reporting inspector Christopher Sands
HMI", "Published: 2 August 2013". Body: overall effectiveness "Grade 4 (Inadequate)",
capacity to improve "Grade 3 (Adequate)", outcomes "Grade 3 (Adequate)", quality of
provision and leadership and management "Grade 4 (Inadequate)"; the "Record of main
findings" agrees in words. "Areas for improvement are clearly articulated within the
improvement plan" (a sentence in the capacity section) is not the list.

"Areas for improvement" (pages 10-11, the list running past a page break): eight items to do
immediately, eight within three months, two within six months, each opening with a capital
("Ensure ...", "Review ...").
"""

from datetime import date

LAC = "Services for looked after children"
AREA = "area-for-improvement"
NOW, THREE, SIX = "immediately", "within-three-months", "within-six-months"
BAD = ("Inadequate", "inadequate")
OK = ("Adequate", "requires-improvement")

EXPECTED = {
    "sources": ["corpus/sandwell-2013-08-02-children-s-services-inspection-pdf"],
    "framework": "lac",
    "inspection_type": "full",
    "authority_name": "Sandwell Metropolitan Borough Council",
    "title": "Inspection of looked after children services",
    "start_date": date(2013, 6, 24),
    "end_date": date(2013, 6, 28),
    "published_on": date(2013, 8, 2),
    "lead_inspector": "Christopher Sands",
    "judgements": [
        (LAC, "Overall effectiveness", *BAD, "children-in-care"),
        (LAC, "Capacity to improve", *OK, "capacity-to-improve"),
        (LAC, "Outcomes for looked after children and young people", *OK, "outcomes"),
        (LAC, "Quality of provision", *BAD, "quality-of-provision"),
        (LAC, "Leadership and management", *BAD, "leadership"),
    ],
    "recommendations": [
        (LAC, NOW, AREA, "Ensure that a clear plan is in place to improve the effectiveness"),
        (LAC, NOW, AREA, "Ensure plans are in place for accelerated improvements"),
        (LAC, NOW, AREA, "Ensure plans are in place to address the delay"),
        (LAC, NOW, AREA, "Review all children on care orders placed at home"),
        (LAC, NOW, AREA, "Ensure plans are in place for every child on a care order"),
        (LAC, NOW, AREA, "Ensure that plans are firmly in place to eliminate the backlog"),
        (LAC, NOW, AREA, "Ensure plans are in place to improve the quality of initial"),
        (LAC, NOW, AREA, "Review the current policy for supporting young people"),
        (LAC, THREE, AREA, "Ensure the consistently high quality of PEPs"),
        (LAC, THREE, AREA, "Ensure that the LACE Virtual School establishes"),
        (LAC, THREE, AREA, "Ensure that the corporate parenting board agrees a core dataset"),
        (LAC, THREE, AREA, "Ensure that the revised pledge is completed"),
        (LAC, THREE, AREA, "Ensure that plans are in place to develop consistent transition"),
        (LAC, THREE, AREA, "Ensure training opportunities and attendance at courses"),
        (LAC, THREE, AREA, "Ensure the supervision policy is applied consistently"),
        (LAC, THREE, AREA, "Ensure that a clear memorandum of roles and responsibilities"),
        (LAC, SIX, AREA, "Ensure that the looked after children group becomes more"),
        (LAC, SIX, AREA, "Review the functionality of the electronic social care recording"),
    ],
}
