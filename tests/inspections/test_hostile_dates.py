"""Hostile dates (issue 21, High 1): England as at a date far in the future or the past,
or not a date at all, is a quick 400 saying which dates it can answer; no request walks
the chart quarter by quarter to the year 9990."""

from __future__ import annotations

import json
import time
from datetime import date, timedelta

import pytest

from inspections.england import EARLIEST_AS_AT, England, as_at_range, parse_as_at
from vocabulary import Framework

from .factories import J, make_inspection

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 6)
ENGLAND = ("/england/", "/england.csv", "/england.json")


def _hostile_dates() -> list[str]:
    """The review's dates, and others at and beyond each edge."""
    return [
        "9990-01-01",  # the review's: 80 s and 4 MB before
        "9999-12-31",  # the review's: a 500 (year 10000 is out of range)
        "0001-01-01",
        (TODAY + timedelta(days=1)).isoformat(),
        "2100-03-31",
        (EARLIEST_AS_AT - timedelta(days=1)).isoformat(),
        "1970-01-01",
        *(f"{year:04d}-06-30" for year in range(1000, 10000, 1500)),
    ]


GARBAGE = [
    "garbage",
    "2024-02-30",
    "10000-01-01",
    "-2024-01-01",
    "2024-03-31T25:00",
    "31/03/2024",
    "9" * 5000,
    "2024-03-31\u202e",
    "２０２４-０３-３１",
]


@pytest.fixture
def two(clock):
    clock.set(TODAY)
    make_inspection(
        "knowsley",
        Framework.ILACS,
        date(2021, 10, 11),
        [J("Overall effectiveness", "Requires improvement", "J")],
        published_on=date(2021, 12, 3),
    )
    make_inspection(
        "liverpool",
        Framework.ILACS,
        date(2023, 3, 13),
        [J("Overall effectiveness", "Inadequate", "J")],
        published_on=date(2023, 5, 2),
    )


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.mark.parametrize("path", ENGLAND)
@pytest.mark.parametrize("as_at", _hostile_dates())
def test_a_date_outside_the_range_is_a_quick_400_naming_the_range(client, two, path, as_at):
    started = time.monotonic()
    response = client.get(path, {"as_at": as_at})
    body = _body(response)

    assert time.monotonic() - started < 3
    assert response.status_code == 400
    assert f"from {EARLIEST_AS_AT:%-d %B %Y}" in body and "6 December 2026" in body, body
    assert f"{date.fromisoformat(as_at).isoformat()} is outside that range" in body


@pytest.mark.parametrize("path", ENGLAND)
@pytest.mark.parametrize("as_at", GARBAGE)
def test_a_value_that_is_not_a_date_is_a_400_saying_how_to_write_one(client, two, path, as_at):
    response = client.get(path, {"as_at": as_at})

    assert response.status_code == 400
    assert "YYYY-MM-DD" in _body(response)


def test_the_page_says_what_is_wrong_and_offers_the_form_with_the_range(client, two):
    response = client.get("/england/", {"as_at": "9999-12-31"})
    page = response.content.decode()

    assert response.status_code == 400
    assert 'role="alert"' in page
    assert f"The date must be from {EARLIEST_AS_AT:%-d %B %Y}" in page
    assert f'min="{EARLIEST_AS_AT.isoformat()}" max="2026-12-06"' in page
    assert "shares-data" not in page  # no chart, no tables


def test_the_json_says_why_under_the_parameter(client, two):
    response = client.get("/england.json", {"as_at": "0001-01-01"})

    errors = json.loads(response.content)["errors"]
    assert list(errors) == ["as_at"]
    assert "0001-01-01 is outside that range" in errors["as_at"][0]


@pytest.mark.parametrize("as_at", [EARLIEST_AS_AT.isoformat(), "2024-03-31", TODAY.isoformat(), ""])
@pytest.mark.parametrize("path", ENGLAND)
def test_every_date_in_the_range_is_answered(client, two, path, as_at):
    response = client.get(path, {"as_at": as_at})
    body = _body(response)

    assert response.status_code == 200, body
    if path == "/england/":
        chart = response.context["chart"]
        expected_last = (as_at and date.fromisoformat(as_at)) or TODAY
        assert chart["labels"] == [] or chart["labels"][-1] <= expected_last.isoformat()


def test_the_range_ends_today_and_moves_with_the_day(clock):
    clock.set(date(2030, 1, 1))
    assert as_at_range() == (EARLIEST_AS_AT, date(2030, 1, 1))
    assert parse_as_at("2030-01-01") == date(2030, 1, 1)
    assert parse_as_at("  ") == date(2030, 1, 1)


def test_the_chart_never_walks_past_today_whatever_it_is_asked(two):
    started = time.monotonic()
    chart = England().shares_over_time("overall", date(9999, 12, 31))

    assert time.monotonic() - started < 3
    assert chart["labels"][0] == "2014-03-31"
    assert chart["labels"][-1] == "2026-09-30"  # the last quarter ended by today
    assert len(chart["labels"]) == 51


@pytest.mark.parametrize(
    "path",
    [
        "/judgements/",
        "/judgements.csv",
        "/judgements.json",
        "/recommendations/",
        "/recommendations.csv",
        "/recommendations.json",
        "/inspections/",
        "/inspections.csv",
        "/inspections.json",
    ],
)
@pytest.mark.parametrize(
    "value", ["9990-01-01", "9999-12-31", "0001-01-01", "10000-01-01", "garbage"]
)
def test_date_filters_at_the_edges_of_the_calendar_are_answered_or_refused(
    client, two, path, value
):
    for query in ({"date_from": value}, {"date_to": value}, {"date_from": value, "date_to": value}):
        started = time.monotonic()
        response = client.get(path, query)
        _body(response)

        assert response.status_code in (200, 400), (path, query)
        assert time.monotonic() - started < 3
