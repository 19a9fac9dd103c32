"""Kingston upon Hull's 2015 SIF inspection, read off the corpus report by hand.

The file is two reports bound together: the local authority's inspection (whose title does
not mention the LSCB), then from page 37 a separate "Inspection of the effectiveness of the
local safeguarding" / "children board" with its own dates, publication date ("10 February
2015"; the local authority's report says "3 February 2015", which is the one read) and a
running header on every page ("Inspection of the effectiveness of the local safeguarding
children board: Hull 3"). That heading starts the LSCB part; its headline "The Local
Safeguarding Children Board requires improvement" is the LSCB judgement, and its section is
that heading.

Local authority: "The overall judgement is that children’s services require" /
"improvement"; everything requires improvement. "What does the local authority need to
improve?": "Priority and immediate action" 1-5 and "Areas for improvement" 6-20, each under
thematic sub-headings, item 5 and item 14 running over page breaks; the list ends at "The
local authority’s strengths". LSCB: "What does the LSCB need to improve?" / "Areas for
improvement" holds seven bulleted (unnumbered) items under three sub-headings ("Data and
performance management", "Practice and policy", "Quality of practice"); the running header
after the last one is not part of it.
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "Inspection of the effectiveness of the local safeguarding children board"
IMPROVE = "What does the local authority need to improve?"
NOW = ("immediately", "recommendation")
AREA = ("none-stated", "area-for-improvement")
RI = "requires-improvement"


def _recs(section, timescale_kind, first_words):
    return [(section, *timescale_kind, words) for words in first_words]


EXPECTED = {
    "sources": [
        "corpus/kingston-upon-hull-2015-02-10-single-inspection-of-la-children-s-services-as-pdf"
    ],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Kingston upon Hull",
    "title": (
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers"
    ),
    "start_date": date(2014, 11, 18),
    "end_date": date(2014, 12, 10),
    "published_on": date(2015, 2, 3),
    "lead_inspector": "Gary Lamb",
    "judgements": [
        (
            SUMMARY,
            "The overall judgement is that children’s services require improvement",
            "require improvement",
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
        (SUMMARY, "Adoption performance", "Requires improvement", RI, "adoption"),
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
            IMPROVE,
            NOW,
            [
                "Ensure that joint visits and S47 enquiries",  # 1
                "Ensure that all open and subsequent assessments",
                "Ensure that adoption is considered as a viable option",
                "Ensure that pathway planning for care leavers starts early",
                "Strengthen the management oversight within the access and assessment",  # 5
            ],
        ),
        *_recs(
            IMPROVE,
            AREA,
            [
                "Ensure that all children who go missing from home",  # 6
                "Ensure that chronologies are in place for all children",
                "Ensure that case recording is up-to-date",
                "Ensure that all children who would benefit from life story work",
                "Ensure that all children in need services are delivered",  # 10
                "Review all cases where children have been subject to a child protection",
                "Ensure in all cases where there is a plan to discharge a care order",
                "Improve the quality of personal education plans (PEPs)",
                "Working through, and reporting to the local safeguarding children board",
                "Ensure children who go missing from care are interviewed",  # 15
                "Ensure that data concerning children who go missing",
                "Review and strengthen the collection, reporting and evaluation",
                "Ensure that management oversight is sharply focused",
                "Strengthen the senior management oversight on the ‘reflective’",
                "Hold health commissioners and providers to account",  # 20
            ],
        ),
        *_recs(
            LSCB,
            AREA,
            [
                "Ensure that sufficient comprehensive, accurate and timely performance",
                "Ensure that the LSCB provides sustained and proactive challenge",
                "Ensure that the LSCB annual report provides a rigorous assessment",
                "Ensure that pathways for agencies to escalate concerns",
                "Ensure that arrangements in relation to children missing",
                "Ensure that learning from audit activity and serious case reviews",
                "Ensure that the experiences and views of children and young people",
            ],
        ),
    ],
}
