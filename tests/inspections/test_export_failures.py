"""An export that fails part way never looks complete, and a page past the end is a 400
before anything is streamed."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError

import inspections.csv_export as csv_export
from inspections.csv_export import FAILED_LINE
from inspections.json_export import FAILED_MARKER

pytestmark = pytest.mark.django_db

HUGE = 9223372036854775807


@pytest.fixture
def database_stops(monkeypatch):
    """The database stops after three rows of any export read from a queryset."""
    real = csv_export.table_rows

    def failing(*args, **kwargs):
        for number, row in enumerate(real(*args, **kwargs)):
            if number == 3:
                raise OperationalError("server closed the connection unexpectedly")
            yield row

    monkeypatch.setattr(csv_export, "table_rows", failing)


def received(response) -> tuple[bytes, Exception | None]:
    """What a client receives before the server aborts the transfer, and why it did."""
    assert response.status_code == 200
    pieces = []
    try:
        for piece in response.streaming_content:
            pieces.append(piece)
    except Exception as error:  # the server drops the connection here
        return b"".join(pieces), error
    return b"".join(pieces), None


def test_a_csv_cut_by_a_database_error_says_so_and_is_aborted(client, merseyside, database_stops):
    text, error = received(client.get("/judgements.csv?authority=knowsley"))

    assert isinstance(error, OperationalError)  # raised again: the transfer is aborted
    lines = text.decode("utf-8-sig").split("\r\n")
    assert lines[-2] + "\r\n" == FAILED_LINE and lines[-1] == ""
    assert len(lines) == 1 + 3 + 2  # header, the three rows read, the marker


def test_a_json_page_cut_by_a_database_error_does_not_parse(client, merseyside, database_stops):
    text, error = received(client.get("/judgements.json?authority=knowsley&page_size=50"))

    assert isinstance(error, OperationalError)
    assert FAILED_MARKER.encode() in text
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


def test_without_the_failure_the_same_exports_are_whole(client, merseyside):
    text, error = received(client.get("/judgements.csv?authority=knowsley"))
    assert error is None and FAILED_LINE.encode() not in text
    page, error = received(client.get("/judgements.json?authority=knowsley&page_size=50"))
    assert error is None and json.loads(page)["count"] > 3


@pytest.mark.parametrize(
    "url",
    [
        f"/judgements.json?page={HUGE}",
        f"/judgements.json?page={HUGE}&authority=knowsley",
        f"/judgements.json?page={HUGE}&page_size=50000",
        f"/compare.json?authority=knowsley&page={HUGE}",
        f"/authorities.json?page={HUGE}",
        "/judgements.json?page=" + "9" * 5000,
        "/judgements.json?page=3&page_size=50000",
    ],
)
@pytest.mark.parametrize("stored", [False, True])
def test_a_page_past_the_last_is_a_400_saying_which_is_last(
    client, merseyside, settings, tmp_path, url, stored
):
    if stored:
        settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    (message,) = response.json()["errors"]["page"]
    assert "past the last page" in message or "whole numbers" in message


@pytest.mark.parametrize("stored", [False, True])
def test_the_last_page_and_an_empty_first_page_are_answered(
    client, merseyside, settings, tmp_path, stored
):
    if stored:
        settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    count = json.loads(b"".join(client.get("/judgements.json").streaming_content))["count"]
    last = json.loads(
        b"".join(client.get(f"/judgements.json?page={count}&page_size=1").streaming_content)
    )
    assert len(last["results"]) == 1 and last["next"] is None
    assert client.get(f"/judgements.json?page={count + 1}&page_size=1").status_code == 400

    empty = client.get("/judgements.json?date_from=2099-01-01")
    assert json.loads(b"".join(empty.streaming_content))["results"] == []
