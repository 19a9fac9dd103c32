"""The app's vocabulary: kinds of report, grades, comparable areas, recommendation kinds
and the national framework themes recommendations are tagged with.

Every layer imports it (parsers, loader, models, pages, exports) and it imports nothing of
theirs, nor Django: parsers stay pure functions of text. Django apps build their choices
from it (``choices=Framework.choices``). Import from here, not from the modules.
"""

from . import themes
from .areas import HEADLINE_AREAS, Area, area_of_label, normalise_label
from .choices import Choices
from .grades import (
    APA_SCALE,
    GRADE_RANKS,
    GRADE_SHORT_LABELS,
    NUMBERED_SCALE,
    WORD_SCALE,
    Grade,
    Scale,
    grade_from_rank,
    grade_rank,
    read_grade_on,
)
from .kinds import (
    CARE_LEAVERS_JUDGED_APART_FROM,
    FROM_OFFICIAL_STATISTICS,
    GRADED_KINDS,
    KINDS,
    Framework,
    InspectionType,
    PublishedSource,
    ReportKind,
    area_for,
    describe_printed_grade,
    display_name,
    expected_areas,
    has_overall_judgement,
    is_graded,
    kind,
    read_grade,
    scale_for,
)
from .recommendations import RecommendationKind, Timescale
from .themes import Theme

__all__ = [
    "APA_SCALE",
    "CARE_LEAVERS_JUDGED_APART_FROM",
    "FROM_OFFICIAL_STATISTICS",
    "GRADED_KINDS",
    "GRADE_RANKS",
    "GRADE_SHORT_LABELS",
    "HEADLINE_AREAS",
    "KINDS",
    "NUMBERED_SCALE",
    "WORD_SCALE",
    "Area",
    "Choices",
    "Framework",
    "Grade",
    "InspectionType",
    "PublishedSource",
    "RecommendationKind",
    "ReportKind",
    "Scale",
    "Theme",
    "Timescale",
    "area_for",
    "area_of_label",
    "describe_printed_grade",
    "display_name",
    "expected_areas",
    "grade_from_rank",
    "grade_rank",
    "has_overall_judgement",
    "is_graded",
    "kind",
    "normalise_label",
    "read_grade",
    "read_grade_on",
    "scale_for",
    "themes",
]
