"""Filters that choose an authority or a region, for the FilterSets of the pages that
offer them (django-filter): the same choices, order and "any" wording everywhere."""

from __future__ import annotations

import django_filters

from .models import Authority, Region


def authority_filter(label: str = "Authority", **how) -> django_filters.ModelChoiceFilter:
    """One authority, by its slug in the query string, offered in name order; ``how``
    says how it filters (``field_name=`` or ``method=``)."""
    return django_filters.ModelChoiceFilter(
        label=label,
        queryset=Authority.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Any authority",
        **how,
    )


def region_filter(**how) -> django_filters.ChoiceFilter:
    """One region of England; ``how`` as for :func:`authority_filter`."""
    return django_filters.ChoiceFilter(
        label="Region", choices=Region.choices, empty_label="Any region", **how
    )
