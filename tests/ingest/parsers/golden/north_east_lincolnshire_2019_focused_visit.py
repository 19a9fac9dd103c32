"""North East Lincolnshire's second focused visit letter of 2019 (December; children in need,
child protection and pre-proceedings), read off the corpus letter's layout text and checked
against the PDF.

Page 1: "Ofsted" letterhead; "18 December 2019" (the letter's date, taken as the publication
date); addressee "Steve Kay / North East Lincolnshire / Town Hall Square / Grimsby / DN31
1HU" (no job title); "Dear Mr Kay"; title "Focused visit to North East Lincolnshire children's
services" (authority_name from the title; the addressee line is the same). Visit dates with
an en dash (pattern): "... children's services on 22–23 October 2019. The inspectors were
Rachel Holden, Her Majesty's Inspector, and Jan Edwards, Her Majesty's Inspector." The same
paragraph goes on "This is the second visit ... where inspectors identified three areas for
priority action ..." (prose, not a list). Focus: "During this visit, inspectors looked at the
local authority's arrangements for children in need, children subject to a child protection
plan and children subject to pre-proceedings." (ends at "Inspectors looked at a range of
evidence, ..."). Signed "Rachel Holden / Her Majesty's Inspector".

"Areas for priority action" (page 2): an intro ("In addition to addressing the two priority
actions not resolved following the last focused visit, the local authority needs to take
swift and decisive action ...:"; those two earlier actions are not listed again) then five
black-square bullets. "What needs to improve in this area of social work practice" follows:
four bullets, the last ending just above a page break, then "Findings" (page 3, prose
paragraphs, no bullets). Unlike most priority-action letters there is no closing "We have
notified the Department for Education ..." paragraph: the letter ends "Ofsted will take the
findings ..." and the signature.
"""

from datetime import date

APA = ("Areas for priority action", "none-stated", "priority-action")
AFI = (
    "What needs to improve in this area of social work practice",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/north-east-lincolnshire-2019-12-18-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "North East Lincolnshire",
    "title": "Focused visit to North East Lincolnshire children's services",
    "start_date": date(2019, 10, 22),
    "end_date": date(2019, 10, 23),
    "published_on": date(2019, 12, 18),
    "lead_inspector": "Rachel Holden",
    "focus": "During this visit, inspectors looked at the local authority's arrangements for children",
    "judgements": [],
    "recommendations": [
        (*APA, "Visits to children proportionate to the level of risk and need."),
        (*APA, "The quality of planning for children."),
        (*APA, "The frequency and effectiveness of multi-agency reviews."),
        (*APA, "Swift and effective remedial action following case file audit"),
        (*APA, "Timely escalation to pre-proceedings."),
        (*AFI, "The size of caseloads for all social workers in the children"),
        (*AFI, "The support and development of social workers in their assessed"),
        (*AFI, "Improved and accurate performance data and reporting."),
        (*AFI, "The challenge and scrutiny of performance data and the effectiveness"),
    ],
}
