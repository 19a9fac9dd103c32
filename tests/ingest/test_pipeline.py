"""ingest.pipeline: the one way in for the command, the upload and re-parse."""

from __future__ import annotations

import time
from datetime import date

import pytest

from ingest import pipeline, sandbox
from ingest.load import Listing, Status, sha256_of
from ingest.pipeline import Options, Source
from inspections.models import Inspection
from tests.samples import sample_path

pytestmark = pytest.mark.django_db

K2017 = sample_path("text/knowsley-2017-services-for-children-reinspection.txt").read_bytes()
K2006 = sample_path("text/knowsley-2006-annual-performance-assessment.txt").read_bytes()


def source(name: str, data: bytes, size: int | None = None) -> Source:
    return Source(name=name, read=lambda: data, size=len(data) if size is None else size)


def test_results_come_in_the_order_given_whatever_order_the_files_are_read_in(reference_data):
    small = source("small.txt", K2006, size=1)
    large = source("large.txt", K2017, size=10**9)
    results = list(pipeline.ingest([small, large], Options(jobs=2)))
    assert [(r.name, r.status) for r in results] == [
        ("small.txt", Status.CREATED),
        ("large.txt", Status.CREATED),
    ]
    assert Inspection.objects.count() == 2


def test_a_bad_file_is_a_refusal_naming_it_and_the_others_are_stored(reference_data):
    def vanished() -> bytes:
        raise FileNotFoundError(2, "No such file or directory")

    results = list(
        pipeline.ingest(
            [
                Source(name="gone.pdf", read=vanished),
                source("page.pdf", b"<!DOCTYPE html><html><body>Not found</body></html>"),
                source("k.txt", K2017),
            ]
        )
    )
    assert [r.status for r in results] == [Status.FAILED, Status.FAILED, Status.CREATED]
    assert results[0].message == "gone.pdf: cannot be read (No such file or directory)"
    assert results[0].reason == "cannot be read (No such file or directory)"
    assert results[1].message.startswith("page.pdf: ") and "HTML" in results[1].message
    assert Inspection.objects.count() == 1


def test_a_listing_by_sha256_gives_the_publication_date_and_address(reference_data):
    listing = Listing(published_on=date(2017, 6, 1), url="https://example.org/report.pdf")
    result = pipeline.ingest_one(
        source("k.txt", K2017), Options(listings={sha256_of(K2017): listing})
    )
    assert result.inspection.ofsted_url == "https://example.org/report.pdf"


def test_past_the_deadline_files_are_refused_unread(reference_data, settings, monkeypatch):
    settings.INGEST_UPLOAD_DEADLINE_SECONDS = 60
    monkeypatch.setattr(sandbox, "PREPARE_FUNCTION", "tests.ingest.workers:sleep_forever")
    started = time.monotonic()
    results = list(
        pipeline.ingest(
            [source("a.txt", K2017), source("b.txt", K2006)],
            Options(deadline=time.monotonic() + 0.5),
        )
    )
    assert time.monotonic() - started < 10
    assert all(r.failed for r in results)
    assert all(r.reason.startswith("not read: this upload took all the time") for r in results)


def test_a_file_that_changes_while_it_is_read_is_stored_as_it_is_now(reference_data):
    versions = iter([K2006, K2017])
    state = {"data": next(versions)}

    def read() -> bytes:
        data = state["data"]
        state["data"] = next(versions, data)  # the second read sees the new file
        return data

    result = pipeline.ingest_one(Source(name="k.txt", read=read))
    assert result.status == Status.CREATED
    assert result.inspection.sha256 == sha256_of(K2017)
