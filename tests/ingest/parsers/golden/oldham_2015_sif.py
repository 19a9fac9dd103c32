"""Oldham's 2015 SIF inspection with the review of its LSCB, read off the corpus report by
hand.

The headline table breaks across the cover page: rows 1, 2 and 2.1 are on page 1, then the
footnote "1 Ofsted produces this report ..." and the page number, and rows 2.2 and 3 open
page 2. The table is read across the break (before, the care leavers and leadership rows
were lost, and the care leavers grade appeared only as a body heading, with a warning).
Between the overall sentence and the table the cover prints descriptors of the grades
("Leadership, management and governance require improvement when any ..."), which are not
judgements.

Recommendations carry paragraph references and some end without a full stop inside the
reference's line ("... (paragraph" / "52)."): fifteen for the local authority (1-15, over a
page break, ending at "Summary for children and young people") and seven for the board
(160-166, over a page break, ending at "Inspection findings – the Local Safeguarding
Children Board"). The LSCB part's heading is "The Local Safeguarding Children Board".
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board"
RECS = "Recommendations"
REC = ("none-stated", "recommendation")
RI = "requires-improvement"


def _recs(section, first_words):
    return [(section, *REC, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/oldham-2015-08-03-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Oldham Borough Council",
    "start_date": date(2015, 5, 22),
    "end_date": date(2015, 6, 18),
    "published_on": date(2015, 8, 3),
    "lead_inspector": "Sheena Doyle",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in Oldham require improvement to be good",
            "require improvement to be good",
            RI,
            "overall",
        ),
        (
            SUMMARY,
            "Children who need help and protection",
            "Requires improvement",
            RI,
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Requires improvement",
            RI,
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Good", "good", "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Requires improvement",
            RI,
            "care-leavers",
        ),
        (
            SUMMARY,
            "Leadership, management and governance",
            "Requires improvement",
            RI,
            "leadership",
        ),
        (
            LSCB,
            "The Local Safeguarding Children Board requires improvement",
            "requires improvement",
            RI,
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            RECS,
            [
                "Auditing of children’s cases should ensure",  # 1
                "Ensure that all social workers benefit from good management oversight",
                "Performance management systems must enable staff and managers",
                "Ensure children and young people have good quality assessments",
                "Ensure that strategy meetings include staff",  # 5
                "Children and young people on child protection plans must receive",
                "Make sure core groups and child protection conferences are recorded",
                "Ensure that independent reviewing officers (IROs) robustly challenge",
                "Track all children’s cases through legal proceedings",
                "Strengthen transition planning for disabled care leavers",  # 10
                "Ensure that all care leavers have full information",
                "Record return interviews with children who have been missing",
                "Ensure there is equal consideration and evaluation of the risks",
                "Ensure that the pupil premium is used to best effect",
                "Actions taken in relation to concerns about adults",  # 15
            ],
        ),
        *_recs(
            LSCB,
            [
                "The board should ensure it has mechanisms in place",  # 160
                "Partner agencies should provide clear performance data",
                "An agreed programme of audit work",
                "Safeguarding practice should be supported by a protocol",
                "The impact of multi-agency training",
                "Ensure the business plan for 2015–16 is updated",
                "Ensure that there is a clear audit trail",  # 166
            ],
        ),
    ],
}
