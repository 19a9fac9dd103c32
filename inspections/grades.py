"""Grade scales, frameworks and comparable areas: the one place that knows them.

Ofsted has graded English children's services on several scales since 2006. The 2006
annual performance assessment (APA) scores 4 as the *best* grade; the 2009-2013 frameworks
print "Grade 1 (Outstanding)" to "Grade 4 (Inadequate)"; from 2013 grades are words.
To compare across years everything is mapped onto one ordinal scale, the modern one
(Outstanding, Good, Requires improvement / Adequate, Inadequate), while the grade as
printed is always kept beside it.

Printed judgement labels differ between frameworks ("Children looked after and achieving
permanence", "The experiences and progress of children in care") but describe the same
thing; :func:`area_for` maps a printed label to a comparable :class:`Area`. A label it does
not recognise maps to :attr:`Area.OTHER` and is kept, never dropped.

This module has no database access and can be imported by the parsers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.db import models


class Framework(models.TextChoices):
    APA = "apa", "Annual performance assessment (2005-2008)"
    SLAC = "slac", "Safeguarding and looked after children (2009-2012)"
    LAC = "lac", "Looked after children services (2012-2013)"
    SIF = "sif", "Single inspection framework (2013-2018)"
    LSCB_REVIEW = "lscb-review", "Review of the Local Safeguarding Children Board (2013-2018)"
    ILACS = "ilacs", "Inspection of local authority children's services, ILACS (2018-2026)"
    ILACS_2026 = "ilacs-2026", "ILACS from April 2026 (no overall effectiveness grade)"


class InspectionType(models.TextChoices):
    FULL = "full", "Full inspection"
    REINSPECTION = "reinspection", "Re-inspection"
    STANDARD = "standard", "Standard inspection"
    SHORT = "short", "Short inspection"


class PublishedSource(models.TextChoices):
    """Where an inspection's publication date came from."""

    REPORT = "report", "the report"
    LISTING = "listing", "Ofsted's listing"


class Grade(models.TextChoices):
    """The one comparable scale, best first."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires-improvement", "Requires improvement / Adequate"
    INADEQUATE = "inadequate", "Inadequate"

    @property
    def rank(self) -> int:
        """1 = Outstanding ... 4 = Inadequate (DfE's convention)."""
        return GRADE_RANKS[self]

    @property
    def short_label(self) -> str:
        return GRADE_SHORT_LABELS[self]


GRADE_RANKS: dict[str, int] = {
    Grade.OUTSTANDING: 1,
    Grade.GOOD: 2,
    Grade.REQUIRES_IMPROVEMENT: 3,
    Grade.INADEQUATE: 4,
}
GRADE_SHORT_LABELS: dict[str, str] = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement",
    Grade.INADEQUATE: "Inadequate",
}


def grade_rank(grade: str | None) -> int | None:
    """Rank of a comparable grade value (1 best .. 4 worst), None when there is no grade."""
    return GRADE_RANKS.get(grade) if grade else None


def grade_from_rank(rank: int) -> Grade:
    return next(g for g, r in GRADE_RANKS.items() if r == rank)


class Area(models.TextChoices):
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


class Timescale(models.TextChoices):
    IMMEDIATELY = "immediately", "Immediately"
    WITHIN_THREE_MONTHS = "within-three-months", "Within three months"
    WITHIN_SIX_MONTHS = "within-six-months", "Within six months"
    NONE_STATED = "none-stated", "None stated"


class RecommendationKind(models.TextChoices):
    RECOMMENDATION = "recommendation", "Recommendation"
    AREA_FOR_IMPROVEMENT = "area-for-improvement", "Area for improvement"
    ASPECT_FOR_FOCUS = "aspect-for-focus", "Aspect for focus"


# --------------------------------------------------------------------------- scales


@dataclass(frozen=True)
class Scale:
    """How a framework prints its grades."""

    name: str
    description: str
    numeric_best_high: bool | None  # True: 4 is best (APA); False: 1 is best; None: words only


APA_SCALE = Scale(
    "APA 1-4",
    "APA scale: 4 = excellent/outstanding (best), 3 = good, 2 = adequate, 1 = inadequate",
    numeric_best_high=True,
)
NUMBERED_SCALE = Scale(
    "Grade 1-4",
    "Grade 1 = outstanding (best), 2 = good, 3 = adequate, 4 = inadequate",
    numeric_best_high=False,
)
WORD_SCALE = Scale(
    "Four words",
    "Outstanding (best), Good, Requires improvement (to be good), Inadequate",
    numeric_best_high=None,
)

FRAMEWORK_SCALES: dict[str, Scale] = {
    Framework.APA: APA_SCALE,
    Framework.SLAC: NUMBERED_SCALE,
    Framework.LAC: NUMBERED_SCALE,
    Framework.SIF: WORD_SCALE,
    Framework.LSCB_REVIEW: WORD_SCALE,
    Framework.ILACS: WORD_SCALE,
    Framework.ILACS_2026: WORD_SCALE,
}


def scale_for(framework: str) -> Scale:
    return FRAMEWORK_SCALES[framework]


# Frameworks whose reports judge the authority's services as a whole ("overall
# effectiveness"); a report of one of these without that judgement is worth a look. The
# 2009-2013 frameworks judge each section's overall effectiveness instead, and ILACS
# reports from April 2026 have no overall judgement.
FRAMEWORKS_WITH_OVERALL_JUDGEMENT = frozenset({Framework.APA, Framework.SIF, Framework.ILACS})


def has_overall_judgement(framework: str) -> bool:
    return framework in FRAMEWORKS_WITH_OVERALL_JUDGEMENT


# The areas every report of a framework judges: a report read without one of them lost a
# row of its table (or prints an unusual one), and says so in a warning. ILACS reports
# judge care leavers apart from children in care from January 2023.
EXPECTED_AREAS: dict[str, tuple[str, ...]] = {
    Framework.APA: (Area.OVERALL, Area.CAPACITY_TO_IMPROVE),
    Framework.SLAC: (Area.HELP_AND_PROTECTION, Area.CHILDREN_IN_CARE),
    Framework.LAC: (Area.CHILDREN_IN_CARE, Area.CAPACITY_TO_IMPROVE),
    Framework.SIF: (
        Area.OVERALL,
        Area.HELP_AND_PROTECTION,
        Area.CHILDREN_IN_CARE,
        Area.ADOPTION,
        Area.CARE_LEAVERS,
        Area.LEADERSHIP,
    ),
    Framework.LSCB_REVIEW: (Area.LSCB,),
    Framework.ILACS: (
        Area.OVERALL,
        Area.LEADERSHIP,
        Area.HELP_AND_PROTECTION,
        Area.CHILDREN_IN_CARE,
    ),
    Framework.ILACS_2026: (
        Area.LEADERSHIP,
        Area.HELP_AND_PROTECTION,
        Area.CHILDREN_IN_CARE,
        Area.CARE_LEAVERS,
    ),
}
CARE_LEAVERS_JUDGED_APART_FROM = date(2023, 1, 1)


def expected_areas(framework: str, start_date: date | None) -> tuple[str, ...]:
    areas = EXPECTED_AREAS.get(framework, ())
    if (
        framework == Framework.ILACS
        and start_date is not None
        and start_date >= CARE_LEAVERS_JUDGED_APART_FROM
    ):
        areas = (*areas, Area.CARE_LEAVERS)
    return areas


# Word forms as printed, in any framework. Longer phrases first so that "requires
# improvement to be good" is not read as "good".
_WORD_GRADES: tuple[tuple[re.Pattern[str], Grade], ...] = tuple(
    (re.compile(pattern), grade)
    for pattern, grade in (
        (r"\brequires? improvement\b(?: to be good)?", Grade.REQUIRES_IMPROVEMENT),
        (r"\binadequate\b", Grade.INADEQUATE),
        (r"\boutstanding\b", Grade.OUTSTANDING),
        (r"\bexcellent\b", Grade.OUTSTANDING),
        (r"\bgood\b", Grade.GOOD),
        (r"\badequate\b", Grade.REQUIRES_IMPROVEMENT),
    )
)

_NUMBER = re.compile(r"(?<![\d.])([1-4])(?![\d.])")

_APA_NUMBERS = {
    "4": Grade.OUTSTANDING,
    "3": Grade.GOOD,
    "2": Grade.REQUIRES_IMPROVEMENT,
    "1": Grade.INADEQUATE,
}
_NUMBERED_NUMBERS = {
    "1": Grade.OUTSTANDING,
    "2": Grade.GOOD,
    "3": Grade.REQUIRES_IMPROVEMENT,
    "4": Grade.INADEQUATE,
}


def _grade_from_words(text: str) -> Grade | None:
    found = {grade for pattern, grade in _WORD_GRADES if pattern.search(text)}
    # "requires improvement to be good" matches both; the longer phrase wins.
    if Grade.REQUIRES_IMPROVEMENT in found and re.search(r"improvement to be good", text):
        found.discard(Grade.GOOD)
    return found.pop() if len(found) == 1 else None


def read_grade(framework: str, printed: str) -> Grade | None:
    """Map a grade as printed to the comparable scale, or None if it cannot be read.

    ``printed`` may be a bare number ("4"), a numbered grade ("Grade 2 (Good)"), or words
    ("Requires improvement to be good", "excellent"). A number is read on the framework's
    own scale (APA: 4 is best). When a number and a word disagree, or nothing is
    recognisable, the answer is None: the caller flags it rather than guessing.
    """
    text = re.sub(r"[*_]+", " ", printed or "").lower()
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    scale = scale_for(framework)
    from_words = _grade_from_words(text)
    numbers = set(_NUMBER.findall(text))
    from_number: Grade | None = None
    if len(numbers) == 1 and scale.numeric_best_high is not None:
        table = _APA_NUMBERS if scale.numeric_best_high else _NUMBERED_NUMBERS
        from_number = table[numbers.pop()]
    elif len(numbers) > 1:
        return None
    if from_words and from_number and from_words != from_number:
        return None
    return from_words or from_number


def describe_printed_grade(framework: str, printed: str) -> str:
    """A sentence for tooltips: the printed grade and the scale it belongs to."""
    return f"{printed} ({scale_for(framework).description})"


# --------------------------------------------------------------------------- areas


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


def area_for(framework: str, section: str, label: str) -> Area:
    """The comparable area of a judgement, from its framework, section and printed label.

    A section-wide "Overall effectiveness" takes the section's area: in the 2009-2012
    inspections the safeguarding section's overall judgement is the help-and-protection
    headline and the looked after children section's is the children-in-care one; a
    looked-after-children-only inspection's overall judgement is about children in care.
    """
    text = normalise_label(label)
    section_text = normalise_label(section)
    if re.fullmatch(r"(?:the )?overall effectiveness(?: of .*)?", text) or text == "overall":
        if framework == Framework.LAC:
            return Area.CHILDREN_IN_CARE
        for pattern, area in _SECTION_OVERALL_AREAS:
            if pattern.search(section_text):
                return area
        return Area.OVERALL
    for pattern, area in _AREA_PATTERNS:
        if pattern.search(text):
            return area
    return Area.OTHER
