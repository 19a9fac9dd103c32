"""Excel twins of the CSV exports: the same rows and columns, typed, in an .xlsx workbook.

Written with XlsxWriter; a large sheet (a whole export, or more than SMALL_SHEET_ROWS rows)
in constant-memory mode, each row going to disk as it is written, so a national export
costs no more memory than a small one. Dates are real Excel dates,
whole numbers are numbers, and text is always written as text (a cell starting with "="
is never run as a formula, so, unlike the CSV, it needs no apostrophe). The header row is
frozen and carries an autofilter. A second sheet, "Source", names where the rows came from:
the app, the address with the filter used, the data version and its date, and Ofsted's
licence.

Excel's own limits are said, never hidden: text longer than a cell holds (32,767
characters) is cut with a note saying so, and rows beyond a sheet's 1,048,576 continue on
another sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from django.utils import timezone

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
APP_NAME = "Inspection Explorer"
MAX_CELL_CHARACTERS = 32_767
MAX_SHEET_ROWS = 1_048_576
# Up to this many rows (some 50,000 cells, a few megabytes) a sheet is built in memory.
SMALL_SHEET_ROWS = 3_000
CUT_NOTE = " […cut: Excel holds 32,767 characters in a cell; the CSV and JSON hold all {n}]"
# As the site's footer says it (templates/base.html).
ATTRIBUTION = (
    "Source: Ofsted inspection reports. Reports published 2006-2012 are Crown copyright and "
    "reproduced for non-commercial purposes with their source and date stated; later reports "
    "are published under the Open Government Licence v3.0 "
    "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)."
)


@dataclass(frozen=True)
class Source:
    """What the "Source" sheet says about the rows."""

    title: str
    url: str
    filters: Sequence[tuple[str, str]]
    data_version: int
    data_changed_at: datetime | None
    api_url: str


def _width(name: str) -> float:
    if name.endswith(("_url", "source_file")):
        return 48
    if name in {"text", "label", "title"}:
        return 60
    return max(len(name) + 3, 12)


def _cut(text: str) -> str:
    note = CUT_NOTE.format(n=f"{len(text):,}")
    return text[: MAX_CELL_CHARACTERS - len(note)] + note


class _Sheets:
    """The data sheets: a new one, with the header again, when a sheet is full."""

    def __init__(self, workbook, name: str, columns: Sequence[str]):
        self.workbook = workbook
        self.name = name
        self.columns = columns
        self.header = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.sheets: list[tuple[Any, int]] = []  # (sheet, rows of data)
        self.cut_cells = 0

    def _new_sheet(self):
        number = len(self.sheets) + 1
        sheet = self.workbook.add_worksheet(self.name if number == 1 else f"{self.name} ({number})")
        for index, column in enumerate(self.columns):
            sheet.set_column(index, index, _width(column))
            sheet.write_string(0, index, column, self.header)
        sheet.freeze_panes(1, 0)
        self.sheets.append((sheet, 0))
        return sheet

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        sheet = self._new_sheet()
        row_number, total = 0, 0
        for row in rows:
            if row_number == MAX_SHEET_ROWS - 1:
                self.sheets[-1] = (sheet, row_number)
                sheet = self._new_sheet()
                row_number = 0
            row_number += 1
            total += 1
            for column, value in enumerate(row):
                self._cell(sheet, row_number, column, value)
        self.sheets[-1] = (sheet, row_number)
        for sheet, count in self.sheets:
            sheet.autofilter(0, 0, count, len(self.columns) - 1)
        return total

    def _cell(self, sheet, row: int, column: int, value: Any) -> None:
        if value is None or value == "":
            return
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value)
        elif isinstance(value, datetime):
            sheet.write_datetime(row, column, timezone.localtime(value).replace(tzinfo=None))
        elif isinstance(value, date):
            sheet.write_datetime(row, column, value, self.date)
        else:
            text = str(value)
            if len(text) > MAX_CELL_CHARACTERS:
                text = _cut(text)
                self.cut_cells += 1
            sheet.write_string(row, column, text)


def write_workbook(
    path: Path,
    sheet_name: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    source: Source,
    *,
    large: bool = True,
) -> None:
    """The workbook at ``path``: the rows on sheet ``sheet_name``, then "Source".

    ``large=False`` (at most SMALL_SHEET_ROWS rows) keeps the sheet in memory, which
    XlsxWriter writes about a third faster than row by row to disk.
    """
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": large,
            # Text stays text: never read as a number, a formula or a link.
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    built_at = timezone.localtime()
    workbook.set_properties(
        {
            "title": f"{APP_NAME}: {source.title}",
            "company": APP_NAME,
            "comments": f"Exported from {source.url}",
            "created": built_at.replace(tzinfo=None),
        }
    )
    sheets = _Sheets(workbook, sheet_name, columns)
    try:
        count = sheets.write(rows)
    except BaseException:
        workbook.close()  # releases its temporary files; the caller drops the workbook
        raise
    _source_sheet(workbook, source, count, sheets, built_at)
    workbook.close()


def _source_sheet(workbook, source: Source, count: int, sheets: _Sheets, built_at) -> None:
    sheet = workbook.add_worksheet("Source")
    bold = workbook.add_format({"bold": True, "valign": "top"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm", "align": "left"})
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 100)
    filters = "; ".join(f"{name} = {value}" for name, value in source.filters)
    lines: list[tuple[str, Any, Any]] = [
        ("Data", f"{APP_NAME}: {source.title}", None),
        ("Exported from", source.url, None),
        ("Filter used", filters or "none: every published row", None),
        ("Rows", count, None),
        ("Data version", source.data_version, None),
        (
            "Data changed at",
            timezone.localtime(source.data_changed_at).replace(tzinfo=None)
            if source.data_changed_at
            else "",
            when,
        ),
        ("Workbook built at", built_at.replace(tzinfo=None), when),
        ("Times", "UK time (Europe/London)", None),
        ("Columns", f"as in the CSV and JSON twins, documented at {source.api_url}", None),
        ("Licence", ATTRIBUTION, wrap),
    ]
    if len(sheets.sheets) > 1:
        lines.append(("Sheets", f"the rows continue over {len(sheets.sheets)} sheets", None))
    if sheets.cut_cells:
        lines.append(
            ("Cut cells", f"{sheets.cut_cells} cells held more text than Excel allows", None)
        )
    for row, (label, value, style) in enumerate(lines):
        sheet.write_string(row, 0, label, bold)
        if isinstance(value, datetime):
            sheet.write_datetime(row, 1, value, style)
        elif isinstance(value, int):
            sheet.write_number(row, 1, value, workbook.add_format({"align": "left"}))
        else:
            sheet.write_string(row, 1, str(value), style or wrap)
