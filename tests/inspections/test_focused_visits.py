"""Focused visits on the pages: markers and rows between inspections, never grades."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from vocabulary import RecommendationKind

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowsley_with_visits(merseyside):
    plain = factories.focused_visit("knowsley", date(2018, 10, 30))
    priority = factories.focused_visit(
        "knowsley",
        date(2019, 5, 1),
        focus="Inspectors looked at the local authority's arrangements for the front door.",
        priority=["Delays in case allocation.", "The quality of planning for children."],
        improve=["Supervision.", "Caseloads.", "Return home interviews."],
    )
    return plain, priority


def _body(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_timeline_has_a_row_for_each_visit_flagging_priority_actions(
    client, knowsley_with_visits
):
    plain, priority = knowsley_with_visits
    page = _body(client.get("/authorities/knowsley/"))
    assert "6 inspections and 2 visits since 2006" in page
    assert page.count('<tr class="visit">') == 2
    assert "2 areas for priority action" in page
    assert "3 areas for improvement" in page
    assert "arrangements for the front door" in page
    # Rows in date order: the 2018 and 2019 visits sit between the 2017 and 2021 inspections.
    table = page[page.index('<table class="data timeline-table">') :]
    rows = [
        table.index(text)
        for text in (
            "2017 SIF re-inspection",
            "2018 Focused visit",
            "2019 Focused visit",
            "2021 ILACS standard",
        )
    ]
    assert rows == sorted(rows)
    # The latest inspection is still the latest graded one, not a visit.
    assert "Latest inspection: <a" in page and "2024 ILACS standard</a>" in page


def test_the_chart_draws_visits_as_markers_not_grades(client, knowsley_with_visits):
    page = _body(client.get("/authorities/knowsley/"))
    start = page.index('<script id="timeline-data" type="application/json">')
    data = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert len(data["labels"]) == 6  # the graded inspections only
    assert [(m["label"], m["priority"]) for m in data["markers"]] == [
        ("2018 Focused visit", 0),
        ("2019 Focused visit", 2),
    ]
    assert all(m["url"].startswith("/authorities/knowsley/inspections/") for m in data["markers"])


def test_days_since_the_last_visit(client, knowsley_with_visits):
    _, latest = knowsley_with_visits
    page = _body(client.get("/authorities/knowsley/"))
    days = (date.today() - latest.end_date).days
    assert f"ended {latest.end_date:%-d %B %Y}, {days} days ago" in page
    other = _body(client.get("/authorities/liverpool/"))
    assert "No visit is recorded." in other


def test_a_visit_page_says_it_is_not_graded_and_what_it_looked_at(client, knowsley_with_visits):
    _, priority = knowsley_with_visits
    page = _body(client.get(priority.get_absolute_url()))
    assert "Not graded: a focused visit reports its findings in a letter" in page
    assert "arrangements for the front door" in page
    assert "Delays in case allocation." in page


def test_inspections_filter_by_kind(client, knowsley_with_visits):
    visits = _body(client.get("/inspections/?kind=visit"))
    assert "2 focused visits." in visits and "not graded (visit)" in visits
    graded = _body(client.get("/inspections/?kind=inspection&authority=knowsley"))
    assert "6 inspections." in graded and "Focused visit</a>" not in graded
    bad = client.get("/inspections.csv?kind=graded")
    assert bad.status_code == 400


def test_csv_and_json_carry_visits_with_an_empty_grade(client, knowsley_with_visits):
    response = client.get("/inspections.csv?kind=visit")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["framework"], row["overall_grade"], row["judgements"]) for row in rows] == [
        ("Focused visit", "", "0"),
        ("Focused visit", "", "0"),
    ]
    recommendations = json.loads(
        b"".join(client.get("/recommendations.json?kind=priority-action").streaming_content)
    )
    assert [row["text"] for row in recommendations["results"]] == [
        "Delays in case allocation.",
        "The quality of planning for children.",
    ]
    assert {row["kind"] for row in recommendations["results"]} == {
        RecommendationKind.PRIORITY_ACTION.label
    }


def test_visits_are_not_an_authoritys_latest_inspection(client, knowsley_with_visits):
    factories.focused_visit("liverpool", date(2025, 6, 1))
    page = _body(client.get("/authorities/?sort=-latest"))
    # Liverpool's latest inspection is still its 2023 one: a 2025 visit does not count.
    assert "2025" not in page.split("Liverpool", 1)[1].split("</tr>", 1)[0]
    home = _body(client.get("/"))
    assert "Focused visits" in home
