"""Durham's focused visit letter of August 2021 (children in care), read off the corpus
letter's layout text and checked against the PDF.

Page 1: "Ofsted" letterhead; "23 August 2021" (the letter's date, taken as the publication
date); addressee "John Pearce / Corporate Director, Children and Young People's Service /
Durham County Council / County Hall ..."; "Dear John"; title "Focused visit to Durham's
children's services" (a POSSESSIVE: authority_name "Durham", the title's name with "'s"
dropped; the addressee block says "Durham County Council"). COVID boilerplate ("Her
Majesty's Chief Inspector ... is leading ...") comes before the summary. Visit dates WITHOUT
A YEAR (trap): "... Durham children's services on 13 and 14 July. Her Majesty's Inspectors
for this visit were Louise Hollick and Vicky Metheringham." The year, 2021, comes from the
letter's date. Focus: "Inspectors looked at the local authority's arrangements for children
in care. The visit focused on the quality of matching, placement and decision-making ..."
(ends at "This visit was carried out in line with the inspection of local authority
children's services (ILACS) framework."). Signed "Louise Hollick / Her Majesty's Inspector";
page number "5" after it.

Headings with capitals and colons, unique in the corpus (pattern): "Headline Findings",
"Areas for priority action:", "Areas for improvement:", "Main Findings"; there is no "What
needs to improve ..." heading. The sections are named without the colon (as the ILACS
goldens do with "What needs to improve:"). "Areas for priority action:" (page 2): intro "The
local authority needs to take swift and decisive action to address the following areas of
weakness:" then two black-square bullets (the first without a full stop). "Areas for
improvement:": one bullet, ended by "Main Findings". At the end: "We have notified the DfE of
the area(s) for priority action ...".
"""

from datetime import date

APA = ("Areas for priority action", "none-stated", "priority-action")
AFI = ("Areas for improvement", "none-stated", "area-for-improvement")

EXPECTED = {
    "sources": ["corpus/durham-2021-08-23-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Durham",
    "title": "Focused visit to Durham's children's services",
    "start_date": date(2021, 7, 13),
    "end_date": date(2021, 7, 14),
    "published_on": date(2021, 8, 23),
    "lead_inspector": "Louise Hollick",
    "focus": "Inspectors looked at the local authority's arrangements for children in care. The",
    "judgements": [],
    "recommendations": [
        (*APA, "The quality of plans and arrangements for a minority of children"),
        (*APA, "The sufficiency of suitable placements to avoid children being placed"),
        (*AFI, "The quality of assessment work carried out under Section 22 (a)"),
    ],
}
