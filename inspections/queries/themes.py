"""Recommendations by national framework theme: which rows have a theme, and how many.

A recommendation's ``national_framework`` holds its themes joined by "; " (see
:mod:`vocabulary.themes`), so a theme is matched as one whole part of it, never as a
substring of another's code, and an item tagged with two themes counts under both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from vocabulary import Theme, themes


def theme_q(theme: str, path: str = "") -> Q:
    """Rows of ``path`` (e.g. "" for recommendations) whose themes include ``theme``."""
    field = f"{path}national_framework"
    separator = themes.SEPARATOR
    return (
        Q(**{field: theme})
        | Q(**{f"{field}__startswith": f"{theme}{separator}"})
        | Q(**{f"{field}__endswith": f"{separator}{theme}"})
        | Q(**{f"{field}__contains": f"{separator}{theme}{separator}"})
    )


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    count: int
    url: str  # the recommendation list of these rows


def theme_counts(recommendations: QuerySet, **query: str) -> list[ThemeCount]:
    """How many of ``recommendations`` carry each theme, in the framework's order (themes
    no row carries left out), each linking to the recommendation list filtered by
    ``query`` (e.g. ``authority=slug``) and the theme. One query."""
    rows = (
        recommendations.exclude(national_framework="")
        .order_by()
        .values_list("national_framework")
        .annotate(rows=Count("id"))
    )
    return theme_links(rows, **query)


def theme_links(counts: Iterable[tuple[str, int]], **query: str) -> list[ThemeCount]:
    """:func:`theme_counts` of rows counted already: (stored value, how many rows)."""
    counted: Counter[str] = Counter()
    for value, rows_count in counts:
        for theme in themes.split(value):
            counted[theme] += rows_count
    base = reverse("inspections:recommendation-list")
    return [
        ThemeCount(theme, counted[theme], f"{base}?{urlencode({**query, 'theme': theme})}")
        for theme in Theme
        if counted[theme]
    ]
