"""Camden's focused visit letter of December 2023 (children in need and child protection),
read off the corpus letter's layout text and checked against the PDF (pdftotext agrees).

Page 1: "Ofsted" letterhead; "5 December 2023" (the publication date); addressee "Tim
Aldridge / Executive Director of Children and Learning / Camden Council / Council offices /
5 Pancras Square, / London, N1C 4AG"; "Dear Tim,". The title NAMES NO AUTHORITY (trap, the
only one in the corpus): "Focused visit to children's services". So authority_name is taken
from the summary sentence, "Camden" ("... to Camden children's services on ..."), not the
addressee block ("Camden Council"), which other letters often leave out. Visit dates across two months: "... to Camden children's services on 31 October
and 1 November 2023. His Majesty's Inspectors for this visit were Naintara Khosla and Russel
Breyer." Focus: "Inspectors looked at the local authority's arrangements for children in
need and children subject to a child protection plan. Inspectors considered ..." (ends at
"This visit was carried out in line with ..."). Signed "Naintara Khosla / His Majesty's
Inspector"; page number "4".

Grade words in prose (trap): "Headline findings" opens "At the last inspection, in April 2022,
the overall effectiveness of services was judged to be outstanding, and the experiences and
progress of children in need of help and protection were judged to be good." History, not
judgements of this ungraded letter.

"What needs to improve in this area of social work practice?" (page 2): two black-square
bullets, ended by "Main findings".
"""

from datetime import date

AFI = (
    "What needs to improve in this area of social work practice?",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": ["corpus/camden-2023-12-05-children-s-services-focused-visit"],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Camden",
    "title": "Focused visit to children's services",
    "start_date": date(2023, 10, 31),
    "end_date": date(2023, 11, 1),
    "published_on": date(2023, 12, 5),
    "lead_inspector": "Naintara Khosla",
    "focus": "Inspectors looked at the local authority's arrangements for children in need and",
    "judgements": [],
    "recommendations": [
        (*AFI, "Evaluation and challenge of social work practice through effective quality"),
        (*AFI, "Management oversight of practice and timely decision making"),
    ],
}
