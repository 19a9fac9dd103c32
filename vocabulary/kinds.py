"""The table of report kinds: every fact about a kind of report that more than one layer needs.

A new kind of report is one row in :data:`KINDS` (and a parser module that reads it): its
value (stored, and in URLs), label, short name for timelines, printed grade scale (None:
ungraded, like a focused visit letter), whether it judges overall effectiveness, the areas
every report of the kind judges, and what its "Overall effectiveness" is about.
:class:`Framework`, the choices models and filters offer, is built from the table, in its
order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from .areas import Area, area_of_label
from .choices import Choices
from .grades import APA_SCALE, NUMBERED_SCALE, WORD_SCALE, Grade, Scale, read_grade_on


@dataclass(frozen=True)
class ReportKind:
    name: str  # the Framework member's name
    value: str
    label: str
    short_name: str  # "SIF", "ILACS": timelines, chart labels, page titles
    scale: Scale | None  # how its grades are printed; None: the kind is not graded
    has_overall_judgement: bool
    expected_areas: tuple[Area, ...] = ()  # every report of the kind judges these
    overall_area: Area = Area.OVERALL  # what a bare "Overall effectiveness" is about
    suffix: str = ""  # said after the short name and inspection type

    @property
    def graded(self) -> bool:
        return self.scale is not None


KINDS: tuple[ReportKind, ...] = (
    ReportKind(
        "APA",
        "apa",
        "Annual performance assessment (2005-2008)",
        "APA",
        APA_SCALE,
        has_overall_judgement=True,
        expected_areas=(Area.OVERALL, Area.CAPACITY_TO_IMPROVE),
    ),
    ReportKind(
        "SLAC",
        "slac",
        "Safeguarding and looked after children (2009-2012)",
        "Safeguarding and looked after children",
        NUMBERED_SCALE,
        # Each section judges its own overall effectiveness (see area_of_label).
        has_overall_judgement=False,
        expected_areas=(Area.HELP_AND_PROTECTION, Area.CHILDREN_IN_CARE),
    ),
    ReportKind(
        "LAC",
        "lac",
        "Looked after children services (2012-2013)",
        "Looked after children",
        NUMBERED_SCALE,
        has_overall_judgement=False,
        expected_areas=(Area.CHILDREN_IN_CARE, Area.CAPACITY_TO_IMPROVE),
        overall_area=Area.CHILDREN_IN_CARE,
    ),
    # Known from Ofsted's official statistics only (no report of the kind is read here): the
    # 2012-2013 inspections of child protection services, graded 1 to 4 like the SLAC.
    ReportKind(
        "CHILD_PROTECTION",
        "child-protection",
        "Child protection inspection (2012-2013)",
        "Child protection",
        NUMBERED_SCALE,
        has_overall_judgement=False,
        expected_areas=(Area.HELP_AND_PROTECTION,),
        overall_area=Area.HELP_AND_PROTECTION,
    ),
    ReportKind(
        "SIF",
        "sif",
        "Single inspection framework (2013-2018)",
        "SIF",
        WORD_SCALE,
        has_overall_judgement=True,
        expected_areas=(
            Area.OVERALL,
            Area.HELP_AND_PROTECTION,
            Area.CHILDREN_IN_CARE,
            Area.ADOPTION,
            Area.CARE_LEAVERS,
            Area.LEADERSHIP,
        ),
    ),
    ReportKind(
        "LSCB_REVIEW",
        "lscb-review",
        "Review of the Local Safeguarding Children Board (2013-2018)",
        "LSCB review",
        WORD_SCALE,
        has_overall_judgement=False,
        expected_areas=(Area.LSCB,),
    ),
    ReportKind(
        "ILACS",
        "ilacs",
        "Inspection of local authority children's services, ILACS (2018-2026)",
        "ILACS",
        WORD_SCALE,
        has_overall_judgement=True,
        # From January 2023 care leavers too: see expected_areas().
        expected_areas=(
            Area.OVERALL,
            Area.LEADERSHIP,
            Area.HELP_AND_PROTECTION,
            Area.CHILDREN_IN_CARE,
        ),
    ),
    ReportKind(
        "ILACS_2026",
        "ilacs-2026",
        "ILACS from April 2026 (no overall effectiveness grade)",
        # "2026 ILACS standard (no overall grade)", not "2026 ILACS (2026) standard".
        "ILACS",
        WORD_SCALE,
        has_overall_judgement=False,
        expected_areas=(
            Area.LEADERSHIP,
            Area.HELP_AND_PROTECTION,
            Area.CHILDREN_IN_CARE,
            Area.CARE_LEAVERS,
        ),
        suffix="(no overall grade)",
    ),
    ReportKind(
        "FOCUSED_VISIT",
        "focused-visit",
        "Focused visit (2018 on; a letter, not graded)",
        "Focused visit",
        None,
        has_overall_judgement=False,
    ),
    # Known from Ofsted's official statistics only: the letters are not read here.
    ReportKind(
        "MONITORING_VISIT",
        "monitoring-visit",
        "Monitoring visit (to an authority judged inadequate; a letter, not graded)",
        "Monitoring visit",
        None,
        has_overall_judgement=False,
    ),
)

Framework = Choices("Framework", [(kind.name, (kind.value, kind.label)) for kind in KINDS])
Framework.__doc__ = "A kind of report (historically, the inspection framework it follows)."
Framework.__module__ = __name__

_BY_VALUE: dict[str, ReportKind] = {kind.value: kind for kind in KINDS}
# The kinds that grade: inspections, as against visits.
GRADED_KINDS: tuple[str, ...] = tuple(kind.value for kind in KINDS if kind.graded)


def kind(framework: str) -> ReportKind:
    return _BY_VALUE[framework]


class InspectionType(Choices):
    FULL = "full", "Full inspection"
    REINSPECTION = "reinspection", "Re-inspection"
    STANDARD = "standard", "Standard inspection"
    SHORT = "short", "Short inspection"
    VISIT = "visit", "Visit"


class PublishedSource(Choices):
    """Where an inspection's publication date came from."""

    REPORT = "report", "the report"
    LISTING = "listing", "Ofsted's listing"
    OFFICIAL_STATISTICS = "official-statistics", "Ofsted's official statistics"


# The parser version of an inspection or visit known only from Ofsted's official statistics
# (no report read here): see the ``official`` app.
FROM_OFFICIAL_STATISTICS = "official-statistics"


def is_graded(framework: str) -> bool:
    return kind(framework).graded


@cache  # a few dozen combinations, asked for on every row of a national export
def display_name(framework: str, inspection_type: str) -> str:
    """Short name with the inspection type: "SIF re-inspection", "ILACS short", "APA"."""
    report_kind = kind(framework)
    name = report_kind.short_name
    if inspection_type == InspectionType.REINSPECTION:
        name = f"{name} re-inspection"
    elif inspection_type in (InspectionType.STANDARD, InspectionType.SHORT):
        name = f"{name} {InspectionType(inspection_type).label.split()[0].lower()}"
    if report_kind.suffix:
        name = f"{name} {report_kind.suffix}"
    return name


def scale_for(framework: str) -> Scale:
    """The printed scale of a graded kind; KeyError for an ungraded one (it has no grades)."""
    scale = kind(framework).scale
    if scale is None:
        raise KeyError(f"{framework} reports are not graded")
    return scale


def has_overall_judgement(framework: str) -> bool:
    return kind(framework).has_overall_judgement


CARE_LEAVERS_JUDGED_APART_FROM = date(2023, 1, 1)


def expected_areas(framework: str, start_date: date | None) -> tuple[str, ...]:
    """The areas every report of this kind judges: a report read without one of them lost a
    row of its table (or prints an unusual one), and says so in a warning. ILACS reports
    judge care leavers apart from children in care from January 2023."""
    areas: tuple[str, ...] = kind(framework).expected_areas
    if (
        framework == Framework.ILACS
        and start_date is not None
        and start_date >= CARE_LEAVERS_JUDGED_APART_FROM
    ):
        areas = (*areas, Area.CARE_LEAVERS)
    return areas


def read_grade(framework: str, printed: str) -> Grade | None:
    """A grade as printed in a report of this kind, on the comparable scale; None when it
    cannot be read (the caller flags it, never guesses). See :func:`grades.read_grade_on`."""
    return read_grade_on(scale_for(framework), printed)


def describe_printed_grade(framework: str, printed: str) -> str:
    """A sentence for tooltips: the printed grade and the scale it belongs to."""
    return f"{printed} ({scale_for(framework).description})"


def area_for(framework: str, section: str, label: str) -> Area:
    """The comparable area of a judgement, from its kind of report, section and printed label."""
    return area_of_label(section, label, kind(framework).overall_area)
