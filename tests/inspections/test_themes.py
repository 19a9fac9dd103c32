"""Recommendations by national framework theme: the filter, its exports, and the counts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import openpyxl
import pytest

from inspections.models import Recommendation
from vocabulary import Framework, Theme

from .factories import R, make_inspection

pytestmark = pytest.mark.django_db

IMPROVE = "What needs to improve?"


@pytest.fixture
def tagged(db):
    """Knowsley 2025 with three tagged items (one with two themes) and one untagged;
    Liverpool 2025 with one item on outcome 4; a draft with one on outcome 4."""
    make_inspection(
        "knowsley",
        Framework.ILACS,
        date(2025, 3, 3),
        recommendations=[
            R("Life-story work.", IMPROVE, national_framework="outcome 4"),
            R("Missing children.", IMPROVE, national_framework="outcome 3"),
            R("Oversight of plans.", IMPROVE, national_framework="enabler 2; outcome 4"),
            R("Caseloads.", IMPROVE),
        ],
    )
    make_inspection(
        "liverpool",
        Framework.ILACS,
        date(2025, 6, 2),
        recommendations=[R("Pathway plans.", IMPROVE, national_framework="outcome 4")],
    )
    make_inspection(
        "liverpool",
        Framework.ILACS,
        date(2026, 1, 5),
        published=False,
        recommendations=[R("A draft's item.", IMPROVE, national_framework="outcome 4")],
    )


def _csv(client, url: str, query: dict) -> list[dict[str, str]]:
    response = client.get(url, query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_field_holds_themes_and_refuses_other_words(tagged):
    row = Recommendation.objects.get(text="Oversight of plans.")
    assert row.themes == [Theme.ENABLER_2, Theme.OUTCOME_4]
    row.full_clean()
    row.national_framework = "outcome 9; Outcome 1"
    with pytest.raises(Exception) as error:
        row.full_clean()
    assert "Not a national framework theme: outcome 9, Outcome 1" in str(error.value)


def test_the_page_lists_only_the_theme_asked_for_whole_not_as_part_of_another(client, tagged):
    response = client.get("/recommendations/", {"theme": "outcome 4"})
    assert response.status_code == 200
    texts = [r.text for r in response.context["page_obj"]]
    assert texts == ["Life-story work.", "Oversight of plans.", "Pathway plans."]
    assert ("National framework theme", Theme.OUTCOME_4.label) in response.context["active_filters"]
    page = response.content.decode()
    assert 'title="Enabler 2: leaders drive conditions for effective practice">Enabler 2<' in page


@pytest.mark.parametrize(("theme", "count"), [("enabler 2", 1), ("outcome 3", 1), ("outcome 1", 0)])
def test_each_export_follows_the_theme_filter(client, tagged, theme, count):
    rows = _csv(client, "/recommendations.csv", {"theme": theme})
    assert len(rows) == count
    assert all(theme in row["national_framework"].split("; ") for row in rows)

    body = json.loads(
        b"".join(client.get("/recommendations.json", {"theme": theme}).streaming_content)
    )
    assert "national_framework" in body["columns"]
    assert [r["national_framework"] for r in body["results"]] == [
        r["national_framework"] for r in rows
    ]

    response = client.get("/recommendations.xlsx", {"theme": theme})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *cells = list(sheet.values)
    column = header.index("national_framework")
    assert [row[column] for row in cells] == [r["national_framework"] for r in rows]


def test_the_column_is_blank_where_no_theme_is_printed(client, tagged):
    rows = _csv(client, "/recommendations.csv", {"authority": "knowsley"})
    assert [(r["text"], r["national_framework"]) for r in rows] == [
        ("Life-story work.", "outcome 4"),
        ("Missing children.", "outcome 3"),
        ("Oversight of plans.", "enabler 2; outcome 4"),
        ("Caseloads.", ""),
    ]


def test_an_unknown_theme_is_refused_clearly_never_a_500(client, tagged):
    page = client.get("/recommendations/", {"theme": "outcome 9"})
    assert page.status_code == 200
    assert list(page.context["page_obj"]) == []
    assert "Select a valid choice" in page.content.decode()
    for suffix in ("csv", "json", "xlsx"):
        response = client.get(f"/recommendations.{suffix}", {"theme": "outcome 9"})
        assert response.status_code == 400
        assert b"outcome 9" in response.content or b"valid choice" in response.content


def test_the_api_page_lists_the_theme_parameter_with_its_values(client, db):
    page = client.get("/api/").content.decode()
    assert "theme" in page and "outcome 4" in page and "national_framework" in page


def test_the_authority_page_counts_its_recommendations_by_theme_with_links(client, tagged):
    response = client.get("/authorities/knowsley/")
    counts = {row.theme: (row.count, row.url) for row in response.context["theme_counts"]}
    # The item tagged with two themes counts under both; untagged ones under none.
    assert {theme: count for theme, (count, _) in counts.items()} == {
        Theme.OUTCOME_3: 1,
        Theme.OUTCOME_4: 2,
        Theme.ENABLER_2: 1,
    }
    url = counts[Theme.OUTCOME_4][1]
    assert url == "/recommendations/?authority=knowsley&theme=outcome+4"
    assert f'href="{url.replace("&", "&amp;")}"' in response.content.decode()
    listed = client.get(url).context["paginator"].count
    assert listed == 2


def test_an_authority_with_no_themes_says_so(client, tagged):
    response = client.get("/authorities/liverpool/")
    assert [row.count for row in response.context["theme_counts"]] == [1]
    # A draft's themes are not counted anywhere.
    assert client.get("/authorities/wirral/").status_code == 200


def test_the_recommendations_page_counts_england_by_theme_and_each_count_is_its_list(
    client, tagged
):
    response = client.get("/recommendations/")
    counts = response.context["theme_counts"]
    assert [(row.theme, row.count) for row in counts] == [
        (Theme.OUTCOME_3, 1),
        (Theme.OUTCOME_4, 3),  # the draft's is not counted
        (Theme.ENABLER_2, 1),
    ]
    for row in counts:
        assert client.get(row.url).context["paginator"].count == row.count
    assert "England's recommendations by national framework theme" in (response.content.decode())


def test_the_counts_follow_the_other_filters_but_not_the_theme(client, tagged):
    response = client.get("/recommendations/", {"authority": "liverpool", "theme": "outcome 3"})
    counts = response.context["theme_counts"]
    assert [(row.theme, row.count) for row in counts] == [(Theme.OUTCOME_4, 1)]
    assert counts[0].url == "/recommendations/?authority=liverpool&theme=outcome+4"


def test_a_theme_and_a_text_search_combine(client, tagged):
    response = client.get("/recommendations/", {"q": "plans", "theme": "outcome 4"})
    assert {r.text for r in response.context["page_obj"]} == {
        "Oversight of plans.",
        "Pathway plans.",
    }
    counts = [(row.theme, row.count) for row in response.context["theme_counts"]]
    assert counts == [(Theme.OUTCOME_4, 2), (Theme.ENABLER_2, 1)]
    rows = _csv(client, "/recommendations.csv", {"q": "plans", "theme": "enabler 2"})
    assert [r["text"] for r in rows] == ["Oversight of plans."]
