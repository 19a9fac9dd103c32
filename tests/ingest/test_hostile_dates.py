"""Impossible dates (issue 21, medium 3): a range that runs backwards within one month is
refused, never moved into another year; a year no report can bear (0001, 2099) is a
warning and the inspection is held as a draft, never published by the ingest."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ingest.load import Status, ingest_bytes
from ingest.parsers.common import implausible_dates, parse_date_range
from ingest.parsers.focused_visit import _read_dates
from inspections.models import Inspection
from tests.samples import CORPUS_FIXTURES

HALTON = CORPUS_FIXTURES / "halton-2024-07-12-children-s-services-inspection.txt"  # ILACS
CAMDEN = CORPUS_FIXTURES / "camden-2023-12-05-children-s-services-focused-visit.txt"


def halton(dates: str) -> bytes:
    """Halton's 2024 ILACS report as text, its inspection dates printed as ``dates``."""
    text = HALTON.read_text(encoding="utf-8")
    assert "Inspection dates: 13 to 24 May 2024" in text
    return text.replace("13 to 24 May 2024", dates, 1).encode()


@pytest.mark.parametrize(
    "text",
    ["29 to 18 November 2024", "29 - 18 November 2024", "29 November to 18 November 2024"],
)
def test_a_range_running_backwards_within_a_month_is_not_moved_into_another_year(text):
    assert parse_date_range(text) == (date(2024, 11, 29), date(2024, 11, 18))


def test_a_range_across_new_year_still_starts_in_the_year_before():
    assert parse_date_range("29 December - 9 January 2015") == (
        date(2014, 12, 29),
        date(2015, 1, 9),
    )
    assert _read_dates("29 December and 2 January 2019", None) == (
        date(2018, 12, 29),
        date(2019, 1, 2),
    )


def test_a_visit_running_backwards_within_a_month_is_not_moved_into_another_year():
    assert _read_dates("29 and 18 November 2024", None) == (
        date(2024, 11, 29),
        date(2024, 11, 18),
    )


@pytest.mark.parametrize(
    ("start", "warned"),
    [
        (date(2099, 11, 18), True),
        (date(1, 1, 1), True),
        (date(2004, 12, 31), True),
        (date(2005, 1, 1), False),
        (date(2027, 12, 31), False),  # next year, from 2026
        (date(2028, 1, 1), True),
    ],
)
def test_years_outside_2005_to_next_year_are_warned(start, warned):
    from ingest.parsers.base import ParsedReport

    report = ParsedReport(
        framework="ilacs",
        inspection_type="standard",
        authority_name="Halton",
        title="",
        start_date=start,
        end_date=start,
        published_on=None,
        lead_inspector="",
        parser_version="x",
    )
    warnings = implausible_dates(report, today=date(2026, 6, 1))
    assert bool(warnings) == warned
    if warned:
        assert warnings[0].startswith(f"The start date reads as {start.isoformat()}, outside")
        assert "2005 to 2027" in warnings[0]


@pytest.mark.django_db
def test_a_report_whose_dates_run_backwards_is_refused_naming_them():
    result = ingest_bytes(halton("29 to 18 November 2024"), "halton.txt")

    assert result.status == Status.FAILED
    assert "run backwards (2024-11-29 to 2024-11-18)" in result.message
    assert not Inspection.objects.exists()


@pytest.mark.django_db
def test_a_focused_visit_whose_dates_run_backwards_is_refused_naming_them():
    text = CAMDEN.read_text(encoding="utf-8")
    assert "on 31 October and 1 November 2023" in text
    text = text.replace("on 31 October and 1 November 2023", "on 29 and 18 November 2023")

    result = ingest_bytes(text.encode(), "camden.txt")

    assert result.status == Status.FAILED
    assert "run backwards (2023-11-29 to 2023-11-18)" in result.message
    assert not Inspection.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dates", "year"), [("13 to 24 May 2099", "2099"), ("13 to 24 May 0001", "0001")]
)
def test_a_year_no_report_bears_is_a_warning_and_the_inspection_a_draft(dates, year):
    result = ingest_bytes(halton(dates), "halton.txt")

    assert result.status == Status.CREATED, result.message
    assert "held as a draft" in result.message
    inspection = result.inspection
    assert not inspection.is_published
    assert any(
        f"start date reads as {year}-05-13" in warning for warning in inspection.parse_warnings
    )
    assert any(
        f"end date reads as {year}-05-24" in warning for warning in inspection.parse_warnings
    )


@pytest.mark.django_db
def test_the_command_does_not_publish_an_inspection_dated_2099(tmp_path):
    path = tmp_path / "halton.txt"
    path.write_bytes(halton("13 to 24 May 2099"))
    out = StringIO()

    call_command("ingest", str(path), stdout=out)

    assert "created" in out.getvalue() and "held as a draft" in out.getvalue()
    assert Inspection.objects.count() == 1
    assert not Inspection.objects.published().exists()


@pytest.mark.django_db
def test_the_dry_run_says_a_draft_would_be_held(tmp_path):
    result = ingest_bytes(halton("13 to 24 May 2099"), "halton.txt", dry_run=True)

    assert result.status == Status.WOULD_CREATE
    assert "would be held as a draft" in result.message
    assert any("2099-05-13" in warning for warning in result.report.warnings)
