"""Slough's focused visit letter of January 2026 (care leavers aged 18 to 25), read off the
corpus letter's layout text and checked against the PDF.

Page 1: "Ofsted" letterhead; "12 January 2026" (the publication date); addressee "Sue Butcher
/ Slough Borough Council / Observatory House / 25 Windsor Road / Slough / SL1 2EL" (no job
title); "Dear Sue"; title "Focused visit to Slough Borough Council children's services"
(authority_name from the title; in 2022 the same authority's letter was titled "Focused
visit to Slough Children First", the company that then ran its services). "This letter
summarises the findings of the focused visit to Slough Borough Council children's services on
19 and 20 November 2025. His Majesty's Inspectors for this visit were Christine Kennet, David
Cohen and Penny Ademuyiwa." Note the visit (November 2025) and the letter (January 2026)
fall in different years. Focus: "Inspectors looked at the local authority's arrangements for
care leavers aged 18 to 25 years, in particular care leavers with specific needs, ..." (ends
at "This visit was carried out in line with ..."). Signed "Christine Kennet / His Majesty's
Inspector"; page number "5".

"Areas for priority action" (page 1, after "Headline findings", no intro sentence): one
black-square bullet ending "(outcome 4, national framework)" at the foot of page 1. Page 2
opens with "What needs to improve in this area of social work practice?1" (footnote mark
"1"; the section is named without it): four bullets, each with an "(enabler N, national
framework)" cross-reference wrapping onto the next row, ended by "Main findings". The
footnote ("1 The areas for improvement have been cross-referenced ...") is at the foot of page
2, after the list. At the end: "We have notified the Department for Education of the area for
priority action. ..."
"""

from datetime import date

APA = ("Areas for priority action", "none-stated", "priority-action")
AFI = (
    "What needs to improve in this area of social work practice?",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/slough-2026-01-12-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Slough Borough Council",
    "title": "Focused visit to Slough Borough Council children's services",
    "start_date": date(2025, 11, 19),
    "end_date": date(2025, 11, 20),
    "published_on": date(2026, 1, 12),
    "lead_inspector": "Christine Kennet",
    "focus": "Inspectors looked at the local authority's arrangements for care leavers aged 18 to",
    "judgements": [],
    "recommendations": [
        (*APA, "Keeping in touch with and supporting care leavers over the age of 18"),
        (*AFI, "Management oversight, including the supervision of staff."),
        (*AFI, "Performance management and quality assurance arrangements."),
        (*AFI, "The consistency of planning for care leavers."),
        (*AFI, "How manageable workers' caseloads are, so that they have sufficient time"),
    ],
    "national_framework": ["outcome 4", "enabler 2", "enabler 2", "enabler 3", "enabler 2"],
}
