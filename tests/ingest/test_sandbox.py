"""The parse of an uploaded file runs in a worker process that is stopped past a time limit."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from ingest import sandbox
from ingest.errors import ParseTimeout
from ingest.load import prepare
from ingest.sandbox import WorkerFailed, prepare_isolated, run_isolated
from tests.review.factories import K2017_TEXT, read_sample


def test_a_slow_parse_is_stopped_at_the_time_limit():
    started = time.perf_counter()

    with pytest.raises(ParseTimeout) as raised:
        run_isolated("tests.ingest.workers:sleep_forever", timeout=0.5, description="slow.pdf")

    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"the worker was not stopped in time ({elapsed:.1f} s)"
    assert str(raised.value).startswith("slow.pdf: this file could not be read within 0.5 seconds")
    assert "was stopped" in str(raised.value)
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("ingest-sandbox")]


def test_prepare_isolated_turns_a_timeout_into_a_refusal(monkeypatch):
    monkeypatch.setattr(sandbox, "PREPARE_FUNCTION", "tests.ingest.workers:sleep_forever")

    prepared = prepare_isolated(b"%PDF-1.4 hostile", "hostile.pdf", timeout=0.3)

    assert prepared.report is None
    assert prepared.error.startswith("hostile.pdf: this file could not be read within 0.3 seconds")


def test_prepare_isolated_gives_what_prepare_gives():
    data = read_sample(K2017_TEXT)

    isolated = prepare_isolated(data, "k.txt", timeout=60)
    direct = prepare(data, "k.txt")

    assert isolated.error == ""
    assert isolated.sha256 == direct.sha256
    assert isolated.report.judgements == direct.report.judgements
    assert isolated.report.recommendations == direct.report.recommendations


def test_bad_input_comes_back_as_prepare_reports_it():
    prepared = prepare_isolated(b"<!DOCTYPE html><html></html>", "page.pdf", timeout=60)

    assert prepared.error == "page.pdf: this file is an HTML page, not a PDF or text report"


def test_a_worker_that_dies_is_reported_not_waited_for():
    with pytest.raises(WorkerFailed, match=r"crash\.pdf: reading this file stopped unexpectedly"):
        run_isolated("tests.ingest.workers:crash", timeout=30, description="crash.pdf")


def test_an_exception_in_the_worker_comes_back_as_a_message():
    with pytest.raises(WorkerFailed, match="RuntimeError: parser exploded"):
        run_isolated("tests.ingest.workers:raise_error", timeout=30, description="x.pdf")


def test_a_worker_cannot_take_more_memory_than_allowed():
    with pytest.raises(WorkerFailed, match="more memory than allowed"):
        run_isolated(
            "tests.ingest.workers:allocate",
            3 * 1024**3,
            timeout=30,
            description="bomb.pdf",
            memory_limit=1024**3,
        )


def test_results_and_arguments_cross_the_process_boundary():
    assert run_isolated(
        "tests.ingest.workers:echo", b"\x00bytes", "name", timeout=30, description="e"
    ) == (b"\x00bytes", "name")
