"""Brent's focused visit letter of December 2025 (children in care), read off the corpus
letter's layout text and checked against the PDF (pdftotext -layout shows the same order).

Page 1: "Ofsted" letterhead; "18 December 2025" (the publication date); addressee "Mr Nigel
Chapman / Director, Children, Young People & Community Development / Brent Civic Centre, /
Engineers Way, Wembley, / London HA9 0FJ" (no authority line); "Dear Mr Chapman"; title
"Focused visit to Brent children's services" (authority_name from the title). "... on 18 and
19 November 2025. His Majesty's Inspectors for this visit were Michele Henry and Nicholas
Stacey." Focus, one sentence: "Inspectors looked at the local authority's arrangements for
children in care." (ends at "This visit was carried out in line with ..."). Signed "Michele
Henry / His Majesty's Inspector"; page number "4".

"What needs to improve in this area of social work practice?1" (page 1, with the footnote mark
"1" of late-2025 letters glued to the question mark; the section is named without it). The
list RUNS THROUGH THE FOOTNOTE AND A PAGE BREAK (trap, also in North Somerset 2025): bullet 1
"The consistency and rigour of responses to children who go missing from care" / "(Outcome 3,
national framework)" (no full stop), then the page-1 footnote "1 The areas for improvement have
been cross-referenced with the outcomes, enablers or principles in / the Children's Social
Care: National Framework. ..." (NOT an item, and NOT the end of the list), then page 2 opens
with bullet 2 "Life-story work for children in long-term care (Outcome 4, national
framework)." The list ends at "Main findings". A parser that stops at the footnote finds one
item, not two.
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice?",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/brent-2025-12-18-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Brent",
    "title": "Focused visit to Brent children's services",
    "start_date": date(2025, 11, 18),
    "end_date": date(2025, 11, 19),
    "published_on": date(2025, 12, 18),
    "lead_inspector": "Michele Henry",
    "focus": "Inspectors looked at the local authority's arrangements for children in care.",
    "judgements": [],
    "recommendations": [
        (*AFI, "The consistency and rigour of responses to children who go missing"),
        (*AFI, "Life-story work for children in long-term care"),
    ],
    "national_framework": ["outcome 3", "outcome 4"],
}
