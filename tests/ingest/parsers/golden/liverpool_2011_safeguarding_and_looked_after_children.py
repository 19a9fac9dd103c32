"""Liverpool's 2011 inspection of safeguarding and looked after children services, read by hand.

Sources: the text report and its PDF rendering. The 2011 layout: "Grade 2 (good)" after the
heading on its line or the next; "The contribution of health agencies to keeping children and
/ young people safeGrade 1 (outstanding)" wraps and glues the grade to the last word. Several
headings carry no inline grade (both overall effectiveness judgements, safeguarding capacity
for improvement, quality of provision, enjoying and achieving, looked after children's
leadership and management): the record grades them all. Every inline grade agrees with the
record, so there are no disagreement warnings. In the PDF the record's labels wrap
("Leadership and / management", "Services for looked after / children").
"Safeguarding outcomes for children and young people" and "How good are outcomes for looked
after children and care leavers?" are headings, not judgements.

Recommendations: neither section has an "Immediately:" list. The looked after children's
"Within six months:" list lost its bullet and runs two recommendations together on one line
("... challenge the work quality and plans. Undertake a review of all cases ...").
"""

from datetime import date

SG = "Safeguarding services"
LAC = "Services for looked after children"
AFI = "area-for-improvement"

EXPECTED = {
    "sources": [
        "text/liverpool-2011-safeguarding-and-looked-after-children.txt",
        "pdf/liverpool-2011-safeguarding-and-looked-after-children.pdf",
    ],
    "framework": "slac",
    "inspection_type": "full",
    "authority_name": "Liverpool",
    "title": "Inspection of safeguarding and looked after children services",
    "start_date": date(2011, 2, 21),
    "end_date": date(2011, 3, 4),
    "published_on": date(2011, 4, 8),
    "lead_inspector": "Martin Ayres",
    "judgements": [
        (SG, "Overall effectiveness", "Good", "good", "help-and-protection"),
        (SG, "Capacity for improvement", "Good", "good", "capacity-to-improve"),
        (SG, "Children and young people are safe and feel safe", "Good", "good", "staying-safe"),
        (SG, "Quality of provision", "Good", "good", "quality-of-provision"),
        (
            SG,
            "The contribution of health agencies to keeping children and young people safe",
            "Outstanding",
            "outstanding",
            "health",
        ),
        (
            SG,
            "Ambition and prioritisation",
            "Outstanding",
            "outstanding",
            "ambition-and-prioritisation",
        ),
        (SG, "Leadership and management", "Good", "good", "leadership"),
        (
            SG,
            "Performance management and quality assurance",
            "Good",
            "good",
            "performance-management",
        ),
        (SG, "Partnership working", "Good", "good", "partnership-working"),
        (SG, "Equality and diversity", "Good", "good", "equality-and-diversity"),
        (LAC, "Overall effectiveness", "Good", "good", "children-in-care"),
        (LAC, "Capacity for improvement", "Good", "good", "capacity-to-improve"),
        (LAC, "Being healthy", "Outstanding", "outstanding", "being-healthy"),
        (LAC, "Staying safe", "Good", "good", "staying-safe"),
        (LAC, "Enjoying and achieving", "Good", "good", "enjoying-and-achieving"),
        (
            LAC,
            "Making a positive contribution, including user engagement",
            "Outstanding",
            "outstanding",
            "positive-contribution",
        ),
        (LAC, "Economic well-being", "Good", "good", "economic-wellbeing"),
        (LAC, "Quality of provision", "Good", "good", "quality-of-provision"),
        (
            LAC,
            "Ambition and prioritisation",
            "Outstanding",
            "outstanding",
            "ambition-and-prioritisation",
        ),
        (LAC, "Leadership and management", "Good", "good", "leadership"),
        (
            LAC,
            "Performance management and quality assurance",
            "Good",
            "good",
            "performance-management",
        ),
        (LAC, "Equality and diversity", "Good", "good", "equality-and-diversity"),
    ],
    "recommendations": [
        (SG, "within-three-months", AFI, "Ensure that team managers quality assure"),
        (SG, "within-three-months", AFI, "Conduct regular multi-disciplinary audits of cases"),
        (SG, "within-three-months", AFI, "Review the workloads of child protection conference"),
        (SG, "within-six-months", AFI, "Develop tools and work methods for engaging"),
        (SG, "within-six-months", AFI, "Ensure that information about family heritage"),
        (LAC, "within-three-months", AFI, "Ensure case records are up to date"),
        (LAC, "within-three-months", AFI, "Ensure managers in the looked after children service"),
        (LAC, "within-three-months", AFI, "Ensure supervision records are up to date"),
        (LAC, "within-six-months", AFI, "Review the case loads of independent reviewing officers"),
        (LAC, "within-six-months", AFI, "Undertake a review of all cases of children"),
    ],
}
