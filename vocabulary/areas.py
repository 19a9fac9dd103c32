"""Comparable areas: what a printed judgement label is about, across frameworks.

Printed judgement labels differ between frameworks ("Children looked after and achieving
permanence", "The experiences and progress of children in care") but describe the same
thing; :func:`area_for` maps a printed label to a comparable :class:`Area`. A label it does
not recognise maps to :attr:`Area.OTHER` and is kept, never dropped.
"""

from __future__ import annotations

import re

from .choices import Choices


class Area(Choices):
    """Comparable areas. Values are URL slugs (``/compare/?area=children-in-care``)."""

    OVERALL = "overall", "Overall effectiveness"
    HELP_AND_PROTECTION = "help-and-protection", "Help and protection / safeguarding"
    CHILDREN_IN_CARE = "children-in-care", "Children in care / looked after"
    CARE_LEAVERS = "care-leavers", "Care leavers"
    ADOPTION = "adoption", "Adoption"
    LEADERSHIP = "leadership", "Leadership and management"
    CAPACITY_TO_IMPROVE = "capacity-to-improve", "Capacity to improve"
    LSCB = "lscb", "Local Safeguarding Children Board"
    SOCIAL_CARE = "social-care", "Social care services (APA)"
    BEING_HEALTHY = "being-healthy", "Outcome: being healthy"
    STAYING_SAFE = "staying-safe", "Outcome: staying safe"
    ENJOYING_AND_ACHIEVING = "enjoying-and-achieving", "Outcome: enjoying and achieving"
    POSITIVE_CONTRIBUTION = "positive-contribution", "Outcome: making a positive contribution"
    ECONOMIC_WELLBEING = "economic-wellbeing", "Outcome: achieving economic well-being"
    OUTCOMES = "outcomes", "Outcomes for children and young people (overall)"
    QUALITY_OF_PROVISION = "quality-of-provision", "Quality of provision"
    HEALTH = "health", "Contribution of health agencies"
    AMBITION = "ambition-and-prioritisation", "Ambition and prioritisation"
    PERFORMANCE_MANAGEMENT = (
        "performance-management",
        "Performance management and quality assurance",
    )
    USER_ENGAGEMENT = "user-engagement", "User engagement"
    PARTNERSHIP_WORKING = "partnership-working", "Partnership working"
    EQUALITY_AND_DIVERSITY = "equality-and-diversity", "Equality and diversity"
    # 2009-2012 quality-of-provision sub-judgements.
    SERVICE_RESPONSIVENESS = "service-responsiveness", "Service responsiveness"
    ASSESSMENT = "assessment-and-direct-work", "Assessment and direct work with children"
    CASE_PLANNING = "case-planning", "Case planning, review and recording"
    VALUE_FOR_MONEY = "value-for-money", "Value for money"
    OTHER = "other", "Other (label not recognised)"


# Areas shown as lines on a timeline and offered first in comparisons: the headline ones.
HEADLINE_AREAS: tuple[Area, ...] = (
    Area.OVERALL,
    Area.HELP_AND_PROTECTION,
    Area.CHILDREN_IN_CARE,
    Area.CARE_LEAVERS,
    Area.ADOPTION,
    Area.LEADERSHIP,
    Area.CAPACITY_TO_IMPROVE,
    Area.LSCB,
)


def normalise_label(label: str) -> str:
    """Lower-case a printed label and drop numbering, markup and stray spacing."""
    text = re.sub(r"<[^>]+>", " ", label or "")
    text = text.replace("’", "'").replace("‘", "'").replace("*", " ")
    text = re.sub(r"\s+", " ", text).strip().lower()
    # Leading numbering: "1.", "2.1", "a.", "(b)".
    text = re.sub(r"^(?:\(?[0-9]+(?:\.[0-9]+)*\.?\)?|\(?[a-h][.)])\s+", "", text)
    return text.strip(" .:?")


# Order matters: the first pattern that matches wins.
_AREA_PATTERNS: tuple[tuple[re.Pattern[str], Area], ...] = tuple(
    (re.compile(pattern), area)
    for pattern, area in (
        (r"local safeguarding children board|\blscb\b", Area.LSCB),
        # A board named after its area: "The Surrey Safeguarding Children Board is good".
        (r"safeguarding children'?s? board", Area.LSCB),
        # A judgement on outcomes as a whole, before the group it is about claims it.
        (r"^(?:how good are |safeguarding )?outcomes for\b", Area.OUTCOMES),
        (r"children in care and care leavers", Area.CHILDREN_IN_CARE),
        (r"care leavers", Area.CARE_LEAVERS),
        (r"adoption", Area.ADOPTION),
        (r"help and protection", Area.HELP_AND_PROTECTION),
        (r"children looked after|looked after children|children in care", Area.CHILDREN_IN_CARE),
        (r"impact of leaders|leadership|management and governance", Area.LEADERSHIP),
        (r"capacity (?:for|to) improve", Area.CAPACITY_TO_IMPROVE),
        (r"social care services", Area.SOCIAL_CARE),
        (r"children'?s services\b.*\b(?:are|is|require|requires)\b", Area.OVERALL),
        (r"contribution of the local authority'?s children'?s services", Area.OVERALL),
        (r"overall effectiveness", Area.OVERALL),
        # SIF 2013-2014 headline: "The overall judgement is inadequate".
        (r"\bthe overall judge?ment\b", Area.OVERALL),
        (r"being healthy", Area.BEING_HEALTHY),
        (r"staying safe|\bare safe\b|\bfeel safe\b", Area.STAYING_SAFE),
        (r"enjoying and achieving", Area.ENJOYING_AND_ACHIEVING),
        (r"positive contribution", Area.POSITIVE_CONTRIBUTION),
        (r"economic well-?being", Area.ECONOMIC_WELLBEING),
        (r"quality of provision", Area.QUALITY_OF_PROVISION),
        (r"health agencies|health services", Area.HEALTH),
        (r"ambition and prioriti[sz]ation", Area.AMBITION),
        (r"performance management|evaluation", Area.PERFORMANCE_MANAGEMENT),
        (r"user engagement", Area.USER_ENGAGEMENT),
        (r"partnership working", Area.PARTNERSHIP_WORKING),
        # SLAC 2010 Record of main findings: "Partnerships\tOutstanding".
        (r"^partnerships$", Area.PARTNERSHIP_WORKING),
        (r"equality and diversity", Area.EQUALITY_AND_DIVERSITY),
        (r"service responsiveness", Area.SERVICE_RESPONSIVENESS),
        (r"assessment and direct work", Area.ASSESSMENT),
        (r"case planning", Area.CASE_PLANNING),
        (r"value for money", Area.VALUE_FOR_MONEY),
    )
)

_SECTION_OVERALL_AREAS: tuple[tuple[re.Pattern[str], Area], ...] = (
    (re.compile(r"safeguard"), Area.HELP_AND_PROTECTION),
    (re.compile(r"looked after|children in care"), Area.CHILDREN_IN_CARE),
)


def area_of_label(section: str, label: str, overall_area: Area = Area.OVERALL) -> Area:
    """The comparable area of a printed judgement label in its section.

    A section-wide "Overall effectiveness" takes the section's area: in the 2009-2012
    inspections the safeguarding section's overall judgement is the help-and-protection
    headline and the looked after children section's is the children-in-care one. Outside
    such a section it is ``overall_area``: the kind of report says what its overall
    judgement is about (see :func:`vocabulary.kinds.area_for`).
    """
    text = normalise_label(label)
    section_text = normalise_label(section)
    if re.fullmatch(r"(?:the )?overall effectiveness(?: of .*)?", text) or text == "overall":
        if overall_area != Area.OVERALL:
            return overall_area
        for pattern, area in _SECTION_OVERALL_AREAS:
            if pattern.search(section_text):
                return area
        return Area.OVERALL
    for pattern, area in _AREA_PATTERNS:
        if pattern.search(text):
            return area
    return Area.OTHER
