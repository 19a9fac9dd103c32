"""St Helens' 2012 inspection of safeguarding and looked after children services, read by hand.

Sources: the text report and its PDF rendering. The 2012 layout, as Liverpool's 2011. The
"Record of main findings:" lists the safeguarding "Ambition and prioritization" and
"Ambition and prioritisation" (one judgement printed twice, both Good): kept once, as first
printed, with a warning. It leaves safeguarding "Leadership and management" blank; the body
gives no inline grade there but opens "Leadership and management are good. The council has
delivered a very 65. effective workforce strategy": kept with the body's word and a warning.
The looked after children's "Enjoying and achieving" grade ("Grade 3 (Adequate)") lands
mid-section, after paragraph 100, and agrees with the record. In the record, "Safeguarding
outcomes for children and young per / ople" and "How good are outcomes for looked after
children a / and care leavers?" split a word across cells; they are headings, not judgements.

Recommendations are lower-case bullets without full stops; each "Within six months:" list
has lost its bullet.
"""

from datetime import date

SG = "Safeguarding services"
LAC = "Services for looked after children"
AFI = "area-for-improvement"

EXPECTED = {
    "sources": [
        "text/st-helens-2012-safeguarding-and-looked-after-children.txt",
        "pdf/st-helens-2012-safeguarding-and-looked-after-children.pdf",
    ],
    "framework": "slac",
    "inspection_type": "full",
    "authority_name": "St Helens",
    "title": "Inspection of safeguarding and looked after children services",
    "start_date": date(2012, 6, 25),
    "end_date": date(2012, 7, 6),
    "published_on": date(2012, 8, 10),
    "lead_inspector": "Gary Lamb",
    "judgements": [
        (SG, "Overall effectiveness", "Good", "good", "help-and-protection"),
        (SG, "Capacity for improvement", "Good", "good", "capacity-to-improve"),
        (SG, "Children and young people are safe and feel safe", "Good", "good", "staying-safe"),
        (SG, "Quality of provision", "Adequate", "requires-improvement", "quality-of-provision"),
        (
            SG,
            "The contribution of health agencies to keeping children and young people safe",
            "Good",
            "good",
            "health",
        ),
        (SG, "Ambition and prioritization", "Good", "good", "ambition-and-prioritisation"),
        (SG, "Leadership and management", "good", "good", "leadership"),
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
        (LAC, "Being healthy", "Good", "good", "being-healthy"),
        (LAC, "Staying safe", "Good", "good", "staying-safe"),
        (
            LAC,
            "Enjoying and achieving",
            "Adequate",
            "requires-improvement",
            "enjoying-and-achieving",
        ),
        (
            LAC,
            "Making a positive contribution, including user engagement",
            "Adequate",
            "requires-improvement",
            "positive-contribution",
        ),
        (LAC, "Economic well-being", "Good", "good", "economic-wellbeing"),
        (LAC, "Quality of provision", "Good", "good", "quality-of-provision"),
        (LAC, "Ambition and prioritisation", "Good", "good", "ambition-and-prioritisation"),
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
        (SG, "immediately", AFI, "ensure that GPs routinely attend or provide reports"),
        (SG, "immediately", AFI, "ensure that there is sufficient staff to support"),
        (SG, "within-three-months", AFI, "accelerate plans for health practitioners"),
        (SG, "within-three-months", AFI, "ensure that team managers in assessment teams"),
        (SG, "within-three-months", AFI, "strengthen the designated role of GPs"),
        (SG, "within-three-months", AFI, "improve the consistency of the level of reach"),
        (SG, "within-three-months", AFI, "undertake a review of targeted programmes"),
        (SG, "within-six-months", AFI, "strengthen the arrangements for reporting allegations"),
        (LAC, "immediately", AFI, "ensure all children receive their annual health assessment"),
        (LAC, "immediately", AFI, "ensure social workers always see children on their own"),
        (LAC, "within-three-months", AFI, "accelerate plans to complete the looked after"),
        (LAC, "within-three-months", AFI, "improve the quality of parenting assessments"),
        (LAC, "within-three-months", AFI, "improve the quality of personal education plans"),
        (LAC, "within-six-months", AFI, "strengthen the Children in Care Council arrangements"),
    ],
    "warnings": [
        "'Ambition and prioritization' and 'Ambition and prioritisation'",
        "Safeguarding services: Leadership and management: the Record of main findings leaves",
    ],
}
