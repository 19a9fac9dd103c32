"""Blackburn with Darwen's focused visit letter of May 2024 (care leavers aged 18 to 25), read
off the corpus letter's layout text and checked against the PDF.

Page 1: "Ofsted" letterhead; "24 May 2024" (the publication date); addressee "Joanne Siddle /
Director of Children's Services and Education / Blackburn with Darwen Council / 6th floor, 10
Duke Street / Blackburn / BB2 1DH" followed by a leftover template row "Insert LA Address"
(trap, also in four other 2023-2025 letters: not part of the address); "Dear Joanne Siddle".
The title wraps over two rows (pattern): "Focused visit to Blackburn with Darwen Borough
Council children's" / "services"; authority_name from the title, "Blackburn with Darwen
Borough Council" (the addressee says "Blackburn with Darwen Council", the summary
"Blackburn with Darwen children's services"). "... on 23 and 24 April 2024. His Majesty's
Inspectors for this visit were Rebecca Dubbins and Andy Waugh." Signed "Rebecca Dubbins /
His Majesty's Inspector" (no "Ofsted will take the findings ..." sentence before it); page
number "4".

The focus paragraph CONTINUES INTO A BULLETED LIST (trap): "Inspectors looked at the local
authority's arrangements for care leavers aged 18 to 25 with a particular focus on:" then
four black-square bullets ("the quality of planning for care leavers over the age of 18
years." ...). These bullets are the visit's scope, NOT recommendations; they end at "This
visit was carried out in line with ...". Grade words in prose (trap): "Headline findings"
opens "Since the last inspection, when the overall effectiveness of the service was judged to
be requires improvement to be good, ...".

"What needs to improve in this area of social work practice?" (page 2): three black-square
bullets, ended by "Main findings".
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice?",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/blackburn-with-darwen-2024-05-24-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Blackburn with Darwen Borough Council",
    "title": "Focused visit to Blackburn with Darwen Borough Council children's services",
    "start_date": date(2024, 4, 23),
    "end_date": date(2024, 4, 24),
    "published_on": date(2024, 5, 24),
    "lead_inspector": "Rebecca Dubbins",
    "focus": "Inspectors looked at the local authority's arrangements for care leavers aged 18 to",
    "judgements": [],
    "recommendations": [
        (*AFI, "Up-to-date pathway plans to be completed in a timeframe"),
        (*AFI, "The clarity of information in the care leaver offer"),
        (*AFI, "Care leavers to be visited according to their needs"),
    ],
}
