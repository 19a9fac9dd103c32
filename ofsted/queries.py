"""What's new (``/new/`` and its feeds) and an authority's listed events: read-side queries
with a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import django_filters
from django.db.models import QuerySet

from authorities.filters import authority_filter, region_filter
from authorities.models import Authority, Region
from inspections.filters import KeptFormClass
from inspections.models import Inspection, Judgement, Recommendation
from inspections.queries.common import _count_of
from inspections.queries.labels import grade_label
from vocabulary import HEADLINE_AREAS, Area, RecommendationKind

from .models import Publication

NEW_LIMIT = 50


class NewFilter(KeptFormClass, django_filters.FilterSet):
    """``?authority=``, ``?region=``, ``?neighbours_of=`` (the authority and its DfE
    statistical neighbours); the same for the page and its feeds."""

    authority = authority_filter(field_name="authority")
    region = region_filter(field_name="authority__region")
    neighbours_of = authority_filter("Statistical neighbours of", method="filter_neighbours")

    class Meta:
        model = Inspection
        fields: list[str] = []

    def filter_neighbours(self, queryset: QuerySet, name: str, value: Authority) -> QuerySet:
        group = [value.pk, *value.neighbour_links.values_list("neighbour_id", flat=True)]
        return queryset.filter(authority_id__in=group)

    def error_text(self) -> str:
        return "\n".join(
            f"{self.form.fields[name].label if name in self.form.fields else name}: {error}"
            for name, errors in self.form.errors.items()
            for error in errors
        )

    def description(self) -> str:
        """What the filters select, in words: "in London", "Knowsley and its neighbours"."""
        if not self.is_bound or not self.form.is_valid():
            return ""
        data = self.form.cleaned_data
        parts = []
        if data.get("authority"):
            parts.append(data["authority"].name)
        if data.get("region"):
            parts.append(f"in {Region(data['region']).label}")
        if data.get("neighbours_of"):
            parts.append(f"{data['neighbours_of'].name} and its statistical neighbours")
        return "; ".join(parts)


class Headline(NamedTuple):
    """What a row and a feed entry say of a headline judgement: not its source text."""

    area: str
    grade: str
    grade_as_printed: str


@dataclass
class NewEntry:
    """A publication on /new/ and in the feeds: an inspection's headline grades, or a
    visit's focus and priority actions."""

    inspection: Inspection
    headline: list[Headline] = field(default_factory=list)

    @property
    def is_visit(self) -> bool:
        return not self.inspection.is_graded

    @property
    def priority_actions(self) -> int:
        return self.inspection.priority_actions

    @property
    def title(self) -> str:
        inspection = self.inspection
        return f"{inspection.authority.name}: {inspection.start_date.year} {inspection.framework_display}"

    def summary(self) -> str:
        """Plain words for a feed reader: grades with their scale's word, or the visit."""
        inspection = self.inspection
        if self.is_visit:
            text = "Focused visit (not graded)."
            if inspection.focus:
                text += f" {inspection.focus}"
            count = self.priority_actions
            if count:
                text += f" {count} area{'s' if count != 1 else ''} for priority action."
            return text
        rows = [
            f"{Area(j.area).label}: {grade_label(j.grade)} (printed “{j.grade_as_printed}”)"
            for j in self.headline
        ]
        return "; ".join(rows) + "." if rows else "No headline judgement was read."


def new_publications(queryset: QuerySet[Inspection] | None = None) -> QuerySet[Inspection]:
    """Published inspections by Ofsted's publication date, newest first."""
    queryset = queryset if queryset is not None else Inspection.objects.all()
    return (
        queryset.filter(is_published=True, published_on__isnull=False)
        .select_related("authority")
        .annotate(
            priority_actions=_count_of(Recommendation, kind=RecommendationKind.PRIORITY_ACTION)
        )
        .order_by("-published_on", "-id")
    )


def entries(queryset: QuerySet[Inspection], limit: int = NEW_LIMIT) -> list[NewEntry]:
    """The first ``limit`` publications with their headline judgements, read in one more
    query as plain tuples: a prefetch made a model instance of each of about 200, a
    tenth of the page's time."""
    inspections = list(queryset[:limit])
    headlines: defaultdict[int, list[Headline]] = defaultdict(list)
    rows = (
        Judgement.objects.filter(
            inspection_id__in=[inspection.pk for inspection in inspections],
            area__in=HEADLINE_AREAS,
        )
        .order_by("order", "id")
        .values_list("inspection_id", "area", "grade", "grade_as_printed")
    )
    for inspection_id, *headline in rows:
        headlines[inspection_id].append(Headline(*headline))
    return [NewEntry(inspection, headlines[inspection.pk]) for inspection in inspections]


def listed_events(authority: Authority) -> list[Publication]:
    """Publications of ``authority`` not read as reports (kinds the app does not read,
    files the pipeline refused): dated, with Ofsted's link, for its timeline."""
    return list(
        Publication.objects.filter(authority=authority, inspection__isnull=True)
        .exclude(status=Publication.Status.FAILED)
        .order_by("published_on", "id")
    )
