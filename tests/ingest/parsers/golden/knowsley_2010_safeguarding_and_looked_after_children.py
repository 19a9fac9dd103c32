"""Knowsley's 2010 inspection of safeguarding and looked after children services, read by hand.

Sources: the text report and its PDF rendering. The 2010 layout: body headings with
"Grade: 2 (Good)" on the next line (the "are safe" outcome inside markdown bold, glued to
"Outcomes for children and young people"); a "Record of main findings: Knowsley" whose
"Quality of provision" and "Leadership and management" rows are group headings left blank,
followed by graded sub-rows. The body grades both ("The quality of provision Grade: 2
(Good)", "Leadership and management / Grade: 2 (Good)") in each section, so they are kept with
the body's grade and a warning. "Outcomes for children and young people" / "Outcomes for
looked after children and care leavers" are headings, not judgements. Every other body grade
agrees with the record. Grades as printed: the record's word where the record grades a row,
otherwise the body's inline grade.

Recommendations: "There are no recommendations for immediate action" (both sections) means
none.
"""

from datetime import date

SG = "Safeguarding services"
LAC = "Services for looked after children"
AFI = "area-for-improvement"
# 2009-2012 sub-judgements, each an area of its own (they were "other" before).
RESPONSIVE = "service-responsiveness"
ASSESS = "assessment-and-direct-work"
PLANNING = "case-planning"
VFM = "value-for-money"

EXPECTED = {
    "sources": [
        "text/knowsley-2010-safeguarding-and-looked-after-children.txt",
        "pdf/knowsley-2010-safeguarding-and-looked-after-children.pdf",
    ],
    "framework": "slac",
    "inspection_type": "full",
    "authority_name": "Knowsley",
    "title": "Inspection of safeguarding and looked after children services",
    "start_date": date(2010, 2, 1),
    "end_date": date(2010, 2, 12),
    "published_on": date(2010, 3, 12),
    "lead_inspector": "Martin Ayres",
    "judgements": [
        (SG, "Overall effectiveness", "Good", "good", "help-and-protection"),
        (SG, "Capacity for improvement", "Outstanding", "outstanding", "capacity-to-improve"),
        (
            SG,
            "Children and young people are safe: effectiveness of services in taking reasonable "
            "steps to ensure that children and young people are safe",
            "Good",
            "good",
            "staying-safe",
        ),
        (
            SG,
            "Children and young people feel safe: effectiveness of services in helping to "
            "ensure that children and young people feel safe",
            "Good",
            "good",
            "staying-safe",
        ),
        (SG, "Quality of provision", "Grade: 2 (Good)", "good", "quality-of-provision"),
        (
            SG,
            "Service responsiveness including complaints",
            "Adequate",
            "requires-improvement",
            RESPONSIVE,
        ),
        (SG, "Assessment and direct work with children and families", "Good", "good", ASSESS),
        (SG, "Case planning, review and recording", "Good", "good", PLANNING),
        (SG, "Leadership and management", "Grade: 2 (Good)", "good", "leadership"),
        (
            SG,
            "Ambition and prioritisation",
            "Outstanding",
            "outstanding",
            "ambition-and-prioritisation",
        ),
        (
            SG,
            "Evaluation, including performance management, quality assurance and workforce "
            "development",
            "Good",
            "good",
            "performance-management",
        ),
        (SG, "User engagement", "Adequate", "requires-improvement", "user-engagement"),
        (SG, "Partnerships", "Outstanding", "outstanding", "partnership-working"),
        (SG, "Equality and diversity", "Good", "good", "equality-and-diversity"),
        (SG, "Value for money", "Outstanding", "outstanding", VFM),
        (LAC, "Overall effectiveness", "Good", "good", "children-in-care"),
        (LAC, "Capacity for improvement", "Outstanding", "outstanding", "capacity-to-improve"),
        (LAC, "Being healthy", "Outstanding", "outstanding", "being-healthy"),
        (LAC, "Staying safe", "Outstanding", "outstanding", "staying-safe"),
        (LAC, "Enjoying and achieving", "Outstanding", "outstanding", "enjoying-and-achieving"),
        (LAC, "Making a positive contribution", "Good", "good", "positive-contribution"),
        (LAC, "Economic well-being", "Good", "good", "economic-wellbeing"),
        (LAC, "Quality of provision", "Grade: 2 (Good)", "good", "quality-of-provision"),
        (LAC, "Service responsiveness", "Adequate", "requires-improvement", RESPONSIVE),
        (LAC, "Assessment and direct work with children", "Good", "good", ASSESS),
        (LAC, "Case planning, review and recording", "Good", "good", PLANNING),
        (LAC, "Leadership and management", "Grade: 2 (Good)", "good", "leadership"),
        (
            LAC,
            "Ambition and prioritisation",
            "Outstanding",
            "outstanding",
            "ambition-and-prioritisation",
        ),
        (
            LAC,
            "Evaluation, including performance management, quality assurance and workforce "
            "development",
            "Good",
            "good",
            "performance-management",
        ),
        (LAC, "User engagement", "Good", "good", "user-engagement"),
        (LAC, "Partnerships", "outstanding", "outstanding", "partnership-working"),
        (LAC, "Equality and diversity", "Good", "good", "equality-and-diversity"),
        (LAC, "Value for money", "outstanding", "outstanding", VFM),
    ],
    "recommendations": [
        (SG, "within-three-months", AFI, "Ensure managers and staff are suitably trained"),
        (SG, "within-three-months", AFI, "Improve the level and recording of case analysis"),
        (SG, "within-six-months", AFI, "Review and evaluate the range of work"),
        (SG, "within-six-months", AFI, "NHS Knowsley should ensure that all GP practices"),
        (LAC, "within-three-months", AFI, "Strengthen processes for recording personal education"),
        (LAC, "within-six-months", AFI, "Ensure that the views of looked after children"),
        (LAC, "within-six-months", AFI, "Include in training programmes the role"),
    ],
    "warnings": [
        "Safeguarding services: Quality of provision: the Record of main findings leaves",
        "Safeguarding services: Leadership and management: the Record of main findings leaves",
        "Services for looked after children: Quality of provision: the Record of main findings",
        "Services for looked after children: Leadership and management: the Record of main",
    ],
}
