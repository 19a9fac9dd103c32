"""The rows of the long tables, written in Python.

A table row drawn by the template engine costs a tenth to a third of a millisecond (each
``{{ }}`` is a look-up, a filter call and an escape); a page of fifty to a few hundred
rows spent most of its time there. Each function here writes the HTML its template's loop
wrote, for the same objects, escaping every value it prints; the pages' tests and the
browser tests read these rows as they read the template's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from django import template
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils.safestring import mark_safe

from authorities.models import AuthorityType, Region
from inspections.england import Line
from inspections.models import Inspection, Judgement, Recommendation
from inspections.queries.authority_list import AuthorityRow, DistributionRow
from inspections.queries.common import authority_url, inspection_path
from inspections.queries.sequels import Event, Prelude, Sequel
from vocabulary import Area, Timescale, describe_printed_grade

from .inspection_tags import (
    _escape,
    cell_badge,
    change_badge,
    chart_rows,
    grade_badge,
    grade_cells,
    highlighter,
    latest_grade_cells,
)

register = template.Library()


def rows_tag(write: Callable[..., Iterable[str]]) -> Callable[..., str]:
    """Registers ``write`` as a tag writing a table's rows (or a list's items): it yields
    each one's HTML, every value in it escaped, and the tag prints them all."""

    @functools.wraps(write)
    def tag(*args, **kwargs) -> str:
        return mark_safe("".join(write(*args, **kwargs)))

    return register.simple_tag(tag)


# As Django's date filter writes "M": the month's first three letters.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_month_year(day: date) -> str:
    """``date:"j M Y"``: 5 Jan 2024."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    """``date:"M Y"``: Jan 2024."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def plural(count: int, singular: str = "", several: str = "s") -> str:
    """``pluralize``: the suffix for ``count`` things."""
    return singular if count == 1 else several


def _cell(label: str, content: str, css: str = "", span: int = 1) -> str:
    """A data cell named by its column: at phone widths a table stacks into cards and each
    cell prints its ``data-label`` beside its content. ``label`` is HTML-safe already."""
    attributes = (f' class="{css}"' if css else "") + (f' colspan="{span}"' if span > 1 else "")
    return f'<td{attributes} data-label="{label}">{content}</td>'


def _row(*cells: str) -> str:
    return f"<tr>{''.join(cells)}</tr>\n"


def _authority_link(url: str, name: str) -> str:
    return f'<a href="{_escape(url)}">{_escape(name)}</a>'


def _row_heading(url: str, name: str, after: str = "") -> str:
    """A row's heading: the authority it is about, linked to its page."""
    return f'<th scope="row">{_authority_link(url, name)}{after}</th>'


def _authority_heading(authority) -> str:
    return _row_heading(authority_url(authority.slug), authority.name)


def _event_link(event: Event) -> str:
    return (
        f'<a href="{_escape(event.url)}">{_escape(event.framework_name)}</a> '
        f'<span class="nowrap">{day_month_year(event.start_date)}</span>'
    )


@rows_tag
def sequel_rows(sequels: Iterable[Sequel], area_labels: list[str]) -> Iterator[str]:
    """What happened next: an event, and the next graded inspection with its grades."""
    for sequel in sequels:
        event, following = sequel.event, sequel.next
        priority = event.priority_actions
        flag = (
            f"<br><strong>{priority} area{plural(priority)} for priority action</strong>"
            if priority
            else ""
        )
        if following is not None:
            then = _cell(
                "Next graded inspection",
                f'{_event_link(following)} <span class="hint">({sequel.days_to_next:,} days '
                "later)</span>",
            ) + grade_cells(sequel.next_cells, area_labels)
        else:
            then = _cell(
                "Next graded inspection",
                '<span class="hint">none yet</span>',
                span=len(area_labels) + 1,
            )
        yield _row(
            _row_heading(event.authority_url, event.authority_name),
            _cell("Inspection or visit", _event_link(event) + flag),
            then,
        )


@rows_tag
def prelude_rows(preludes: Iterable[Prelude]) -> Iterator[str]:
    """What came before: a grade, the previous graded inspection and the visits between."""
    for prelude in preludes:
        event, previous = prelude.event, prelude.previous
        if previous is not None:
            before_cell = prelude.previous_cell
            before = _cell("Previous graded inspection", _event_link(previous)) + _cell(
                "Its grade",
                cell_badge(before_cell) if before_cell else '<span class="hint">not judged</span>',
                "grade-col",
            )
        else:
            before = _cell(
                "Previous graded inspection", '<span class="hint">none stored</span>', span=2
            )
        if prelude.visits:
            with_priority = prelude.visits_with_priority_actions
            last = prelude.last_visit
            visits = (
                f"{len(prelude.visits)}"
                + (f", {with_priority} with priority actions" if with_priority else "")
                + f'; last <a href="{_escape(last.url)}">{day_month_year(last.start_date)}</a>'
            )
        else:
            visits = '<span class="hint">none</span>'
        yield _row(
            _row_heading(event.authority_url, event.authority_name),
            _cell("Inspection", _event_link(event)),
            _cell("Grade", cell_badge(prelude.cell), "grade-col"),
            before,
            _cell("Focused visits between", visits),
        )


# Display names, escaped once.
_REGIONS = {value: _escape(label) for value, label in Region.choices}
_TYPES = {value: _escape(label) for value, label in AuthorityType.choices}
_AREAS = dict(Area.choices)
_TIMESCALES = dict(Timescale.choices)


@rows_tag
def authority_rows(rows: Iterable[AuthorityRow], area_labels: list[str]) -> Iterator[str]:
    """The authority list: name, region, type, latest inspection and latest grades.

    Each row's HTML is kept on the row: rows are shared by every request of a process
    until the data changes (``queries.authority_rows``), so each is written once."""
    labels = tuple(area_labels)
    for row in rows:
        kept = row.__dict__.setdefault("_html", {})
        if labels not in kept:
            kept[labels] = _authority_row(row, area_labels)
        yield (kept[labels])


def _authority_row(row: AuthorityRow, area_labels: list[str]) -> str:
    authority = row.authority
    former = ' <span class="hint">(former)</span>' if authority.is_former else ""
    if row.latest_inspection:
        count = row.inspection_count
        latest = (
            f'{month_year(row.latest_inspection)}<br><span class="hint">'
            f"{count} inspection{plural(count)}</span>"
        )
    else:
        latest = '<span class="hint">none published</span>'
    region = _REGIONS.get(authority.region) or _escape(authority.region)
    kind = _TYPES.get(authority.authority_type) or _escape(authority.authority_type)
    return _row(
        _row_heading(row.url, authority.name, former),
        _cell("Region", region, "small"),
        _cell("Type", kind, "small"),
        _cell("Latest inspection", latest, "small"),
        latest_grade_cells(row, area_labels),
    )


def _count_link(count: int, href: str, label: str) -> str:
    """A count of the home page's distribution, linking to the authorities it counts."""
    if not count:
        return "0"
    return (
        f'<a href="{href}" aria-label="{count} authorit{plural(count, "y", "ies")} {label}: '
        f'list them">{count}</a>'
    )


@rows_tag
def distribution_rows(distribution: Iterable[DistributionRow], list_url: str) -> Iterator[str]:
    """The home page's latest grades: per area, how many authorities have each grade, each
    count linking to the authority list filtered to them."""
    base = _escape(list_url)
    for row in distribution:
        area, value = _escape(row.area.label), _escape(row.area.value)
        link = f"{base}?grade_area={value}&amp;grade="
        counts = "".join(
            _cell(
                _escape(grade.label),
                _count_link(
                    count,
                    f"{link}{_escape(grade.value)}",
                    f"{_escape(grade.short_label)} in {area}",
                ),
                "num",
            )
            for grade, count in row.counts
        )
        not_read = _count_link(
            row.not_read, f"{link}not-read", f"whose grade in {area} could not be read"
        )
        judged = _count_link(row.total, f"{link}judged", f"judged in {area}")
        yield (
            f'\n      <tr>\n        <th scope="row">{area}</th>\n        {counts}\n'
            f"        {_cell('Grade not read', not_read, 'num')}\n"
            f"        {_cell('Authorities judged', judged, 'num')}\n"
            "      </tr>\n    "
        )


def _inspection_link(inspection: Inspection) -> str:
    path = inspection_path(inspection.authority.slug, inspection.start_date, inspection.framework)
    return (
        f'<a href="{_escape(path)}">{inspection.start_date.year} '
        f"{_escape(inspection.framework_display)}</a>"
    )


def _listed_row(inspection: Inspection, *cells: str) -> str:
    """A row of a list of an inspection's parts: its authority, the inspection, ``cells``."""
    return _row(_authority_heading(inspection.authority), _inspection_cell(inspection), *cells)


@rows_tag
def inspection_rows(inspections: Iterable[Inspection]) -> Iterator[str]:
    """The inspection list: dates, overall grade and how many rows were read."""
    for inspection in inspections:
        start, end = inspection.start_date, inspection.end_date
        dates = day_month_year(start) + (f" – {day_month_year(end)}" if end != start else "")
        published = day_month_year(inspection.published_on) if inspection.published_on else "—"
        if inspection.overall_printed is not None:
            overall = (
                f"{grade_badge(inspection.overall_grade)} "
                f'<span class="printed">“{_escape(inspection.overall_printed)}”</span>'
            )
        elif not inspection.is_graded:
            overall = '<span class="hint">not graded (visit)</span>'
        else:
            overall = '<span class="hint">none</span>'
        yield _row(
            _authority_heading(inspection.authority),
            _cell("Inspection", _inspection_link(inspection)),
            _cell("Dates", dates),
            _cell("Published", published),
            _cell("Overall effectiveness", overall),
            _cell("Judgements", str(inspection.judgement_count), "num"),
            _cell("Recommendations", str(inspection.recommendation_count), "num"),
        )


def _inspection_cell(inspection: Inspection) -> str:
    return _cell(
        "Inspection",
        f'{_inspection_link(inspection)}<br><span class="hint">'
        f"{day_month_year(inspection.start_date)}</span>",
    )


@rows_tag
def judgement_rows(judgements: Iterable[Judgement]) -> Iterator[str]:
    """The judgement list: the label and grade as printed, and the comparable grade."""
    for judgement in judgements:
        printed = judgement.grade_as_printed
        description = describe_printed_grade(judgement.inspection.framework, printed)
        yield _listed_row(
            judgement.inspection,
            _cell("Section", _escape(judgement.section)),
            _cell("Judgement", _escape(judgement.label), "label"),
            _cell("Printed grade", _escape(printed or "(blank)")),
            _cell("Comparable grade", grade_badge(judgement.grade, description)),
            _cell("Area", _escape(_AREAS.get(judgement.area, judgement.area))),
        )


@rows_tag
def recommendation_rows(
    recommendations: Iterable[Recommendation], text_search=None
) -> Iterator[str]:
    """The recommendation list: its text, the words searched for marked, and its themes."""
    marks = highlighter(text_search)
    for recommendation in recommendations:
        timescale = _TIMESCALES.get(recommendation.timescale, recommendation.timescale)
        themes = "".join(
            f' <span class="tag" title="{_escape(theme.label)}">{_escape(theme.short_label)}</span>'
            for theme in recommendation.themes
        )
        yield (
            _listed_row(
                recommendation.inspection,
                _cell("Section", _escape(recommendation.section)),
                _cell("Timescale", _escape(timescale), "small"),
                _cell("Recommendation", marks(recommendation.text) + themes, "text"),
            )
        )


@rows_tag
def england_lines(lines: list[Line], area: Area, query: str) -> Iterator[str]:
    """An area's table on the England page: England then each region, the authorities at
    each grade (each count naming them) and how many were judged."""
    area_words = area.label.lower()
    for index, line in enumerate(lines):
        where = "" if line.key == "england" else f"&amp;region={_escape(line.key)}"
        who = "" if line.key == "england" else f"{_escape(line.name)} "
        link = f"?{_escape(query)}{where}&amp;area={_escape(area.value)}"
        cells = []
        for grade, count, share in line.by_grade:
            if count:
                label = (
                    f"{count} {who}authorit{plural(count, 'y', 'ies')} "
                    f"{_escape(grade.label.lower())} for {_escape(area_words)}: name them"
                )
                shown = (
                    f'<a href="{link}&amp;grade={_escape(grade.value)}#named" '
                    f'aria-label="{label}">{count}</a>'
                )
            else:
                shown = "0"
            if share is not None:
                shown += f' <span class="hint">({share}%)</span>'
            cells.append(_cell(_escape(grade.label), shown))
        total = line.total
        if total:
            label = (
                f"{total} {who}authorit{plural(total, 'y', 'ies')} judged for "
                f"{_escape(area_words)}: name them"
            )
            judged = f'<a href="{link}#named" aria-label="{label}">{total}</a>'
        else:
            judged = "0"
        opening = '<tr class="total">' if index == 0 else "<tr>"
        yield (
            f'{opening}<th scope="row">{_escape(line.name)}</th>{"".join(cells)}'
            f"{_cell('Authorities judged', judged)}</tr>\n"
        )


@rows_tag
def chart_number_rows(chart: dict) -> Iterator[str]:
    """The numbers of the England page's chart: each quarter's shares and its base."""
    for label, shares, judged, existing, few in chart_rows(chart):
        cells = "".join(f"<td>{share or '–'}</td>" for share in shares)
        flag = ' <strong class="few-judged">few judged</strong>' if few else ""
        opening = '<tr class="few">' if few else "<tr>"
        yield (
            f'{opening}<th scope="row"><a href="?as_at={_escape(label)}">{_escape(label)}</a></th>'
            f"{cells}<td>n = {judged} of {existing}{flag}</td></tr>"
        )


_NO_INSPECTION = (
    '<span class="no-grade"><span aria-hidden="true">·</span>'
    '<span class="visually-hidden">no inspection</span></span>'
)


@rows_tag
def compare_grid_rows(rows) -> Iterator[str]:
    """A comparison grid: an authority a row, a year a column, each inspection's grade
    in its year (a linked badge with the grade as printed)."""
    for row in rows:
        authority = row.authority
        columns = []
        for column in row.columns:
            cells = []
            for cell in column:
                note = (
                    f'<span class="note" title="{_escape(cell.source_note)}">*</span>'
                    if cell.judgements_in_area > 1
                    else ""
                )
                cells.append(f'<div class="grid-cell">{cell_badge(cell, True, True)}{note}</div>')
            columns.append(f"<td>{''.join(cells) or _NO_INSPECTION}</td>")
        yield _row(_authority_heading(authority), *columns)


@rows_tag
def authority_options(authorities: Iterable[dict]) -> Iterator[str]:
    """An ``<option>`` for each authority that still exists, by its slug (``values()``
    of slug, name and is_former)."""
    for a in authorities:
        if not a["is_former"]:
            yield f'<option value="{_escape(a["slug"])}">{_escape(a["name"])}</option>'


@rows_tag
def datalist_options(names) -> Iterator[str]:
    """A ``<datalist>``'s options: each name a suggestion."""
    for name in names:
        yield f'<option value="{_escape(name)}">'


@rows_tag
def year_options(years: Iterable[int], chosen: int | None) -> Iterator[str]:
    """A year ``<select>``'s options, the chosen one selected."""
    for year in years:
        yield f'<option value="{year}"{" selected" if year == chosen else ""}>{year}</option>'


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_month_name_year(day: date) -> str:
    """``date:"j F Y"``: 5 January 2024."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _named_share(share, link: str, who: str, as_at: date) -> str:
    """A share good or better, its base linking to the England page naming them."""
    if share.percent is None:
        return "—"
    return (
        f'{share.percent}% <span class="hint">of <a href="{link}" aria-label="{share.judged} '
        f'{who} judged as at {day_month_name_year(as_at)}: name them">{share.judged}</a></span>'
    )


@rows_tag
def group_year_rows(summary) -> Iterator[str]:
    """The group year by year (compare): the group's counts at each grade, its share good
    or better, the focus authority's grade and rank, the median, the region and England."""
    england_path = reverse("inspections:england")
    area = _escape(summary.area.value)
    region = _escape(summary.focus.region)
    region_name = _escape(summary.region_name)
    for year in summary.years:
        as_at = year.as_at
        counts = "".join(f'<td class="num">{count}</td>' for count in year.counts)
        share = year.good_or_better
        good = f"{share.good_or_better} of {share.judged}" + (
            f' <span class="hint">({share.percent}%)</span>' if share.percent is not None else ""
        )
        focus = (
            grade_badge(year.focus_grade)
            if year.focus_grade
            else '<span class="hint">not judged yet</span>'
        )
        rank = (
            f"{'joint ' if year.focus_ties else ''}{year.focus_rank} of {year.judged}"
            if year.focus_rank
            else "—"
        )
        median = grade_badge(year.median_grade) if year.median_grade else "—"
        query = f"{england_path}?as_at={as_at.isoformat()}"
        in_region = _named_share(
            year.region,
            f"{query}&amp;region={region}&amp;area={area}#named",
            f"{region_name} authorities",
            as_at,
        )
        in_england = _named_share(
            year.england, f"{query}&amp;area={area}#named", "authorities in England", as_at
        )
        yield (
            f'<tr><th scope="row">{day_month_year(as_at)}</th>{counts}'
            f'<td class="num">{good}</td><td>{focus}</td><td>{rank}</td><td>{median}</td>'
            f'<td class="num">{in_region}</td><td class="num">{in_england}</td></tr>\n'
        )


NO_HEADLINE = '<li class="hint">no headline judgement read</li>'


@rows_tag
def new_entry_rows(entries) -> Iterator[str]:
    """What's new: each publication's date, authority, report and what it found (an
    inspection's headline grades, or a visit's priority actions and focus)."""
    for entry in entries:
        inspection = entry.inspection
        if entry.is_visit:
            count = entry.priority_actions
            found = '<span class="visit-kind">Focused visit, not graded</span>'
            if count:
                found += (
                    f' <span class="priority-flag">{count} area{plural(count)} for priority '
                    "action</span>"
                )
            if inspection.focus:
                found += f' <span class="visit-focus">{_escape(truncatewords(inspection.focus, 40))}</span>'
        else:
            grades = "".join(
                f"<li>{_escape(_AREAS.get(j.area, j.area))}: {grade_badge(j.grade)}</li>"
                for j in entry.headline
            )
            found = f'<ul class="new-grades">{grades or NO_HEADLINE}</ul>'
        published = day_month_year(inspection.published_on) if inspection.published_on else ""
        authority = inspection.authority
        yield _row(
            _cell("Published", published),
            _cell("Authority", _authority_link(authority_url(authority.slug), authority.name)),
            _cell("Report", _inspection_link(inspection)),
            _cell("What it found", found),
        )


@rows_tag
def official_record_rows(records) -> Iterator[str]:
    """An inspection's rows in Ofsted's official statistics: where each is, what it says
    happened and when, and its grades (or a visit's theme)."""
    for record in records:
        grades = "; ".join(
            f"{_escape(judgement.label)}: {_escape(judgement.grade_as_printed)}"
            for judgement in record.judgements.all()
        )
        yield _row(
            f'<th scope="row">{_escape(record.release)} <span class="hint">(sheet '
            f"{_escape(record.sheet)}, row {record.row})</span></th>",
            _cell("As the table gives it", _escape(record.event)),
            _cell("Date", _day_or_not_given(record.start_date)),
            _cell("Published", _day_or_not_given(record.published_on)),
            _cell("Grades or theme", grades or _escape(record.theme or "–")),
        )


def _day_or_not_given(day: date | None) -> str:
    return day_month_year(day) if day else "not given"


_OFFICIAL_NOTE = "from Ofsted's official statistics; report not read here"


def _timeline_heading(entry, authority) -> str:
    inspection = entry.inspection
    path = inspection_path(inspection.authority.slug, inspection.start_date, inspection.framework)
    heading = (
        f'<a href="{_escape(path)}">{_escape(entry.chart_label)}</a><br>'
        f'<span class="hint">{day_month_year(inspection.start_date)}</span>'
    )
    if entry.predecessor:
        heading += (
            f'<br><span class="predecessor-note">an inspection of '
            f"{_escape(entry.predecessor.name)}, which {_escape(authority.name)} replaced</span>"
        )
    if inspection.is_from_official_statistics:
        heading += f'<br><span class="official-note">{_OFFICIAL_NOTE}</span>'
    return f'<th scope="row">{heading}</th>'


def visit_summary(visit) -> str:
    """A focused visit on the timeline: not graded, its priority actions and areas for
    improvement, Ofsted's theme for it, and its focus."""
    inspection = visit.inspection
    official = inspection.is_from_official_statistics
    text = f'<span class="visit-kind">{_escape(inspection.framework_display)}, not graded</span>'
    if count := visit.priority_actions:
        text += (
            f' <span class="priority-flag">{count} area{plural(count)} for priority action</span>'
        )
    if count := visit.areas_for_improvement:
        text += f' <span class="hint">{count} area{plural(count)} for improvement</span>'
    text += "\n"
    if visit.theme:
        text += f' <span class="visit-theme">Theme: {_escape(visit.theme)}</span>'
    if official:
        text += f' <span class="official-note">{_OFFICIAL_NOTE}</span>'
    text += "\n"
    if inspection.focus and not official:
        text += f'<span class="visit-focus">{_escape(truncatewords(inspection.focus, 40))}</span>'
    return text


def _timeline_cell(column) -> str:
    cell = column.cell
    if not cell:
        return '<td><span class="no-grade" title="Not judged in this inspection">—</span></td>'
    printed = _escape(cell.grade_as_printed or "(blank)")
    note = (
        f'<span class="note">first of {cell.judgements_in_area}: {_escape(cell.section)}</span> '
        if cell.judgements_in_area > 1
        else ""
    )
    return (
        f'<td>{cell_badge(cell)} <span class="printed">printed “{printed}”</span> '
        f"{note}{change_badge(column.change, True)}</td>"
    )


@rows_tag
def timeline_rows(timeline, authority) -> Iterator[str]:
    """An authority's timeline table: each inspection's grades and the change in each,
    each visit's summary, and each publication Ofsted lists that is not read here."""
    span = len(timeline.areas) or 1
    for entry in timeline.events:
        if entry.is_listed:
            publication = entry.publication
            published = day_month_year(publication.published_on) if publication.published_on else ""
            why = (
                "its file could not be read here"
                if publication.is_read_kind
                else "a kind of publication this app does not read"
            )
            yield (
                f'<tr class="listed"><th scope="row"><a href="{_escape(publication.url)}" '
                f'rel="external">{_escape(publication.listed_as)}</a><br>'
                f'<span class="hint">published {published}</span></th>'
                f'<td colspan="{span}"><span class="hint">Listed by Ofsted; {why}: open it on '
                "Ofsted's site.</span></td></tr>\n"
            )
        elif entry.is_visit:
            yield (
                f'<tr class="visit">{_timeline_heading(entry, authority)}'
                f'<td colspan="{span}">{visit_summary(entry)}</td></tr>\n'
            )
        else:
            cells = "".join(_timeline_cell(column) for column in entry.columns)
            yield f"<tr>{_timeline_heading(entry, authority)}{cells}</tr>\n"


@rows_tag
def chosen_authority_items(authorities) -> Iterator[str]:
    """The compare form's chosen authorities: a ticked box each, to untick."""
    for authority in authorities:
        slug = _escape(authority.slug)
        yield (
            f'<li><input type="checkbox" name="authority" value="{slug}" id="chosen-{slug}" '
            f'checked> <label for="chosen-{slug}">{_escape(authority.name)}</label></li>\n'
        )


@rows_tag
def area_items(areas: Iterable[tuple[str, str]], chosen: Iterable[str]) -> Iterator[str]:
    """The compare form's areas: a box each, ticked where chosen."""
    chosen = set(chosen)
    for value, label in areas:
        ticked = " checked" if value in chosen else ""
        shown = _escape(value)
        yield (
            f'<li><input type="checkbox" name="area" value="{shown}" id="area-{shown}"{ticked}> '
            f'<label for="area-{shown}">{_escape(label)}</label></li>\n'
        )


@rows_tag
def standing_rows(standing, latest_framework: str) -> Iterator[str]:
    """Where an authority stands: its latest grade in each area against its statistical
    neighbours', its region's and England's, each group's authorities named on the England
    page where it can name them."""
    england_path = reverse("inspections:england")
    for row in standing:
        area_label = row.area.label
        own = row.standing
        if own:
            mine = f'{grade_badge(own.grade)} <span class="hint">{own.start_date.year}</span>'
        elif row.area == "overall" and latest_framework == "ilacs-2026":
            mine = '<span class="no-grade">no overall grade (2026 framework)</span>'
        else:
            mine = '<span class="no-grade">not judged on this scale</span>'
        cells = []
        for comparison in row.comparisons:
            if own and comparison.judged:
                text = (
                    f"better than {comparison.better} of {comparison.judged}, the same as "
                    f"{comparison.same}, worse than {comparison.worse}"
                )
            elif not comparison.judged:
                text = '<span class="hint">none judged</span>'
            else:
                text = '<span class="hint">–</span>'
            if comparison.england_query and comparison.judged:
                text += (
                    f' <a class="name-them" href="{england_path}?'
                    f'{_escape(comparison.england_query)}#named" aria-label="'
                    f"{_escape(comparison.group)}: name the authorities judged for "
                    f'{_escape(area_label.lower())}">name them</a>'
                )
            cells.append(f"<td>{text}</td>")
        yield (
            f'<tr><th scope="row">{_escape(area_label)}</th><td>{mine}</td>{"".join(cells)}</tr>\n'
        )
