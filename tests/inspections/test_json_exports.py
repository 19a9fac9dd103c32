"""JSON beside every CSV: same filters, same columns, in pages, with ETag/Last-Modified."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db

TWINS = [
    ("/judgements", "?authority=knowsley"),
    ("/recommendations", "?authority=knowsley"),
    ("/inspections", "?region=north-west"),
    ("/compare", "?authority=knowsley&authority=liverpool&area=overall"),
    ("/authorities", "?region=north-west"),
]


def _csv(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _json(response) -> dict:
    assert response["Content-Type"] == "application/json"
    return json.loads(b"".join(response.streaming_content))


def _json_all(client, url: str) -> tuple[list[str], list[dict]]:
    rows, columns = [], None
    while url:
        body = _json(client.get(url))
        columns = columns or body["columns"]
        rows += body["results"]
        url = body["next"]
    return columns, rows


@pytest.mark.parametrize(("base", "query"), TWINS)
def test_json_carries_the_csv_rows_and_columns(client, merseyside, base, query):
    csv_rows = _csv(client, f"{base}.csv{query}")
    columns, json_rows = _json_all(client, f"{base}.json{query}&page_size=3")

    assert columns == list(csv_rows[0].keys())
    assert len(json_rows) == len(csv_rows) > 3  # so that it took several pages
    for from_csv, from_json in zip(csv_rows, json_rows, strict=True):
        as_text = {
            key: ""
            if value is None
            else str(value).lower()
            if isinstance(value, bool)
            else str(value)
            for key, value in from_json.items()
        }
        # CSV defuses formula-like text with an apostrophe; JSON keeps the text as it is.
        assert as_text == {key: value.removeprefix("'") for key, value in from_csv.items()}


def test_pages_link_to_each_other(client, merseyside):
    first = _json(client.get("/judgements.json?page_size=2"))
    assert first["page"] == 1 and first["previous"] is None
    assert "page=2" in first["next"] and first["next"].startswith("http://testserver/")
    second = _json(client.get(first["next"]))
    assert "page=1" in second["previous"]
    assert second["results"] != first["results"]


def test_conditional_requests_get_304_until_the_data_changes(client, merseyside):
    first = client.get("/inspections.json")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/inspections.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304

    inspection = merseyside["knowsley"][0]
    inspection.lead_inspector = "Someone Else"
    inspection.save()  # bumps the data version when the transaction commits
    from inspections.freshness import bump

    bump()  # the test's transaction never commits: bump as the commit would
    changed = client.get("/inspections.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/judgements.json?date_from=2024-13-45",
        "/inspections.json?framework=nonsense",
        "/judgements.json?page=0",
        "/judgements.json?page_size=100000",
        "/recommendations.json?page=two",
    ],
)
def test_an_invalid_filter_or_page_is_a_400_saying_why(client, merseyside, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["errors"]


def test_the_authority_list_exports_latest_grades(client, merseyside):
    rows = _csv(client, "/authorities.csv?region=north-west")
    knowsley = next(row for row in rows if row["la_name"] == "Knowsley")
    assert knowsley["old_la_code"] == "340" and knowsley["new_la_code"] == "E08000011"
    assert knowsley["overall_grade"] in {
        "Outstanding",
        "Good",
        "Requires improvement",
        "Inadequate",
    }
    assert knowsley["authority_url"] == "http://testserver/authorities/knowsley/"
    assert knowsley["overall_inspection_url"].startswith("http://testserver/authorities/knowsley/")


def test_the_api_page_documents_every_export_with_working_examples(client, merseyside):
    page = client.get("/api/").content.decode()
    for name in ("judgements", "recommendations", "inspections", "compare", "authorities"):
        assert f"/{name}.json" in page and f"/{name}.csv" in page
    import re

    for example in set(re.findall(r'href="(/[a-z]+\.(?:json|csv)\?[^"]*)"', page)):
        assert client.get(example.replace("&amp;", "&").replace("&quot;", '"')).status_code == 200


def test_source_file_is_ofsteds_copy_where_none_is_stored(client, merseyside):
    inspection = merseyside["knowsley"][-1]
    inspection.source_file.name = ""
    inspection.ofsted_url = "https://files.ofsted.gov.uk/v1/file/50267008"
    inspection.save()
    rows = _csv(client, "/inspections.csv?authority=knowsley")
    assert rows[-1]["source_file"] == "https://files.ofsted.gov.uk/v1/file/50267008"
    assert rows[0]["source_file"].startswith("http://testserver/authorities/knowsley/")


def test_errors_are_keyed_by_the_parameter_and_the_csv_names_it_in_words(client, merseyside):
    errors = client.get("/judgements.json?date_from=2024-13-45&framework=nonsense").json()
    assert set(errors["errors"]) == {"date_from", "framework"}
    text = client.get("/judgements.xlsx?date_from=2024-13-45").content.decode()
    assert "Inspected from: Enter a valid date." in text
