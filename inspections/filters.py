"""Filters of the explorer pages and their CSV twins (django-filter).

A page and its CSV apply the same FilterSet to the same query string, so the CSV holds
exactly the rows the page shows (every page of them).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from authorities.filters import AuthorityChoiceField, authority_filter
from authorities.models import Authority, AuthorityName, AuthorityType, Region
from vocabulary import (
    GRADED_KINDS,
    HEADLINE_AREAS,
    Area,
    Framework,
    Grade,
    RecommendationKind,
    Theme,
    Timescale,
)

from . import search
from .queries import AUTHORITY_SORTS, LIST_AREAS, NOT_READ
from .queries.authority_list import JUDGED_VALUE, NOT_READ_VALUE
from .queries.themes import theme_q

GRADE_CHOICES = [*Grade.choices, (NOT_READ_VALUE, f"Grade {NOT_READ}")]

# Headline areas first: they are what most questions are about.
AREA_CHOICES = [
    ("Headline areas", [(str(area), area.label) for area in HEADLINE_AREAS]),
    ("Other areas", [(v, label) for v, label in Area.choices if v not in HEADLINE_AREAS]),
]

SORT_CHOICES = [
    ("authority", "Authority, then date"),
    ("newest", "Newest inspection first"),
    ("oldest", "Oldest inspection first"),
]


class DateInput(forms.DateInput):
    input_type = "date"


class KeptFormClass:
    """A FilterSet whose form class is made once and kept, not made again for each request.

    django-filter makes a new form class for every filter set, building each filter's form
    field again (and the authority list's queryset, the choices...): about a third of a
    filter form's cost. No filter here has fields that depend on the request, so the class
    made first serves every later one with the same filters; each form still copies the
    class's fields into its own, as every Django form does.
    """

    _form_classes: dict[tuple, type] = {}

    def get_form_class(self):
        key = (type(self), tuple(self.filters))
        form_class = KeptFormClass._form_classes.get(key)
        if form_class is None:
            form_class = KeptFormClass._form_classes[key] = super().get_form_class()
        return form_class


class InspectionFieldsFilterSet(KeptFormClass, django_filters.FilterSet):
    """Filters on the inspection a row belongs to; ``prefix`` is the path to it."""

    inspection_path = "inspection__"
    # Row order within one inspection (judgements and recommendations: their order in the report).
    row_order: tuple[str, ...] = ("order", "id")

    authority = authority_filter(method="filter_authority")
    region = django_filters.ChoiceFilter(
        label="Region", choices=Region.choices, method="filter_region", empty_label="Any region"
    )
    framework = django_filters.ChoiceFilter(
        label="Framework",
        choices=Framework.choices,
        method="filter_framework",
        empty_label="Any framework",
    )
    date_from = django_filters.DateFilter(
        label="Inspected from", method="filter_date_from", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        label="Inspected to", method="filter_date_to", widget=DateInput
    )
    inspection = django_filters.NumberFilter(
        label="Inspection number", method="filter_inspection", widget=forms.HiddenInput
    )
    sort = django_filters.ChoiceFilter(
        label="Order", choices=SORT_CHOICES, method="sort_rows", empty_label=None
    )

    # Form order: what is asked most first, the order of rows last.
    field_order: tuple[str, ...] = (
        "authority",
        "region",
        "framework",
        "area",
        "grade",
        "overall_grade",
        "q",
        "section",
        "timescale",
        "kind",
        "theme",
        "date_from",
        "date_to",
        "inspection",
        "sort",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rank = {name: i for i, name in enumerate(self.field_order)}
        self.filters = dict(
            sorted(self.filters.items(), key=lambda item: rank.get(item[0], len(rank)))
        )

    def _field(self, name: str) -> str:
        return f"{self.inspection_path}{name}"

    def error_text(self) -> str:
        """The form's errors in plain words, one line each, for a CSV's 400 answer."""
        return "\n".join(
            f"{self.form.fields[name].label if name in self.form.fields else name}: {error}"
            for name, errors in self.form.errors.items()
            for error in errors
        )

    def filter_authority(self, queryset: QuerySet, name: str, value: Authority) -> QuerySet:
        return queryset.filter(**{self._field("authority"): value})

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(**{self._field("authority__region"): value})

    def filter_framework(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(**{self._field("framework"): value})

    def filter_date_from(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(**{self._field("start_date__gte"): value})

    def filter_date_to(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(**{self._field("start_date__lte"): value})

    def filter_inspection(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(**{self._field("pk") if self.inspection_path else "pk": value})

    def sort_rows(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*self.ordering_for(value))

    def ordering_for(self, value: str) -> list[str]:
        head = [
            f"-{self._field(name[1:])}" if name.startswith("-") else self._field(name)
            for name in inspection_order(value)
        ]
        return [*head, *self.row_order]

    def listing_order(self) -> list[str] | None:
        """The order of inspections the rows are listed in, inspection by inspection (for
        :mod:`inspections.paging`); None where rows are not listed so (the inspections
        themselves)."""
        if not self.inspection_path:
            return None
        valid = self.is_bound and self.form.is_valid()
        return inspection_order((self.form.cleaned_data.get("sort") if valid else "") or "")

    @property
    def qs(self) -> QuerySet:
        # No rows for an invalid filter: an impossible date or an over-long search must
        # not quietly list (or export) everything.
        if self.is_bound and not self.form.is_valid():
            return self.queryset.none()
        queryset = super().qs
        # The default order applies when no sort was asked for.
        if not (self.is_bound and self.form.cleaned_data.get("sort")):
            queryset = self.default_order(queryset)
        return queryset

    def default_order(self, queryset: QuerySet) -> QuerySet:
        return queryset.order_by(*self.ordering_for("authority"))

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, value) of each filter in use, to say on the page what is shown."""
        if not self.is_bound or not self.form.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            # An unticked box (False) asks for nothing: it is not a filter in use.
            if value in (None, "", []) or value is False or name in {"sort"}:
                continue
            field = self.form.fields[name]
            shown = value
            if value is True:
                shown = "yes"
            elif hasattr(field, "choices") and not isinstance(value, Authority):
                shown = _choice_label(field.choices, value)
            active.append((str(field.label), str(shown)))
        return active


def inspection_order(value: str) -> list[str]:
    """The order of inspections (fields of Inspection) for a ``sort`` value: the order of
    the rows of a list before their order within one inspection."""
    if value == "newest":
        return ["-start_date", "-id"]
    if value == "oldest":
        return ["start_date", "id"]
    return ["authority__name", "start_date", "id"]


def _choice_label(choices, value) -> str:
    for key, label in choices:
        if isinstance(label, list | tuple):
            found = _choice_label(label, value)
            if found != str(value):
                return found
        elif str(key) == str(value):
            return str(label)
    return str(value)


class JudgementFilter(InspectionFieldsFilterSet):
    area = django_filters.ChoiceFilter(label="Area", choices=AREA_CHOICES, empty_label="Any area")
    grade = django_filters.ChoiceFilter(
        label="Comparable grade",
        choices=GRADE_CHOICES,
        method="filter_grade",
        empty_label="Any grade",
    )
    section = django_filters.CharFilter(
        label="Section contains", lookup_expr="icontains", field_name="section"
    )

    class Meta:
        fields: list[str] = []

    def filter_grade(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(grade="" if value == NOT_READ_VALUE else value)


class RecommendationFilter(InspectionFieldsFilterSet):
    q = django_filters.CharFilter(
        label="Text contains",
        method="filter_text",
        max_length=search.MAX_LENGTH,
        validators=[search.validate],
        help_text='Words (all must appear, "supervision" finds "supervise" too) and '
        f'"quoted phrases"; at most {search.MAX_TERMS}.',
    )
    section = django_filters.CharFilter(
        label="Section contains", lookup_expr="icontains", field_name="section"
    )
    timescale = django_filters.ChoiceFilter(
        label="Timescale", choices=Timescale.choices, empty_label="Any timescale"
    )
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=RecommendationKind.choices, empty_label="Any kind"
    )
    theme = django_filters.ChoiceFilter(
        label="National framework theme",
        choices=Theme.choices,
        method="filter_theme",
        empty_label="Any theme or none",
        help_text="Printed with recommendations from 2025.",
    )

    class Meta:
        fields: list[str] = []

    def filter_theme(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(theme_q(value))

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word and phrase must appear: 'care leavers "personal advisers"'."""
        return search.filter_text(queryset, search.parse(value))

    def default_order(self, queryset: QuerySet) -> QuerySet:
        """Best matches of a search first (where the database ranks them)."""
        return search.by_relevance(queryset, *self.ordering_for("authority"))

    def listing_order(self) -> list[str] | None:
        # Ranked by relevance (a search, no sort asked for), rows of one inspection are
        # not listed together.
        ranked = self.text_search and search.is_full_text()
        if ranked and not self.form.cleaned_data.get("sort"):
            return None
        return super().listing_order()

    @property
    def text_search(self) -> search.Search:
        """The valid search of the form, for marking matches."""
        if self.is_bound and self.form.is_valid():
            return search.parse(self.form.cleaned_data.get("q") or "")
        return search.Search((), ())


class InspectionFilter(InspectionFieldsFilterSet):
    inspection_path = ""
    row_order = ()

    overall_grade = django_filters.ChoiceFilter(
        label="Overall effectiveness",
        choices=[*Grade.choices, ("none", "No overall judgement")],
        method="filter_overall",
        empty_label="Any",
    )

    kind = django_filters.ChoiceFilter(
        label="Kind",
        choices=[
            ("inspection", "Inspections (graded)"),
            ("visit", "Focused visits (not graded)"),
        ],
        method="filter_kind",
        empty_label="Inspections and visits",
    )

    class Meta:
        fields: list[str] = []

    def filter_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        graded = Q(framework__in=GRADED_KINDS)
        return queryset.filter(graded if value == "inspection" else ~graded)

    def filter_overall(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # ``overall_grade`` is annotated by queries.with_overall_grade().
        if value == "none":
            return queryset.filter(overall_grade__isnull=True)
        return queryset.filter(overall_grade=value)


# --------------------------------------------------------------------------- authority list


class AuthorityListForm(forms.Form):
    """Filters of the authority list. Grades are the latest per authority (computed, not a column)."""

    q = forms.CharField(label="Name contains", required=False)
    region = forms.ChoiceField(
        label="Region", choices=[("", "Any region"), *Region.choices], required=False
    )
    type = forms.ChoiceField(
        label="Type", choices=[("", "Any type"), *AuthorityType.choices], required=False
    )
    grade_area = forms.ChoiceField(
        label="Latest grade in",
        choices=[(str(area), area.label) for area in LIST_AREAS],
        required=False,
    )
    grade = forms.ChoiceField(
        label="is",
        choices=[("", "Any grade"), *GRADE_CHOICES, (JUDGED_VALUE, "Judged (any grade)")],
        required=False,
    )
    former = forms.BooleanField(label="Include former authorities", required=False)
    sort = forms.ChoiceField(
        choices=[(key, key) for key in AUTHORITY_SORTS]
        + [(f"-{key}", key) for key in AUTHORITY_SORTS],
        required=False,
        widget=forms.HiddenInput,
    )

    def authorities(self) -> QuerySet[Authority]:
        """Authorities matching the name, region and type filters (grades are applied later)."""
        queryset = Authority.objects.all()
        data = self.cleaned_data if self.is_valid() else {}
        query = (data.get("q") or "").strip()
        if query:
            queryset = queryset.filter(authority_name_q(query))
        elif not data.get("former"):
            # A search finds former authorities too: older reports name them.
            queryset = queryset.filter(is_former=False)
        if data.get("region"):
            queryset = queryset.filter(region=data["region"])
        if data.get("type"):
            queryset = queryset.filter(authority_type=data["type"])
        return queryset.order_by("name")

    @property
    def grade_filter(self) -> tuple[str, str]:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("grade") or "", data.get("grade_area") or str(Area.OVERALL)

    @property
    def sort_key(self) -> str:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("sort") or "name"


def authority_name_q(query: str) -> Q:
    """Authorities any of whose names, or codes, contain ``query``.

    Spellings with different punctuation or suffixes ("St. Helens", "Knowsley Metropolitan
    Borough Council") are also matched through the same normalised keys the ingest uses.
    """
    from authorities.names import core_key, light_key

    condition = (
        Q(name__icontains=query)
        | Q(official_name__icontains=query)
        | Q(la_number=query)
        | Q(gss_code__iexact=query)
        | Q(pk__in=AuthorityName.objects.filter(name__icontains=query).values("authority_id"))
    )
    keys = [key for key in (light_key(query), core_key(query)) if key]
    if keys:
        condition |= Q(
            pk__in=AuthorityName.objects.filter(
                Q(light_key__in=keys) | Q(core_key__in=keys)
            ).values("authority_id")
        )
    return condition


# --------------------------------------------------------------------------- what happened next


class SequelFilter(InspectionFilter):
    """The inspections and visits whose sequel is asked for: the inspection list's filters
    (focused visits by default) and "with priority actions"."""

    priority_actions = django_filters.BooleanFilter(
        label="Only visits that set priority actions",
        method="filter_priority_actions",
        widget=forms.CheckboxInput,
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "kind" not in data:
            data = data.copy()
            data["kind"] = "visit"  # the question asked most: what followed a focused visit
        super().__init__(data, *args, **kwargs)
        self.filters.pop("sort", None)
        self.filters.pop("overall_grade", None)
        self.filters.pop("inspection", None)

    def filter_priority_actions(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset  # applied by queries.what_happened_next, which counts them


class PreludeForm(forms.Form):
    """What came before a grade: which area, which grade, where."""

    # The initial values are what the page lists when it is opened without a query.
    area = forms.ChoiceField(
        label="Area",
        choices=[(str(area), area.label) for area in LIST_AREAS],
        required=False,
        initial=Area.OVERALL,
    )
    grade = forms.ChoiceField(
        label="Judged", choices=Grade.choices, required=False, initial=Grade.INADEQUATE
    )
    region = forms.ChoiceField(
        label="Region", choices=[("", "Any region"), *Region.choices], required=False
    )
    authority = AuthorityChoiceField(
        label="Authority",
        queryset=Authority.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Any authority",
        required=False,
    )

    @property
    def choice(self) -> dict:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            "area": data.get("area") or str(Area.OVERALL),
            "grade": data.get("grade") or str(Grade.INADEQUATE),
            "region": data.get("region") or "",
            "authority": data.get("authority"),
        }

    def authority_ids(self) -> list[int] | None:
        choice = self.choice
        if choice["authority"] is not None:
            return [choice["authority"].pk]
        if choice["region"]:
            return list(
                Authority.objects.filter(region=choice["region"]).values_list("pk", flat=True)
            )
        return None
