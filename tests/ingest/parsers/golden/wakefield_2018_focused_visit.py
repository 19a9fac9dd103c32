"""Wakefield's focused visit letter of March 2018 (front door), read off the corpus letter's
layout text and checked against the PDF (pdftotext -layout).

Page 1: the 2018 letterhead (no "Ofsted" line: "T 0300 123 1231", then "Piccadilly Gate\t
Textphone ...", the address and phone numbers paired by tabs); the letter's date "22 March 2018"
(the publication date); addressee "Eleni Ioannides / Interim Director of Children's Services /
Wakefield Council / County Hall ..."; "Dear Ms Ioannides"; title "Focused visit to Wakefield
Council children's services" (authority_name taken from the title; the addressee block says
the same). "This letter summarises the findings of a focused visit to Wakefield Council on 27
and 28 February 2018. The inspectors were Neil Penswick, HMI, and Matthew Brazier, HMI."
Focus: "Inspectors looked at the local authority's arrangements for the 'front door', the
service that receives both single and multi-agency contacts and referrals." (ends at the
next paragraph, "Inspectors looked at a range of evidence, ..."). Signed "Neil Penswick / Her
Majesty's Inspector" at the end: the lead inspector is the signatory.

"Areas for priority action" (page 2, after "Overview"): an intro sentence ("The local
authority needs to take swift and decisive action to address the following areas of weakness
in child protection:") then three bullets (symbol-font glyph U+F06E), lower case, the last
ending with a full stop. "What needs to improve in this area of social work practice" follows
at once: three bullets (sentences), ended by the heading "Findings", whose bullets (same
glyph) are findings, not recommendations. Ungraded; the prose ("significant weaknesses") has
no grade words read as judgements.
"""

from datetime import date

APA = ("Areas for priority action", "none-stated", "priority-action")
AFI = (
    "What needs to improve in this area of social work practice",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/wakefield-2018-03-22-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Wakefield Council",
    "title": "Focused visit to Wakefield Council children's services",
    "start_date": date(2018, 2, 27),
    "end_date": date(2018, 2, 28),
    "published_on": date(2018, 3, 22),
    "lead_inspector": "Neil Penswick",
    "focus": "Inspectors looked at the local authority's arrangements for the ‘front door’, the",
    "judgements": [],
    "recommendations": [
        (*APA, "delays in case allocation, assessment and seeing children at risk"),
        (*APA, "management oversight and decision-making in relation to safeguarding practice"),
        (*APA, "social work recording, performance management and quality assurance"),
        (*AFI, "Audits need to recognise good practice and consistently challenge weak"),
        (*AFI, "There needs to be a sufficient number of experienced social workers"),
        (*AFI, "The relationships between the local authority and partners through the LSCB"),
    ],
}
