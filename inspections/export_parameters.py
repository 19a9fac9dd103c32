"""The query parameters each export accepts, with their valid values: read from the same
forms and filter sets the pages use, so that the contract the API states (``/api/``) and
enforces (a parameter it does not know is a 400 naming those it does) cannot drift from
what the filters really read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django import forms

# Read by every export: the JSON page, and its size.
PAGING = ("page", "page_size")


@dataclass(frozen=True)
class Parameter:
    """One query parameter: its name, what it means, and what it may be."""

    name: str
    label: str
    kind: str  # "choice", "date", "year", "number", "yes/no", "text"
    values: tuple[tuple[str, str], ...] = ()  # (value, label) of a choice
    repeat: bool = False  # may be given more than once

    @property
    def accepts(self) -> str:
        """What a value may be, in words, for the API page and a 400's message."""
        if self.values:
            return "one of " + ", ".join(value for value, _ in self.values)
        return {
            "date": "a date written YYYY-MM-DD",
            "year": "a year, e.g. 2014",
            "number": "a whole number",
            "yes/no": "on, true or 1 (yes)",
        }.get(self.kind, "any text")


def _kind(field: forms.Field) -> str:
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "choice"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "number"
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        return "yes/no"
    return "text"


def _values(field: forms.Field) -> tuple[tuple[str, str], ...]:
    if not isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return ()
    values = []
    for value, label in field.choices:
        # A group of choices (an <optgroup>): its label, then its (value, label) pairs.
        group = label if isinstance(label, list | tuple) else [(value, label)]
        for one, words in group:
            one = str(getattr(one, "value", one))  # ModelChoiceIteratorValue
            if one:
                values.append((one, str(words)))
    return tuple(values)


def from_fields(fields: Iterable[tuple[str, forms.Field]]) -> list[Parameter]:
    return [
        Parameter(name, str(field.label or name), _kind(field), _values(field))
        for name, field in fields
    ]


@dataclass(frozen=True)
class Parameters:
    """An export's parameters: their names (cheap: checked on every request) and, for the
    API page, each described with its valid values (which may need a query)."""

    names: Callable[[], Iterable[str]]
    describe: Callable[[], list[Parameter]]


def of_filterset(filterset_class) -> Parameters:
    def describe() -> list[Parameter]:
        from .models import Inspection  # any queryset: only the filters are read

        filters = filterset_class(data=None, queryset=Inspection.objects.none()).filters
        return from_fields((name, filter_.field) for name, filter_ in filters.items())

    return Parameters(lambda: filterset_class.base_filters.keys(), describe)


def of_form(form_class) -> Parameters:
    return Parameters(
        lambda: form_class.base_fields.keys(),
        lambda: from_fields(form_class.base_fields.items()),
    )


def listed(describe: Callable[[], list[Parameter]], names: Sequence[str]) -> Parameters:
    """Parameters written out by hand (names given apart so no query is needed to check)."""
    return Parameters(lambda: names, describe)


def no_parameters() -> Parameters:
    return Parameters(lambda: (), list)


def unknown(given: Iterable[str], parameters: Parameters) -> list[str]:
    """The names given that the export does not read, in the order given."""
    known = set(parameters.names()) | set(PAGING)
    return [name for name in dict.fromkeys(given) if name not in known]
