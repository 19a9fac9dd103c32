"""What every page of the read side shares: published querysets, stable inspection
addresses (built without a reverse() per row), the areas lists and the cell fields."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from vocabulary import Area

from ..models import Inspection, Judgement, Recommendation

# The headline areas shown as columns of the authority list and in the home page chart.
LIST_AREAS: tuple[Area, ...] = (
    Area.OVERALL,
    Area.HELP_AND_PROTECTION,
    Area.CHILDREN_IN_CARE,
    Area.CARE_LEAVERS,
    Area.LEADERSHIP,
)


# Comparison areas pre-selected when a comparison names none.
DEFAULT_COMPARE_AREAS: tuple[Area, ...] = (Area.OVERALL,)


# Judgement fields a cell needs, read with values() so that no model instance is built.
CELL_FIELDS: tuple[str, ...] = (
    "id",
    "area",
    "grade",
    "grade_as_printed",
    "label",
    "section",
    "inspection_id",
    "inspection__framework",
    "inspection__inspection_type",
    "inspection__start_date",
    "inspection__authority__slug",
)


def published_inspections() -> QuerySet[Inspection]:
    return Inspection.objects.published()


def published_judgements() -> QuerySet[Judgement]:
    return Judgement.objects.filter(inspection__is_published=True)


def published_recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(inspection__is_published=True)


_URL_SENTINEL = "987654321"


@cache
def _url_template(name: str) -> str:
    # reverse() costs ~15 µs; a list of 150 authorities x 5 grades would pay it 900 times.
    return reverse(name, args=[_URL_SENTINEL]).replace(_URL_SENTINEL, "{}")


# Framework values are slugs ("ilacs-2026"); the date is ISO 8601.
INSPECTION_KEY_PATTERN = r"(?P<start>\d{4}-\d{2}-\d{2})-(?P<framework>[a-z0-9]+(?:-[a-z0-9]+)*)"


class InspectionKey(NamedTuple):
    """An inspection's part of its public URL: its start date and framework, "2024-11-18-ilacs".

    With the authority's slug it names one inspection the same way on every install (no
    database id), so the URL survives a re-load of the data.
    """

    start_date: date
    framework: str

    def __str__(self) -> str:
        return f"{self.start_date.isoformat()}-{self.framework}"

    @classmethod
    def parse(cls, text: str) -> InspectionKey:
        """``"2024-11-18-ilacs-2026"`` -> (2024-11-18, "ilacs-2026"); ValueError if not a key."""
        match = re.fullmatch(INSPECTION_KEY_PATTERN, text)
        if match is None:
            raise ValueError(f"Not an inspection key: {text!r}")
        return cls(date.fromisoformat(match["start"]), match["framework"])


_SLUG_SENTINEL = "authority-sentinel-987654321"


_KEY_SENTINEL = "9876-05-04-key-sentinel"


@cache
def _inspection_url_template(name: str) -> str:
    url = reverse(name, args=[_SLUG_SENTINEL, _KEY_SENTINEL])
    return url.replace(_SLUG_SENTINEL, "{slug}").replace(_KEY_SENTINEL, "{key}")


def inspection_path(authority_slug: str, start_date: date, framework: str) -> str:
    """The inspection page's path, ``/authorities/knowsley/inspections/2024-11-18-ilacs/``.

    Built without a reverse() per call; :meth:`Inspection.get_absolute_url` uses it too.
    """
    return _inspection_url_template("inspections:inspection-detail").format(
        slug=authority_slug, key=InspectionKey(start_date, framework)
    )


def inspection_source_path(authority_slug: str, start_date: date, framework: str) -> str:
    """The path of the inspection's report file (``.../2024-11-18-ilacs/report/``)."""
    return _inspection_url_template("inspections:inspection-source").format(
        slug=authority_slug, key=InspectionKey(start_date, framework)
    )


def find_inspection(authority_slug: str, key: InspectionKey) -> Inspection | None:
    """The published inspection a public URL names, with its authority; None if none."""
    # (authority, framework, start date) is unique in practice; the database only makes
    # it unique with the end date, so two could share a key: the shorter one wins.
    return (
        published_inspections()
        .select_related("authority")
        .filter(authority__slug=authority_slug, start_date=key.start_date, framework=key.framework)
        .order_by("end_date", "id")
        .first()
    )


def authority_url(slug: str) -> str:
    """The authority timeline's path, without a reverse() per call."""
    return _url_template("inspections:authority-detail").format(slug)


def _count_of(model, **conditions) -> Coalesce:
    counted = (
        model.objects.filter(inspection=OuterRef("pk"), **conditions)
        .order_by()
        .values("inspection")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_overall_grade(queryset: QuerySet[Inspection]) -> QuerySet[Inspection]:
    """Annotate inspections with their first overall-effectiveness judgement's grade."""
    overall = Judgement.objects.filter(inspection=OuterRef("pk"), area=Area.OVERALL).order_by(
        "order", "id"
    )
    return queryset.annotate(
        overall_grade=Subquery(overall.values("grade")[:1]),
        overall_printed=Subquery(overall.values("grade_as_printed")[:1]),
    )
