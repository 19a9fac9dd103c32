"""Knowsley's focused visit letter of November 2018 (front door / MASH), read off the corpus
letter's layout text and checked against the PDF.

Page 1: 2018 letterhead (no "Ofsted" line); "22 November 2018" (the letter's date, taken as
the publication date); addressee "Colette Dutton / Municipal Buildings, / Archway Road, /
Huyton / L36 9YU" (no job title, no authority line); "Dear Ms Dutton". The title wraps over
two rows (pattern): "Focused visit to Knowsley Metropolitan Borough Council Children's" /
"services" (capital C as printed); authority_name from the title, "Knowsley Metropolitan
Borough Council". "This letter summarises the findings of a focused visit to Knowsley
Metropolitan Borough Council children's services on 30 and 31 October 2018. The inspectors
were Diane Partridge, Her Majesty's Inspector, and Sheena Doyle, Her Majesty's Inspector."
Focus: "Inspectors considered the local authority's arrangements at the first point of
contact for children who need help and protection. Specifically, they considered ..." (ends at
"Inspectors looked at a range of evidence, ..."). Signed "Diane Partridge / Her Majesty's
Inspector" (lead = signatory); the last page ends with a page number "4".

Grade words in prose (trap): the Overview says the 2017 inspection judged overall
effectiveness "to require improvement to be good"; that is history, not a judgement of this
ungraded letter.

"What needs to improve in this area of social work practice" (page 2, after "Overview"): two
bullets (glyph U+F06E), ended by "Findings" (whose thirteen bullets are findings).
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/knowsley-2018-11-22-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Knowsley Metropolitan Borough Council",
    "title": "Focused visit to Knowsley Metropolitan Borough Council Children's services",
    "start_date": date(2018, 10, 30),
    "end_date": date(2018, 10, 31),
    "published_on": date(2018, 11, 22),
    "lead_inspector": "Diane Partridge",
    "focus": "Inspectors considered the local authority's arrangements at the first point of contact",
    "judgements": [],
    "recommendations": [
        (*AFI, "Consistency in the quality of assessments."),
        (*AFI, "The timing of strategy discussions in response to escalating concern"),
    ],
}
