"""Kingston upon Thames's focused visit letter of June 2022 (front door), read off the corpus
letter's layout text and checked against the PDF.

Page 1, an out-of-order letterhead (pattern, the only one like it): after the Ofsted block
comes the addressee "Ian Dodds / Director of Children's Services / Guildhall / High Street /
Kingston upon Thames / KT1 1EU", THEN the date "23 June 2022" (the publication date), then
the town and postcode again, the postcode on the same row as the salutation: "Kingston upon
Thames" / "KT1 1EU Dear Ian" (the salutation does not start its row). Title "Focused visit
to Kingston upon Thames children's services" (authority_name from the title). "This letter
summarises the findings of the focused visit to Kingston upon Thames children's services on 17
and 18 May 2022. Her Majesty's Inspectors for this visit were Tracey Ledder and Louise
Walker." Focus, one sentence: "Inspectors looked at the local authority's arrangements for
the front door." (ends at "This visit was carried out in line with ..."). Signed "Tracey
Ledder / Her Majesty's Inspector"; page number "4" after it.

"Headline findings" (page 1-2), then "What needs to improve in this area of social work
practice?" (with the question mark of 2021-on letters; page 2): three black-square bullets,
ended by "Main findings" (prose, no bullets).
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice?",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/kingston-upon-thames-2022-06-23-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Kingston upon Thames",
    "title": "Focused visit to Kingston upon Thames children's services",
    "start_date": date(2022, 5, 17),
    "end_date": date(2022, 5, 18),
    "published_on": date(2022, 6, 23),
    "lead_inspector": "Tracey Ledder",
    "focus": "Inspectors looked at the local authority's arrangements for the front door.",
    "judgements": [],
    "recommendations": [
        (*AFI, "Consistent and appropriate application of strategy meetings."),
        (*AFI, "The early recognition and response to domestic abuse concerns."),
        (*AFI, "Consideration of children and families' ethnicity and culture"),
    ],
}
