"""Template helpers that render grades: the word always beside the colour."""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html
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


@register.simple_tag
def grade_badge(grade: str, title: str = "") -> str:
    """A comparable grade as a coloured badge carrying its word ("not read" when unreadable)."""
    css = f"grade grade--{grade}" if grade else "grade grade--not-read"
    if title:
        return format_html('<span class="{}" title="{}">{}</span>', css, title, grade_label(grade))
    return format_html('<span class="{}">{}</span>', css, grade_label(grade))


@register.simple_tag
def cell_badge(cell: GradeCell | None, link: bool = False, printed: bool = False) -> str:
    """A timeline/comparison cell: the badge, with the printed grade and scale on hover;
    ``printed`` also shows the grade as printed as text (keyboard and touch users see no
    hover). Built here rather than in the template: a comparison has thousands of cells."""
    if cell is None:
        return format_html('<span class="no-grade">{}</span>', "—")
    badge = grade_badge(cell.grade, cell.tooltip)
    if link:
        badge = format_html(
            '<a class="cell-link" href="{}" aria-label="{} {}: {}">{}</a>',
            cell.url,
            cell.year,
            cell.framework_name,
            cell.grade_label,
            badge,
        )
    if printed:
        text = cell.grade_as_printed or "(blank)"
        if len(text) > 40:
            text = text[:39] + "…"
        badge = format_html('{} <span class="printed">printed “{}”</span>', badge, text)
    return badge


@register.simple_tag
def change_badge(change: Change | None, short: bool = False) -> str:
    """The change since the previous inspection: an arrow and words, not colour only.

    ``short`` names only the previous year (for a table where that row is in sight); the
    full sentence is then on hover.
    """
    if change is None:
        return ""
    return format_html(
        '<span class="change change--{}" title="{}"><span aria-hidden="true">{}</span> {}</span>',
        change.direction,
        change.text,
        change.symbol,
        change.short_text if short else change.text,
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
    if isinstance(text_search, str):
        try:
            text_search = parse_search(text_search)
        except TooManyTerms:
            text_search = None
    pattern = highlight_pattern(text_search) if text_search else None
    if pattern is None:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


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
