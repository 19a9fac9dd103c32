"""Sunderland's focused visit letter of May 2021 (spring 2021, COVID-era, fully remote),
read off the corpus letter's layout text and checked against the PDF.

Page 1: "Ofsted" letterhead; "11 May 2021" (the letter's date, taken as the publication
date); addressee "Jill Colbert / Director of Children's Services / and Chief Executive /
Together for Children / Sunderland / Sandhill Centre ..." (the trust that runs the services,
not the council); "Dear Ms Colbert"; title "Focused visit to Sunderland children's services"
(authority_name from the title, "Sunderland"). COVID boilerplate first, then "This letter
summarises the findings of a focused visit to Sunderland local authority children's services
on 24 and 25 March 2021. The visit was carried out by Her Majesty's Inspectors Neil Penswick,
Jan Edwards, Brenda McLaughlin, Victoria Horsefield and Jon Bowman." (five inspectors, no
lead named there: the lead is the signatory, "Neil Penswick / Her Majesty's Inspector").

NO FOCUS PARAGRAPH (pattern of the autumn 2020 - summer 2021 letters): after the summary comes
only "The methodology for this visit was in line with ..." and no "Inspectors looked at ...",
so "focus" is None. No "Overview"/"Headline findings" either.

"What needs to improve in this area of social work practice" (page 1) is ONE PARAGRAPH, not a
list (pattern): "The areas for improvement continue to be those that were identified at the
ILACS inspection in July 2018. Progress is evident in key areas." It ends at the page break;
page 2 opens with "Findings", whose black-square bullets are findings (one says "Following two
inspection judgements of inadequate, Sunderland City Council set up TfC ...": a grade word in
prose, not a judgement). Kept as one item, as the brief asks for a paragraph.
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/sunderland-2021-05-11-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Sunderland",
    "title": "Focused visit to Sunderland children's services",
    "start_date": date(2021, 3, 24),
    "end_date": date(2021, 3, 25),
    "published_on": date(2021, 5, 11),
    "lead_inspector": "Neil Penswick",
    "focus": None,
    "judgements": [],
    "recommendations": [
        (*AFI, "The areas for improvement continue to be those that were identified"),
    ],
}
