"""Surrey's 2015 review of its Local Safeguarding Children Board, read off Ofsted's PDF by hand.

Page 1: "Surrey Safeguarding Children Board" above the title "Review of the effectiveness of
the Local Safeguarding Children" / "Board", "Inspection date: 15 June 2015 – 17 June 2015",
"Report published: 3 August 2015", then the one judgement "The Local Safeguarding Children
Board requires improvement" (the next sentence, on the board's evaluation arrangements,
restates it and is not a second judgement). The authority is the place the board is named
after, "Surrey". "Lead inspector: Dominic Stevens, HMI" is on page 14.

"Recommendations" (page 6): eight bulleted items, none with a timescale.
"""

from datetime import date

REC = ("Recommendations", "none-stated", "recommendation")

EXPECTED = {
    "sources": ["pdf-original/surrey-2015-lscb-review.pdf"],
    "framework": "lscb-review",
    "inspection_type": "full",
    "authority_name": "Surrey",
    "title": "Review of the effectiveness of the Local Safeguarding Children Board",
    "start_date": date(2015, 6, 15),
    "end_date": date(2015, 6, 17),
    "published_on": date(2015, 8, 3),
    "lead_inspector": "Dominic Stevens",
    "judgements": [
        (
            "Summary of judgements",
            "The Local Safeguarding Children Board requires improvement",
            "requires improvement",
            "requires-improvement",
            "lscb",
        ),
    ],
    "recommendations": [
        (*REC, "Update the ‘Early help: multi-agency levels of need’ document"),
        (*REC, "Strengthen the leadership and scrutiny role of the LSCB"),
        (*REC, "Improve the existing multi-agency data-set"),
        (*REC, "Strengthen the relationship of the LSCB with the Health"),
        (*REC, "Strengthen the governance arrangements between the chief executive"),
        (*REC, "Improve the quality and consistency of multi-agency audits"),
        (*REC, "Continue the process of developing a 2015–18 business plan"),
        (*REC, "Put in place a process for assessing the impact of training"),
    ],
}
