"""Sunderland's 2015 SIF inspection with the review of its LSCB, read off the corpus report
by hand.

The local authority's "Recommendations" open with an introduction that is not a
recommendation ("The following recommendations are those that inspectors considered to be
the priorities for Sunderland. They do not address all of the detailed failings ..."),
then 27 numbered items over two page breaks. Each ends with a paragraph reference, several
without a full stop after it ("... (Paras 111, 117, 18, 120)"), and the list ends at
"Summary for children and young people" all the same (before, the children's summary and
later the LSCB's findings ran on into the list: 58 recommendations). The LSCB part ("The
Local Safeguarding Children Board (LSCB)", opening "The Local Safeguarding Children Board is
inadequate") has seven recommendations, 142-148, the last one cut short in print ("... to
ensure a sufficient focus"), ending at "Inspection findings – the Local Safeguarding
Children Board".
"""

from datetime import date

SUMMARY = "Summary of judgements"
LSCB = "The Local Safeguarding Children Board (LSCB)"
RECS = "Recommendations"
REC = ("none-stated", "recommendation")


def _recs(section, first_words):
    return [(section, *REC, words) for words in first_words]


EXPECTED = {
    "sources": ["corpus/sunderland-2015-07-20-children-s-services-inspection"],
    "framework": "sif",
    "inspection_type": "full",
    "authority_name": "Sunderland City Council",
    "start_date": date(2015, 5, 11),
    "end_date": date(2015, 6, 4),
    "published_on": date(2015, 7, 20),
    "lead_inspector": "Fiona J Millns",
    "judgements": [
        (
            SUMMARY,
            "Children’s services in Sunderland are inadequate",
            "inadequate",
            "inadequate",
            "overall",
        ),
        (
            SUMMARY,
            "Children who need help and protection",
            "Inadequate",
            "inadequate",
            "help-and-protection",
        ),
        (
            SUMMARY,
            "Children looked after and achieving permanence",
            "Inadequate",
            "inadequate",
            "children-in-care",
        ),
        (SUMMARY, "Adoption performance", "Inadequate", "inadequate", "adoption"),
        (
            SUMMARY,
            "Experiences and progress of care leavers",
            "Inadequate",
            "inadequate",
            "care-leavers",
        ),
        (
            SUMMARY,
            "Leadership, management and governance",
            "Inadequate",
            "inadequate",
            "leadership",
        ),
        (
            LSCB,
            "The Local Safeguarding Children Board is inadequate",
            "inadequate",
            "inadequate",
            "lscb",
        ),
    ],
    "recommendations": [
        *_recs(
            RECS,
            [
                "Take urgent action to review the cases of all children",  # 1
                "Review as a matter of urgency all cases where children are looked after",
                "Increase the capacity, quality and focus of the MASH",
                "Review the cases of all children being worked with under the public law",
                "Ensure robust management oversight of frontline practice",  # 5
                "Ensure children are seen promptly and regularly",
                "Take urgent action to recruit qualified and experienced staff",
                "Ensure manageable caseloads for social workers",
                "Work with partners to ensure that there is a single, clear",
                "Ensure that strategic planning is focused",  # 10
                "Develop performance management and quality assurance processes",
                "Strengthen the function of scrutiny committee",
                "Ensure that the local authority meets its role",
                "Ensure there is sufficient breadth and quality of placements",
                "Provide an out of hours service",  # 15
                "Establish clear practice standards, policies and procedures",
                "Strengthen the arrangements for disabled children’s transition",
                "Engage with partner agencies to agree the aims",
                "Build on the recent review of services for children",
                "Revise the arrangements for supervised contact",  # 20
                "Strengthen the Virtual School",
                "Improve the quality, consistency and monitoring of all personal education",
                "Establish an effective recruitment strategy for adopters",
                "Reduce the likelihood of adoption breakdown",
                "Improve ways to keep in touch with care leavers",  # 25
                "Improve pathway plans",
                "Improve arrangements to provide and monitor education",  # 27
            ],
        ),
        *_recs(
            LSCB,
            [
                "Ensure full board approval of agreed priorities",  # 142
                "Ensure that the board is able to effectively monitor",
                "Accelerate implementation of an early help strategy",
                "Review multi-agency training",
                "Agree with partner local authorities on Child Death Overview Panel",
                "Ensure that multi-agency arrangements for the oversight of children",
                "Review the resources available to undertake the governance",  # 148
            ],
        ),
    ],
}
