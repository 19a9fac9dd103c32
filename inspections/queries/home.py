"""The home page's counts and latest inspections, and the inspection list's annotations."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Count,
    Max,
    Min,
    Q,
    QuerySet,
)

from authorities.models import Authority
from vocabulary import GRADED_KINDS

from .. import shared_results
from ..models import Inspection, Judgement, Recommendation
from .common import (
    _count_of,
    published_inspections,
    published_judgements,
    published_recommendations,
    with_overall_grade,
)


def site_summary(at: shared_results.Version | None = None) -> dict[str, Any]:
    """Counts and date range of what is published (counted once per data version for
    every worker: counting every judgement is the home page's dearest query)."""
    return shared_results.shared("site-summary", (), _count_published, at=at)


def _count_published() -> dict[str, Any]:
    graded = Q(framework__in=GRADED_KINDS)
    inspections = published_inspections().aggregate(
        inspections=Count("id", filter=graded),
        visits=Count("id", filter=~graded),
        authorities=Count("authority", distinct=True),
        first=Min("start_date"),
        last=Max("start_date"),
    )
    return {
        **inspections,
        "judgements": published_judgements().count(),
        "recommendations": published_recommendations().count(),
        "all_authorities": Authority.objects.current().count(),
    }


def inspections_with_counts() -> QuerySet[Inspection]:
    """Published inspections with overall_grade, judgement_count and recommendation_count.

    Counts are subqueries: two COUNT joins would multiply rows on a national export.
    """
    return with_overall_grade(published_inspections()).annotate(
        judgement_count=_count_of(Judgement), recommendation_count=_count_of(Recommendation)
    )


def latest_inspections(limit: int = 8) -> list[Inspection]:
    return list(
        with_overall_grade(published_inspections().filter(framework__in=GRADED_KINDS))
        .select_related("authority")
        .order_by("-start_date", "-id")[:limit]
    )
