"""One inspection's page: its judgements by section, its recommendations, its neighbours
in the authority's history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from vocabulary import HEADLINE_AREAS, Timescale, display_name

from ..models import Inspection, Judgement, Recommendation
from .common import inspection_path, published_inspections


@dataclass
class InspectionLink:
    url: str
    label: str


@dataclass
class InspectionDetail:
    """One inspection's judgements and recommendations, grouped as the page shows them."""

    # Section as printed -> judgements in report order.
    judgement_sections: dict[str, list[Judgement]]
    # Section -> timescale label -> recommendations ("Immediately" before "Within three months").
    recommendation_sections: dict[str, dict[str, list[Recommendation]]]
    judgement_count: int
    recommendation_count: int
    # True where a report uses several kinds ("Area for improvement", "Aspect for focus").
    mixed_kinds: bool
    previous: InspectionLink | None
    following: InspectionLink | None
    # Rows of Ofsted's official statistics about this inspection (the ``official`` app):
    # the table's reading beside the report's, or, with no report, where it is known from.
    official_records: list = field(default_factory=list)

    @property
    def visit_themes(self) -> list[str]:
        """Ofsted's theme for a visit, as its tables give it (once each)."""
        return list(dict.fromkeys(r.theme for r in self.official_records if r.theme))


def inspection_detail(inspection: Inspection) -> InspectionDetail:
    """Group one inspection's rows for its page; three queries whatever its size."""
    judgements = list(inspection.judgements.order_by("order", "id"))
    recommendations = list(inspection.recommendations.order_by("order", "id"))
    for row in (*judgements, *recommendations):
        row.inspection = inspection  # no query per row for printed_grade_description

    # Timelines and comparisons use the first judgement of each headline area: mark it
    # where the report judges the area more than once.
    first_of_area: dict[str, int] = {}
    per_area: dict[str, int] = defaultdict(int)
    for judgement in judgements:
        if judgement.area in HEADLINE_AREAS:
            per_area[judgement.area] += 1
            first_of_area.setdefault(judgement.area, judgement.pk)
    judgement_sections: dict[str, list[Judgement]] = {}
    for judgement in judgements:
        judgement.used_in_timeline = first_of_area.get(judgement.area) == judgement.pk
        judgement.repeated_area = per_area.get(judgement.area, 0) > 1
        judgement_sections.setdefault(judgement.section or "Judgements", []).append(judgement)

    # Sections in the order the report prints them; within each, timescales in order.
    timescale_rank = {value: i for i, value in enumerate(Timescale.values)}
    recommendation_sections: dict[str, dict[str, list[Recommendation]]] = {}
    for recommendation in recommendations:
        recommendation_sections.setdefault(recommendation.section or "Recommendations", {})
    for recommendation in sorted(
        recommendations, key=lambda r: (timescale_rank.get(r.timescale, 99), r.order, r.pk)
    ):
        section = recommendation_sections[recommendation.section or "Recommendations"]
        section.setdefault(recommendation.get_timescale_display(), []).append(recommendation)

    siblings = list(
        published_inspections()
        .filter(authority_id=inspection.authority_id)
        .order_by("start_date", "id")
        .values("id", "start_date", "framework", "inspection_type")
    )
    position = next(i for i, row in enumerate(siblings) if row["id"] == inspection.pk)

    def link(index: int) -> InspectionLink | None:
        if not 0 <= index < len(siblings):
            return None
        row = siblings[index]
        name = display_name(row["framework"], row["inspection_type"])
        url = inspection_path(inspection.authority.slug, row["start_date"], row["framework"])
        return InspectionLink(url, f"{row['start_date'].year} {name}")

    official_records = list(
        inspection.official_records.order_by(
            "-release_published_on", "sheet", "row"
        ).prefetch_related("judgements")
    )
    return InspectionDetail(
        judgement_sections=judgement_sections,
        recommendation_sections=recommendation_sections,
        judgement_count=len(judgements),
        recommendation_count=len(recommendations),
        mixed_kinds=len({r.kind for r in recommendations}) > 1,
        previous=link(position - 1),
        following=link(position + 1),
        official_records=official_records,
    )
