"""Template helpers that render grades: the word always beside the colour."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

import vocabulary as grades
from inspections.queries import (
    Change,
    GradeCell,
    area_short_label,
    grade_label,
)
from vocabulary import Grade

from ..search import Search, TooManyTerms, highlight_pattern
from ..search import parse as parse_search

register = template.Library()


def _escape(text: object) -> str:
    """What Django's ``escape`` does (the standard library's, quotes included), without its
    lazy-string wrapper: a badge is built thousands of times a page."""
    return html.escape(str(text))


@register.simple_tag
def grade_badge(grade: str, title: str = "") -> str:
    """A comparable grade as a coloured badge carrying its word ("not read" when unreadable)."""
    css = f"grade grade--{grade}" if grade else "grade grade--not-read"
    hover = f' title="{_escape(title)}"' if title else ""
    return mark_safe(f'<span class="{_escape(css)}"{hover}>{_escape(grade_label(grade))}</span>')


NO_CELL = mark_safe('<span class="no-grade">—</span>')


@register.simple_tag
def cell_badge(
    cell: GradeCell | None, link: bool = False, printed: bool = False, brief: bool = False
) -> str:
    """A timeline/comparison cell: the badge, with the printed grade and scale on hover;
    ``printed`` also shows the grade as printed as text (keyboard and touch users see no
    hover); ``brief`` leaves the scale out of the hover, for tables of many rows whose page
    explains the scales once (the grade key). Built here rather than in the template: a
    comparison has thousands of cells; and kept on the cell, since the latest grades'
    cells are shared by every request of a process (``inspections.shared_results``)."""
    if cell is None:
        return NO_CELL
    kept = cell.__dict__.setdefault("_badges", {})  # the frozen dataclass's own dict
    key = (link, printed, brief)
    if key not in kept:
        kept[key] = _cell_badge(cell, link, printed, brief)
    return kept[key]


def _cell_badge(cell: GradeCell, link: bool, printed: bool, brief: bool) -> str:
    badge = grade_badge(cell.grade, cell.brief_tooltip if brief else cell.tooltip)
    if link:
        label = f"{cell.year} {cell.framework_name}: {cell.grade_label}"
        badge = f'<a class="cell-link" href="{_escape(cell.url)}" aria-label="{_escape(label)}">{badge}</a>'
    if printed:
        text = cell.grade_as_printed or "(blank)"
        if len(text) > 40:
            text = text[:39] + "…"
        badge = f'{badge} <span class="printed">printed “{_escape(text)}”</span>'
    return mark_safe(badge)


@register.simple_tag
def latest_grade_cells(row, labels: list[str]) -> str:
    """The authority list's grade columns of one row, a ``<td>`` each, with the year of
    each grade; built here rather than by a loop in the template, which cost most of the
    page's time (a hundred and fifty rows of five cells)."""
    cells = []
    for index, (cell, opening) in enumerate(zip(row.cells, _openings(labels), strict=True)):
        if index == 0 and row.no_overall_grade and cell is None:
            inner = '<span class="no-grade">no overall grade (2026 framework)</span>'
        elif cell is None:
            inner = NO_CELL
        else:
            inner = f'{cell_badge(cell, True, brief=True)}<span class="year">{cell.year}</span>'
        cells.append(f"{opening}{inner}</td>")
    return mark_safe("".join(cells))


NOT_JUDGED = '<span class="hint">not judged</span>'


@register.simple_tag
def grade_cells(cells: list[GradeCell | None], labels: list[str]) -> str:
    """One row's grade columns in a long table, a ``<td>`` each ("not judged" where there
    is no cell), built here for the reason :func:`latest_grade_cells` is."""
    return mark_safe(
        "".join(
            f"{opening}{cell_badge(cell, brief=True) if cell else NOT_JUDGED}</td>"
            for cell, opening in zip(cells, _openings(labels), strict=True)
        )
    )


def _openings(labels: list[str]) -> tuple[str, ...]:
    """Each grade column's opening tag, named for the phone's cards: the same for every
    row of a table, so written once."""
    return _column_openings(tuple(labels))


@cache
def _column_openings(labels: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f'<td class="grade-col" data-label="{_escape(label)}">' for label in labels)


@register.simple_tag
def parameter_values(parameter) -> str:
    """An export parameter's valid values, each with its label where that says more,
    built here rather than by a template loop: the authority parameters list every one."""
    return mark_safe(
        ", ".join(
            f"<code>{_escape(value)}</code>"
            + (f' <span class="hint">{_escape(label)}</span>' if label != value else "")
            for value, label in parameter.values
        )
    )


@register.simple_tag
def change_badge(change: Change | None, short: bool = False) -> str:
    """The change since the previous inspection: an arrow and words, not colour only.

    ``short`` names only the previous year (for a table where that row is in sight); the
    full sentence is then on hover.
    """
    if change is None:
        return ""
    # Written as format_html would write it, without its lazy-string checks: a timeline
    # has a change in most of its cells.
    words = change.short_text if short else change.text
    return mark_safe(
        f'<span class="change change--{_escape(change.direction)}" title="{_escape(change.text)}">'
        f'<span aria-hidden="true">{_escape(change.symbol)}</span> {_escape(words)}</span>'
    )


@register.simple_tag
def grade_words() -> str:
    """The comparable scale in words, best first (from grades.Grade, not hard-coded)."""
    return ", ".join(grade.label for grade in Grade)


@register.inclusion_tag("includes/grade_key.html")
def grade_key() -> dict:
    """The legend: each comparable grade's badge, and how each framework printed grades."""
    frameworks_by_scale: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for report_kind in grades.KINDS:
        if (scale := report_kind.scale) is not None:
            frameworks_by_scale.setdefault(scale.name, []).append(report_kind.label)
            descriptions[scale.name] = scale.description
    return {
        "grades": [{"value": str(grade), "rank": grade.rank} for grade in Grade],
        "scales": [
            ("; ".join(names), descriptions[scale]) for scale, names in frameworks_by_scale.items()
        ],
    }


@register.filter
def area_short(area: str) -> str:
    """ "Help and protection" for "Help and protection / safeguarding"."""
    return area_short_label(area)


@register.filter
def highlight(text: str, text_search: Search | str | None) -> SafeString:
    """The text, escaped, with each word and phrase of a free-text search marked where it
    matches (a word by its stem: a search for "supervision" marks "supervised")."""
    return highlighter(text_search)(text)


def highlighter(text_search: Search | str | None) -> Callable[[str], SafeString]:
    """What :func:`highlight` does to a text, for many texts of one search (the pattern
    is made once)."""
    if isinstance(text_search, str):
        try:
            text_search = parse_search(text_search)
        except TooManyTerms:
            text_search = None
    pattern = highlight_pattern(text_search) if text_search else None
    if pattern is None:
        return escape

    # Escaped as Django's escape does, without its lazy-string wrapper (see _escape): a
    # page of search results marks hundreds of words.
    def marked(text: str) -> SafeString:
        parts, last = [], 0
        for match in pattern.finditer(text):
            parts.append(_escape(text[last : match.start()]))
            parts.append(f"<mark>{_escape(match.group())}</mark>")
            last = match.end()
        parts.append(_escape(text[last:]))
        return mark_safe("".join(parts))

    return marked


@register.filter
def zip_with(first, second):
    """Pairs of two lists, for a table row built from both."""
    return list(zip(first, second, strict=True))


@register.filter
def chart_rows(chart: dict) -> list[tuple[str, list, int, int, bool]]:
    """A shares chart as table rows: (date, [share per grade], authorities judged, of how
    many existing, whether that is under half)."""
    return [
        (
            label,
            [grade["shares"][index] for grade in chart["grades"]],
            chart["judged"][index],
            chart["existing"][index],
            chart["few"][index],
        )
        for index, label in enumerate(chart["labels"])
    ]


@register.filter
def export_as(csv_url: str, format: str) -> str:
    """A CSV export's address as its twin in another format: ``/judgements.xlsx?...``."""
    path, mark, query = str(csv_url).partition("?")
    return f"{path.removesuffix('.csv')}.{format}{mark}{query}"
