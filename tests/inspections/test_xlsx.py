"""Excel twins of every CSV: same rows and columns, typed cells, frozen header, filters,
and a sheet naming the source."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

import openpyxl
import pytest

from inspections.xlsx_export import CONTENT_TYPE, MAX_CELL_CHARACTERS
from vocabulary import Framework

from .factories import R, make_inspection

pytestmark = pytest.mark.django_db

TWINS = [
    ("/judgements", "?authority=knowsley"),
    ("/recommendations", "?authority=knowsley"),
    ("/inspections", "?region=north-west"),
    ("/compare", "?authority=knowsley&authority=liverpool&area=overall"),
    ("/authorities", "?region=north-west"),
    ("/england", "?as_at=2024-03-31"),
]


def workbook(response) -> openpyxl.Workbook:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == CONTENT_TYPE
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def csv_rows(client, url: str) -> list[list[str]]:
    text = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def as_csv_text(value) -> str:
    """A typed Excel cell written as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        assert value.time() == datetime.min.time()
        return value.date().isoformat()
    return str(value)


@pytest.mark.parametrize(("base", "query"), TWINS)
def test_every_csv_has_an_xlsx_twin_with_its_rows_and_columns(client, merseyside, base, query):
    from_csv = csv_rows(client, f"{base}.csv{query}")
    response = client.get(f"{base}.xlsx{query}")
    name = base.strip("/")
    assert response["Content-Disposition"] == f'attachment; filename="{name}.xlsx"'
    book = workbook(response)

    assert book.sheetnames == [name, "Source"]
    sheet = book[name]
    from_xlsx = [[as_csv_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert len(from_csv) > 2
    # CSV defuses formula-like text with an apostrophe; Excel cells are typed as text instead.
    assert from_xlsx == [[cell.removeprefix("'") for cell in row] for row in from_csv]


def test_cells_are_typed_dates_and_numbers(client, merseyside):
    sheet = workbook(client.get("/judgements.xlsx?authority=knowsley&framework=apa"))["judgements"]
    header = [cell.value for cell in sheet[1]]
    first = dict(zip(header, sheet[2], strict=True))

    start = first["inspection_start"]
    assert start.is_date and start.value == datetime(2006, 11, 1)
    assert start.number_format == "yyyy-mm-dd"
    assert first["grade_rank"].data_type == "n" and first["grade_rank"].value == 1
    assert first["grade"].value == "Outstanding"
    # A code is text, as DfE publishes it, not a number to add up.
    assert first["old_la_code"].data_type == "s" and first["old_la_code"].value == "340"

    inspections = workbook(client.get("/inspections.xlsx?authority=knowsley"))["inspections"]
    header = [cell.value for cell in inspections[1]]
    counts = [dict(zip(header, row, strict=True)) for row in inspections.iter_rows(min_row=2)]
    assert all(isinstance(row["judgements"].value, int) for row in counts)
    assert sum(row["judgements"].value for row in counts) > 0


def test_header_is_frozen_and_filtered(client, merseyside):
    sheet = workbook(client.get("/judgements.xlsx?authority=knowsley"))["judgements"]
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]][:2] == ["la_name", "old_la_code"]
    assert sheet.auto_filter.ref == f"A1:P{sheet.max_row}"
    assert sheet.max_row > 2


def test_the_source_sheet_names_the_app_the_filter_the_data_version_and_the_licence(
    client, merseyside
):
    from inspections.models import DataVersion

    version = DataVersion.objects.get()
    source = workbook(client.get("/judgements.xlsx?authority=knowsley&area=overall"))["Source"]
    facts = {row[0]: row[1] for row in source.iter_rows(values_only=True)}

    assert facts["Data"] == "Inspection Explorer: Judgements"
    assert facts["Exported from"] == (
        "http://testserver/judgements.xlsx?authority=knowsley&area=overall"
    )
    assert facts["Filter used"] == "authority = knowsley; area = overall"
    assert facts["Data version"] == version.version
    assert isinstance(facts["Data changed at"], datetime)
    assert (
        facts["Rows"]
        == len(csv_rows(client, "/judgements.csv?authority=knowsley&area=overall")) - 1
    )
    assert "Open Government Licence v3.0" in facts["Licence"]
    assert "Crown copyright" in facts["Licence"]
    assert facts["Columns"].endswith("http://testserver/api/")


def test_formula_like_text_stays_text_and_long_text_is_cut_saying_so(client, reference_data):
    long_text = "Improve " + "x" * 40_000
    make_inspection(
        "wirral",
        Framework.ILACS,
        date(2024, 3, 4),
        recommendations=[R('=HYPERLINK("http://example.com","click")'), R(long_text)],
    )
    sheet = workbook(client.get("/recommendations.xlsx?authority=wirral"))["recommendations"]
    header = [cell.value for cell in sheet[1]]
    texts = [dict(zip(header, row, strict=True))["text"] for row in sheet.iter_rows(min_row=2)]

    assert texts[0].data_type == "s"
    assert texts[0].value == '=HYPERLINK("http://example.com","click")'
    assert len(texts[1].value) == MAX_CELL_CHARACTERS
    assert texts[1].value.startswith("Improve xxx")
    assert texts[1].value.endswith("the CSV and JSON hold all 40,008]")
    facts = {
        row[0]: row[1]
        for row in workbook(client.get("/recommendations.xlsx?authority=wirral"))[
            "Source"
        ].iter_rows(values_only=True)
    }
    assert facts["Cut cells"] == "1 cells held more text than Excel allows"


def test_rows_beyond_a_sheet_continue_on_the_next(client, merseyside, monkeypatch):
    monkeypatch.setattr("inspections.xlsx_export.MAX_SHEET_ROWS", 3)  # 2 rows a sheet
    book = workbook(client.get("/inspections.xlsx?authority=knowsley"))
    assert book.sheetnames == [
        "inspections",
        "inspections (2)",
        "inspections (3)",  # six inspections
        "Source",
    ]
    assert all(book[name]["A1"].value == "la_name" for name in book.sheetnames[:3])
    assert [book[name].max_row - 1 for name in book.sheetnames[:3]] == [2, 2, 2]
    assert book["inspections (3)"].auto_filter.ref == "A1:O3"


def test_an_invalid_filter_is_a_400_saying_why_and_writes_nothing(client, merseyside):
    response = client.get("/judgements.xlsx?date_from=2024-13-45")
    assert response.status_code == 400
    text = response.content.decode()
    assert text.startswith("Bad request: the filters are not valid, so nothing was exported.")
    assert "Inspected from" in text
    assert client.get("/england.xlsx?as_at=yesterday").status_code == 400


def test_pages_offering_csv_offer_excel_and_json_beside_it(client, merseyside):
    listed = client.get("/judgements/?authority=knowsley&area=overall").content.decode()
    links = set(re.findall(r'href="(/judgements\.[a-z]+\?[^"]*)"', listed))
    assert links == {
        "/judgements.csv?authority=knowsley&amp;area=overall",
        "/judgements.xlsx?authority=knowsley&amp;area=overall",
        "/judgements.json?authority=knowsley&amp;area=overall",
    }
    england = client.get("/england/?as_at=2024-03-31").content.decode()
    assert 'href="/england.xlsx?as_at=2024-03-31"' in england
    authority = client.get("/authorities/knowsley/").content.decode()
    assert 'href="/judgements.xlsx?authority=knowsley"' in authority
    assert "/api/" in client.get("/").content.decode()


def test_a_large_workbook_written_row_by_row_holds_what_a_small_one_holds(
    client, merseyside, monkeypatch
):
    def cells(book):
        return [
            [(cell.value, cell.number_format) for cell in row]
            for row in book["judgements"].iter_rows()
        ]

    small = workbook(client.get("/judgements.xlsx?authority=knowsley"))
    monkeypatch.setattr("inspections.xlsx_export.SMALL_SHEET_ROWS", 1)
    large = workbook(client.get("/judgements.xlsx?authority=knowsley"))
    assert cells(large) == cells(small)
    assert large["judgements"].freeze_panes == small["judgements"].freeze_panes == "A2"
