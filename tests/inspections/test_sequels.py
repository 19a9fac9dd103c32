"""What happened next (a visit or inspection beside the next graded inspection) and what came
before (a grade beside the inspection and visits that preceded it), pages and CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowsley_visits(merseyside):
    plain = factories.focused_visit("knowsley", date(2018, 10, 30))
    priority = factories.focused_visit(
        "knowsley", date(2019, 5, 1), priority=["Delays in allocation.", "Planning."]
    )
    between = factories.focused_visit("knowsley", date(2023, 2, 6), priority=["Front door."])
    latest = factories.focused_visit("knowsley", date(2025, 6, 2))
    return plain, priority, between, latest


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_a_visit_with_priority_actions_is_shown_beside_the_next_graded_inspection(
    client, knowsley_visits
):
    response = client.get("/what-happened-next/", {"priority_actions": "on"})
    assert response.status_code == 200
    sequels = response.context["sequels"]
    # Newest first: the 2023 visit (next: the 2024 ILACS) and the 2019 one (next: 2021).
    assert [s.event.start_date for s in sequels] == [date(2023, 2, 6), date(2019, 5, 1)]
    assert [s.next.start_date for s in sequels] == [date(2024, 11, 18), date(2021, 10, 11)]
    assert sequels[1].event.priority_actions == 2
    assert sequels[1].days_to_next == (date(2021, 10, 11) - date(2019, 5, 2)).days
    overall = sequels[0].next_cells[0]
    assert (overall.area, overall.grade) == ("overall", "inadequate")
    body = response.content.decode()
    assert "Requires improvement" in body and "Inadequate" in body
    assert "/authorities/knowsley/inspections/2021-10-11-ilacs/" in body


def test_focused_visits_are_listed_by_default_and_one_with_no_inspection_since_says_so(
    client, knowsley_visits
):
    response = client.get("/what-happened-next/")
    sequels = response.context["sequels"]
    assert len(sequels) == 4  # every visit, priority actions or not; no inspections
    assert sequels[0].event.start_date == date(2025, 6, 2)
    assert sequels[0].next is None
    assert "none yet" in response.content.decode()
    assert response.context["followed"] == 3


def test_inspections_can_be_followed_too(client, merseyside):
    response = client.get("/what-happened-next/", {"kind": "inspection", "authority": "knowsley"})
    pairs = {
        s.event.start_date: s.next.start_date if s.next else None
        for s in response.context["sequels"]
    }
    assert pairs[date(2014, 4, 29)] == date(2017, 3, 13)
    assert pairs[date(2021, 10, 11)] == date(2024, 11, 18)
    assert pairs[date(2024, 11, 18)] is None


def test_an_inspection_whose_grades_were_not_read_is_not_the_next_graded_one(
    client, knowsley_visits
):
    unread = factories.ilacs("knowsley", date(2020, 1, 13), *["(unreadable)"] * 4)
    assert not unread.judgements.exclude(grade="").exists()
    response = client.get("/what-happened-next/", {"priority_actions": "on"})
    assert response.context["sequels"][1].next.start_date == date(2021, 10, 11)


def test_the_page_names_only_the_filters_in_use(client, knowsley_visits):
    unticked = client.get("/what-happened-next/").context["active_filters"]
    assert unticked == [("Kind", "Focused visits (not graded)")]
    ticked = client.get("/what-happened-next/", {"priority_actions": "on"}).context
    assert ("Only visits that set priority actions", "yes") in ticked["active_filters"]


def test_what_happened_next_is_shown_a_page_at_a_time_and_counted_and_exported_whole(
    client, knowsley_visits, monkeypatch
):
    monkeypatch.setattr("inspections.sequel_views.PAGE_SIZE", 3)
    first = client.get("/what-happened-next/")
    second = client.get("/what-happened-next/", {"page": "2"})
    for response in (first, second):
        assert "4 listed; 3 followed by a graded inspection so far." in response.content.decode()
        assert response.context["csv_url"] == "/what-happened-next.csv"
    shown = [
        [s.event.start_date for s in response.context["page_obj"]] for response in (first, second)
    ]
    assert shown == [[date(2025, 6, 2), date(2023, 2, 6), date(2019, 5, 1)], [date(2018, 10, 30)]]
    assert first.content.decode().count('<th scope="row">') == 3
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert second.content.decode().count('<th scope="row">') == 1
    assert len(_csv(client.get(second.context["csv_url"]))) == 4


def test_what_happened_next_csv(client, knowsley_visits):
    rows = _csv(client.get("/what-happened-next.csv", {"priority_actions": "on"}))
    assert [row["start_date"] for row in rows] == ["2023-02-06", "2019-05-01"]
    first = rows[0]
    assert first["la_name"] == "Knowsley"
    assert first["region_name"] == "North West"
    assert first["framework"] == "Focused visit"
    assert first["priority_actions"] == "1"
    assert first["next_start_date"] == "2024-11-18"
    assert first["next_url"].endswith("/authorities/knowsley/inspections/2024-11-18-ilacs/")
    assert first["next_overall_grade"] == "Inadequate"
    assert first["next_children_in_care_grade"] == "Requires improvement"
    assert first["days_to_next"] == str((date(2024, 11, 18) - date(2023, 2, 7)).days)


def test_an_invalid_filter_exports_nothing(client, merseyside):
    response = client.get("/what-happened-next.csv", {"date_from": "not a date"})
    assert response.status_code == 400
    assert "Inspected from" in response.content.decode()


def test_what_came_before_an_inadequate_judgement(client, knowsley_visits):
    response = client.get("/what-came-before/")
    assert response.status_code == 200
    preludes = {
        (p.event.authority_slug, p.event.start_date): p for p in response.context["preludes"]
    }
    knowsley_2024 = preludes[("knowsley", date(2024, 11, 18))]
    assert knowsley_2024.previous.start_date == date(2021, 10, 11)
    assert knowsley_2024.previous_cell.grade == "requires-improvement"
    assert [v.start_date for v in knowsley_2024.visits] == [date(2023, 2, 6)]
    assert knowsley_2024.visits_with_priority_actions == 1
    liverpool_2023 = preludes[("liverpool", date(2023, 3, 13))]
    assert liverpool_2023.previous.start_date == date(2018, 5, 14)
    assert liverpool_2023.visits == ()
    assert all(p.cell.grade == "inadequate" for p in preludes.values())


def test_what_came_before_another_area_and_grade_in_a_region(client, knowsley_visits):
    response = client.get(
        "/what-came-before/", {"area": "children-in-care", "grade": "good", "region": "london"}
    )
    assert response.context["preludes"] == []
    response = client.get("/what-came-before/", {"area": "help-and-protection", "grade": "good"})
    found = {
        (p.event.authority_slug, p.event.start_date.year) for p in response.context["preludes"]
    }
    assert ("st-helens", 2019) in found
    assert all(p.cell.area == "help-and-protection" for p in response.context["preludes"])
    # The same area and grade picked by region: St Helens's only in its own.
    for region, listed in (("north-west", True), ("london", False)):
        response = client.get(
            "/what-came-before/",
            {"area": "help-and-protection", "grade": "good", "region": region},
        )
        slugs = {p.event.authority_slug for p in response.context["preludes"]}
        assert ("st-helens" in slugs) is listed


def test_what_came_before_csv(client, knowsley_visits):
    rows = _csv(client.get("/what-came-before.csv"))
    knowsley = next(
        row for row in rows if row["la_name"] == "Knowsley" and row["start_date"] == "2024-11-18"
    )
    assert knowsley["grade"] == "Inadequate"
    assert knowsley["previous_start_date"] == "2021-10-11"
    assert knowsley["previous_grade"] == "Requires improvement"
    assert knowsley["visits_between"] == "1"
    assert knowsley["visits_with_priority_actions"] == "1"
    assert knowsley["last_visit_start_date"] == "2023-02-06"
    bad = client.get("/what-came-before.csv", {"grade": "superb"})
    assert bad.status_code == 400


def test_the_pages_read_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    factories.bulk_national(authorities=20, inspections_each=4)
    with django_assert_max_num_queries(12):
        assert client.get("/what-happened-next/", {"kind": "inspection"}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/what-came-before/", {"grade": "good"}).status_code == 200


def test_the_form_shows_the_defaults_it_lists(client, merseyside):
    body = client.get("/what-came-before/").content.decode()
    assert '<option value="inadequate" selected>' in body
    assert '<option value="overall" selected>' in body


def test_the_tables_have_json_and_excel_twins(client, knowsley_visits):
    import json
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get("/what-happened-next.json", {"priority_actions": "on"})
    data = json.loads(b"".join(response.streaming_content))
    assert [row["start_date"] for row in data["results"]] == ["2023-02-06", "2019-05-01"]
    assert data["results"][0]["days_to_next"] == (date(2024, 11, 18) - date(2023, 2, 7)).days
    response = client.get("/what-came-before.xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(BytesIO(content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["la_name", "old_la_code", "new_la_code", "region_name"]
    knowsley = next(
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "Knowsley"
    )
    assert knowsley[header.index("visits_between")] == 1  # a number, not text
