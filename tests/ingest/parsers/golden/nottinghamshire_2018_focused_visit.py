"""Nottinghamshire's focused visit letter of February 2018 (care leavers), one of the very first
focused visits, read off the corpus letter's layout text and checked against the PDF.

Page 1: 2018 letterhead (no "Ofsted" line); "22 February 2018" (the letter's date, taken as
the publication date); addressee "Mr Colin Pettigrew / County Hall / West Bridgford /
Nottingham / NG2 7QP" (no job title, no authority line); "Dear Colin,"; title "Focused visit to
Nottinghamshire County Council children's services" (authority_name from the title). "This
letter summarises the findings of a focused visit to Nottinghamshire County Council children's
services on 30 and 31 January 2018. The inspectors were John Roughton HMI and Caroline Walsh
HMI." Focus: "Inspectors looked at the local authority's arrangements for its care leavers,
including the preparation of relevant children in care for the transition to adulthood." (ends
at "Inspectors considered a range of evidence, ..."). Signed "Yours sincerely," / "John
Roughton" / "Her Majesty's Inspector" (lead = signatory, "HMI" dropped).

An early layout, unlike later letters (pattern): no "What needs to improve" heading and no
"Findings"; after "Overview" come "Areas of strength" (page 2, nine bullets, glyph U+F06E:
strengths, NOT recommendations) and "Areas for Improvement" (capital I, page 3): ten long
bullets, each a finding-style paragraph, the fifth running over a page break, the last ending
at the foot of page 4; page 5 opens with "Ofsted will take the findings from this focused
visit into account ..." (the list's end marker). The section is kept as printed, "Areas for
Improvement". No priority actions.
"""

from datetime import date

AFI = ("Areas for Improvement", "none-stated", "area-for-improvement")

EXPECTED = {
    "sources": ["corpus/nottinghamshire-2018-02-22-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Nottinghamshire County Council",
    "title": "Focused visit to Nottinghamshire County Council children's services",
    "start_date": date(2018, 1, 30),
    "end_date": date(2018, 1, 31),
    "published_on": date(2018, 2, 22),
    "lead_inspector": "John Roughton",
    "focus": "Inspectors looked at the local authority's arrangements for its care leavers, including",
    "judgements": [],
    "recommendations": [
        (*AFI, "Where new risks emerge for children and young people, not enough priority"),
        (*AFI, "High caseloads in both the looked after and care leaving service"),
        (*AFI, "For most children, the transition and planning for adulthood and independence"),
        (*AFI, "There is no dedicated support available for 16- and 17-year-old children"),
        (*AFI, "A small minority of care leavers placed in larger semi-independent settings"),
        (*AFI, "More could be done to engage the wider cohort of care leavers"),
        (*AFI, "Older children in care and care leavers with complex needs"),
        (*AFI, "There is no independent review and scrutiny of plans for care leavers"),
        (*AFI, "Auditing arrangements for the care leaving service are under developed"),
        (*AFI, "The local authority has a good awareness of the challenges faced by the service"),
    ],
}
