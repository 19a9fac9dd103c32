"""CSV exports: columns, the same rows as the page (all pages), safe cells, streaming."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.http import StreamingHttpResponse

from inspections.csv_export import neutralise
from vocabulary import Framework, Timescale

from .factories import J, R, ilacs, make_inspection

pytestmark = pytest.mark.django_db

JUDGEMENT_HEADER = (
    "la_name,old_la_code,new_la_code,region_name,framework,inspection_start,inspection_end,"
    "published,section,area,label,grade_as_printed,grade,grade_rank,inspection_url,source_file"
)
RECOMMENDATION_HEADER = (
    "la_name,old_la_code,new_la_code,region_name,framework,inspection_start,published,section,"
    "timescale,kind,text,inspection_url,national_framework"
)
INSPECTION_HEADER = (
    "la_name,old_la_code,new_la_code,region_name,framework,title,inspection_start,inspection_end,"
    "published,lead_inspector,overall_grade,judgements,recommendations,inspection_url,source_file"
)


def read_csv(response) -> tuple[str, list[dict[str, str]]]:
    """(header line, rows) of a streamed CSV response."""
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # byte-order mark: spreadsheets then read UTF-8 right
    text = text[1:]
    header = text.split("\r\n", 1)[0]
    return header, list(csv.DictReader(io.StringIO(text)))


def test_judgements_csv_columns_and_values(client, merseyside):
    header, rows = read_csv(
        client.get("/judgements.csv", {"authority": "knowsley", "framework": "apa"})
    )
    assert header == JUDGEMENT_HEADER
    overall = rows[0]
    assert overall == {
        "la_name": "Knowsley",
        "old_la_code": "340",
        "new_la_code": "E08000011",
        "region_name": "North West",
        "framework": "APA",
        "inspection_start": "2006-11-01",
        "inspection_end": "2006-11-01",
        "published": "2006-11-01",
        "section": "Areas for judgement",
        "area": "Overall effectiveness",
        "label": overall["label"],
        "grade_as_printed": "4",
        "grade": "Outstanding",
        "grade_rank": "1",
        "inspection_url": "http://testserver/authorities/knowsley/inspections/2006-11-01-apa/",
        "source_file": "http://testserver/authorities/knowsley/inspections/2006-11-01-apa/report/",
    }
    assert overall["label"].startswith("The contribution of the local authority")


def test_judgements_csv_has_the_rows_of_every_page(client, db):
    for year in range(2018, 2026):
        for slug in ("bury", "bolton", "wigan"):
            ilacs(slug, date(year, 2, 1), "Good", "Inadequate", "Good", "Good")
    query = {"area": "help-and-protection", "region": "north-west", "sort": "newest"}
    pages = []
    page_number = 1
    while True:
        response = client.get("/judgements/", {**query, "page": page_number})
        pages.extend(response.context["page_obj"])
        if not response.context["page_obj"].has_next():
            break
        page_number += 1
    assert len(pages) == 24 and page_number == 1  # all on one page here
    response = client.get("/judgements/", {"region": "north-west"})
    assert response.context["paginator"].num_pages == 2
    listed = []
    for number in (1, 2):
        listed.extend(
            client.get("/judgements/", {"region": "north-west", "page": number}).context["page_obj"]
        )
    _, rows = read_csv(client.get("/judgements.csv", {"region": "north-west"}))
    assert len(rows) == len(listed) == 96
    assert [(r["la_name"], r["inspection_start"], r["label"]) for r in rows] == [
        (j.inspection.authority.name, j.inspection.start_date.isoformat(), j.label) for j in listed
    ]
    _, rows = read_csv(client.get("/judgements.csv", query))
    assert [(r["la_name"], r["inspection_start"]) for r in rows] == [
        (j.inspection.authority.name, j.inspection.start_date.isoformat()) for j in pages
    ]
    assert {r["grade"] for r in rows} == {"Inadequate"} and {r["grade_rank"] for r in rows} == {"4"}


def test_csv_link_on_the_page_carries_the_filters(client, merseyside):
    response = client.get("/judgements/", {"authority": "liverpool", "grade": "good", "page": "1"})
    assert response.context["csv_url"] == "/judgements.csv?authority=liverpool&grade=good"
    _, rows = read_csv(client.get(response.context["csv_url"]))
    assert len(rows) == response.context["paginator"].count > 0


def test_unreadable_grade_exports_as_an_empty_grade_not_a_guess(client, db):
    make_inspection(
        "wigan",
        Framework.SIF,
        date(2015, 1, 5),
        [J("Adoption performance", "illegible", "Summary")],
    )
    _, rows = read_csv(client.get("/judgements.csv"))
    assert (rows[0]["grade_as_printed"], rows[0]["grade"], rows[0]["grade_rank"]) == (
        "illegible",
        "",
        "",
    )


def test_formula_cells_are_neutralised(client, db):
    make_inspection(
        "wigan",
        Framework.SIF,
        date(2015, 1, 5),
        [J('=HYPERLINK("http://evil")', "Good", "+section")],
        [R("@SUM(A1:A2)", "-minus"), R("Plain text with = inside")],
        lead_inspector="=cmd|' /C calc'!A0",
    )
    _, judgements = read_csv(client.get("/judgements.csv"))
    assert judgements[0]["label"] == '\'=HYPERLINK("http://evil")'
    assert judgements[0]["section"] == "'+section"
    _, recommendations = read_csv(client.get("/recommendations.csv"))
    assert [r["text"] for r in recommendations] == ["'@SUM(A1:A2)", "Plain text with = inside"]
    assert recommendations[0]["section"] == "'-minus"
    _, inspections = read_csv(client.get("/inspections.csv"))
    assert inspections[0]["lead_inspector"] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 151", "'+44 151"),
        ("-3", "'-3"),
        ("@here", "'@here"),
        ("\tTab", "'\tTab"),
        ("Good", "Good"),
        (None, ""),
        (date(2010, 2, 1), "2010-02-01"),
        (3, "3"),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_recommendations_csv_follows_the_page_filters(client, merseyside):
    query = {"authority": "knowsley", "q": "care leavers"}
    page = client.get("/recommendations/", query)
    header, rows = read_csv(client.get("/recommendations.csv", query))
    assert header == RECOMMENDATION_HEADER
    assert [r["text"] for r in rows] == [r.text for r in page.context["page_obj"]]
    assert rows[0]["framework"] == "SIF" and rows[0]["timescale"] == "Immediately"
    assert rows[0]["kind"] == "Recommendation"
    _, rows = read_csv(
        client.get("/recommendations.csv", {"timescale": Timescale.WITHIN_SIX_MONTHS})
    )
    assert len(rows) == 3 and {r["timescale"] for r in rows} == {"Within six months"}


def test_inspections_csv_counts_and_overall_grade(client, merseyside):
    header, rows = read_csv(client.get("/inspections.csv", {"authority": "knowsley"}))
    assert header == INSPECTION_HEADER
    assert [r["framework"] for r in rows] == [
        "APA",
        "Safeguarding and looked after children",
        "SIF",
        "SIF re-inspection",
        "ILACS standard",
        "ILACS standard",
    ]
    assert [r["overall_grade"] for r in rows] == [
        "Outstanding",
        "",
        "Inadequate",
        "Requires improvement",
        "Requires improvement",
        "Inadequate",
    ]
    assert [int(r["judgements"]) for r in rows] == [3, 6, 5, 5, 4, 5]
    assert [int(r["recommendations"]) for r in rows] == [1, 3, 1, 1, 1, 1]
    assert rows[0]["title"].startswith("2006 ANNUAL PERFORMANCE ASSESSMENT")


def test_compare_csv_has_one_row_per_grid_cell(client, merseyside):
    # The years shown are the years exported: the default ten leave St Helens 2012 out.
    _, recent = read_csv(
        client.get("/compare.csv?authority=st-helens&area=children-in-care&to=2020")
    )
    assert [r["inspection_start"] for r in recent] == ["2019-06-03"]
    query = (
        "authority=knowsley&authority=liverpool&authority=st-helens&area=overall"
        "&area=children-in-care&from=2006"
    )
    grids = client.get(f"/compare/?{query}").context["grids"]
    cells = [
        (authority.name, cell.start_date.isoformat(), grid.area.label)
        for grid in grids
        for authority, cell in grid.cells()
    ]
    header, rows = read_csv(client.get(f"/compare.csv?{query}"))
    assert header.startswith("la_name,old_la_code,new_la_code,region_name,area,")
    assert [(r["la_name"], r["inspection_start"], r["area"]) for r in rows] == cells
    slac_row = next(
        r for r in rows if r["la_name"] == "St Helens" and r["inspection_start"] == "2012-06-25"
    )
    assert (slac_row["grade_as_printed"], slac_row["grade"], slac_row["grade_rank"]) == (
        "Adequate",
        "Requires improvement",
        "3",
    )
    assert slac_row["section"] == "Services for looked after children"


def test_compare_csv_accepts_neighbours_without_redirecting(client, merseyside):
    _, rows = read_csv(client.get("/compare.csv", {"neighbours_of": "knowsley", "area": "overall"}))
    # Of Knowsley's ten neighbours, St Helens and Liverpool have inspections here.
    assert {r["la_name"] for r in rows} == {"Knowsley", "St Helens", "Liverpool"}


def test_csv_leaves_out_drafts(client, merseyside):
    ilacs("wigan", date(2025, 1, 6), "Good", "Good", "Good", "Good", published=False)
    for url in ("/judgements.csv", "/recommendations.csv", "/inspections.csv"):
        _, rows = read_csv(client.get(url))
        assert rows and "Wigan" not in {r["la_name"] for r in rows}
