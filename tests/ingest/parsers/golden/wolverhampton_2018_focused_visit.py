"""Wolverhampton's focused visit letter of October 2018 (children in need and child
protection), read off the PDF (pdftotext -layout) and the corpus letter's layout text.

Page 1: "4 October 2018" (the letter's date, taken as the publication date); addressee "Ms
Emma Bennett / Director of Children's Services / Civic Centre, ..."; "Dear Ms Bennett". The
title on one row: "Focused visit to City of Wolverhampton council children's services"
(lower-case "council" as printed); authority_name from the title. "This letter summarises
the findings of the focused visit to the City of Wolverhampton council children's services
on 11 and 12 September 2018. The visit was conducted by Alison Smale and John Roughton, two
of Her Majesty's Inspectors." Focus: "Inspectors evaluated the local authority's
arrangements for children in need and those on child protection plans. Inspectors considered
the experiences and progress of children open to assessment and locality hub teams." (then
"A range of evidence was looked at."). Signed "Alison Smale / Her Majesty's Inspector".

"What needs to improve in this area of social work practice" (page 4, after the findings)
is printed as five paragraphs with no bullets, and the layout text keeps no blank line
between them: five areas for improvement, the fourth and fifth on page 5. The list ends at
"Ofsted will take the findings from this focused visit into account ...".
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/wolverhampton-2018-10-04-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "City of Wolverhampton council",
    "title": "Focused visit to City of Wolverhampton council children's services",
    "start_date": date(2018, 9, 11),
    "end_date": date(2018, 9, 12),
    "published_on": date(2018, 10, 4),
    "lead_inspector": "Alison Smale",
    "focus": "Inspectors evaluated the local authority's arrangements for children in need and "
    "those on child protection plans.",
    "judgements": [],
    "recommendations": [
        (*AFI, "In locality team hubs, many assessments do not sufficiently describe the changes"),
        (*AFI, "Plans are not sufficiently effective in reducing needs."),
        (*AFI, "Social workers in some locality teams experienced excessively high caseloads"),
        (*AFI, "While supervision is regular in locality team hubs"),
        (*AFI, "The local authority recognises that the audit programme is not applied"),
    ],
}
