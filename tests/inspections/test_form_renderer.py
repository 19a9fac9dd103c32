"""Drop-down lists and inputs written in Python are the HTML Django's templates write."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict

from inspections.filters import (
    AuthorityListForm,
    InspectionFilter,
    JudgementFilter,
    PreludeForm,
    RecommendationFilter,
    SequelFilter,
)
from inspections.form_renderer import QuickWidgets
from inspections.models import Inspection, Judgement, Recommendation

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "authority=knowsley&region=north-west&area=overall&grade=good&sort=newest",
    # Inputs with values, one of them to be escaped, and a ticked box.
    "q=a%22b<c>&date_from=2020-01-31&date_to=not-a-date&former=on&priority_actions=on&inspection=7",
]


def _selects(form: forms.Form) -> list[forms.BoundField]:
    return [field for field in form if isinstance(field.field.widget, forms.Select)]


def _forms(query: str) -> list[forms.Form]:
    data = QueryDict(query)
    return [
        JudgementFilter(data, queryset=Judgement.objects.none()).form,
        InspectionFilter(data, queryset=Inspection.objects.none()).form,
        RecommendationFilter(data, queryset=Recommendation.objects.none()).form,
        SequelFilter(data, queryset=Inspection.objects.none()).form,
        AuthorityListForm(data),
        PreludeForm(data or None),
    ]


def _inputs(form: forms.Form) -> list[forms.BoundField]:
    return [
        field
        for field in form
        if isinstance(field.field.widget, forms.widgets.Input | forms.CheckboxInput)
    ]


def _compare_with_django(query: str, fields_of) -> list[str]:
    """Each field ``fields_of`` picks from the public forms, drawn by our renderer and by
    Django's: they must be the same. Ours, one a field."""
    quick, django = QuickWidgets(), DjangoTemplates()
    drawn = []
    for form in _forms(query):
        form.is_valid()
        for field in fields_of(form):
            form.renderer = quick
            ours = field.as_widget()
            form.renderer = django
            assert ours == field.as_widget()
            drawn.append(ours)
    return drawn


@pytest.mark.parametrize("query", QUERIES)
def test_every_input_of_the_public_forms_is_rendered_as_django_renders_it(query):
    drawn = _compare_with_django(query, _inputs)
    assert len(drawn) >= 15
    with_value = sum(" value=" in html or " checked" in html for html in drawn)
    assert with_value >= (8 if query.startswith("q=") else 0)


def test_awkward_input_values_and_attributes_are_escaped_alike():
    widget = forms.TextInput(attrs={"data-x": 'a"b<c>', "required": True, "hidden": False})
    for value in ('x"&<y>', None, 12, ""):
        quick = widget.render("name&", value, {"id": "x'y"}, renderer=QuickWidgets())
        assert quick == widget.render("name&", value, {"id": "x'y"}, renderer=DjangoTemplates())
    box = forms.CheckboxInput()
    assert box.render("b", True, renderer=QuickWidgets()) == box.render(
        "b", True, renderer=DjangoTemplates()
    )


@pytest.mark.parametrize("query", QUERIES)
def test_every_select_of_the_public_forms_is_rendered_as_django_renders_it(query):
    assert len(_compare_with_django(query, _selects)) >= 20


def test_awkward_labels_values_and_attributes_are_escaped_alike():
    widget = forms.SelectMultiple(
        attrs={"data-x": 'a"b<c>', "disabled": True, "hidden": False},
        choices=[
            ("Group <1>", [("a&b", "A & B"), ('"q"', "<i>quoted</i>")]),
            ("", "none"),
            (3, 4),
        ],
    )
    quick = widget.render("name&", ["a&b", "3"], {"id": "x'y"}, renderer=QuickWidgets())
    assert quick == widget.render("name&", ["a&b", "3"], {"id": "x'y"}, renderer=DjangoTemplates())
    assert "selected" in quick and "&lt;i&gt;" in quick
