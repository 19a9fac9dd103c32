"""The pipeline and the ``ingest`` command under hostile conditions (issue 21): a database
that stops answering mid-run (medium 5), a long list stored as it is read (low)."""

from __future__ import annotations

import logging
import shutil
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection

from ingest import pipeline
from ingest.load import Status, load
from ingest.pipeline import Options, Source
from inspections.models import Inspection
from tests.samples import sample_path

pytestmark = pytest.mark.django_db

TEXTS = [
    "text/knowsley-2006-annual-performance-assessment.txt",
    "text/knowsley-2010-safeguarding-and-looked-after-children.txt",
    "text/knowsley-2017-services-for-children-reinspection.txt",
]
OUTAGE = (
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection '
    "refused\n\tIs the server running on that host and accepting TCP/IP connections?"
)


@pytest.fixture
def folder(tmp_path):
    for number, relative in enumerate(TEXTS):
        shutil.copy(sample_path(relative), tmp_path / f"{number}-{relative.split('/')[-1]}")
    return tmp_path


def database_stops_after(monkeypatch, stored: int) -> list[str]:
    """Storing works for ``stored`` files, then every store fails as a database that went
    away fails; the names of the files whose store was tried are returned as they come."""
    tried: list[str] = []

    def flaky_load(prepared, *args, **kwargs):
        tried.append(prepared.name)
        if len(tried) > stored:
            raise OperationalError(OUTAGE)
        return load(prepared, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load", flaky_load)
    monkeypatch.setattr(pipeline, "database_reachable", lambda: False)
    return tried


def test_a_database_outage_stops_the_run_with_one_message(folder, monkeypatch, caplog):
    tried = database_stops_after(monkeypatch, stored=1)
    out = StringIO()

    with caplog.at_level(logging.ERROR), pytest.raises(CommandError) as raised:
        call_command("ingest", str(folder), stdout=out)

    message = str(raised.value)
    assert message.startswith(
        "the database stopped answering while "
        "1-knowsley-2010-safeguarding-and-looked-after-children.txt was being stored "
        '(connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        "Connection refused)"
    ), message
    assert "1 of 3 files were done before it (1 created, 0 unchanged, 0 replaced, 0 failed)" in (
        message
    )
    assert "2 were not stored" in message and "run the same command again" in message
    assert len(tried) == 2  # the third file was never tried
    assert out.getvalue().count(": created: ") == 1
    assert "failed" not in out.getvalue()
    assert not [record for record in caplog.records if record.exc_info]  # no tracebacks
    assert Inspection.objects.count() == 1


def test_an_outage_before_the_first_file_is_one_message(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError(OUTAGE)

    monkeypatch.setattr(Inspection.objects, "exclude", unreachable)

    with pytest.raises(CommandError) as raised:
        call_command("ingest", "--replace", stdout=StringIO())

    assert str(raised.value) == (
        "the database cannot be reached (connection failed: connection to server at "
        '"127.0.0.1", port 5432 failed: Connection refused); nothing was read or stored. '
        "Start it and run the same command again."
    )


def test_a_database_error_that_is_not_an_outage_fails_that_file_only(folder, monkeypatch):
    tried = database_stops_after(monkeypatch, stored=0)
    monkeypatch.setattr(pipeline, "database_reachable", lambda: True)

    results = list(
        pipeline.ingest(
            [Source(name=path.name, read=path.read_bytes) for path in sorted(folder.iterdir())]
        )
    )

    assert [result.status for result in results] == [Status.FAILED] * 3
    assert len(tried) == 3
    assert results[0].reason.startswith("an unexpected error stopped it (OperationalError: ")


def test_the_database_is_reachable_when_it_answers():
    assert pipeline.database_reachable()


def test_files_are_stored_as_they_are_read_not_after_the_whole_list(reference_data):
    """``ingest --manifest`` of 868 files stored nothing for minutes: every file was read
    (largest first) before the first was stored, so a kill lost all of it."""
    data = sample_path(TEXTS[0]).read_bytes()
    read: list[str] = []
    lock = threading.Lock()

    def reader(name: str):
        def read_it() -> bytes:
            with lock:
                read.append(name)
            return data

        return read_it

    # The first file is the smallest: reading the largest first left it for last.
    sources = [
        Source(name=f"{number}.txt", read=reader(f"{number}.txt"), size=number)
        for number in range(20)
    ]
    results = pipeline.ingest(sources, Options(jobs=2))

    first = next(results)
    with lock:
        read_before_first = [name for name in read]
    results.close()

    assert first.name == "0.txt" and first.status == Status.CREATED
    assert "0.txt" in read_before_first
    assert len(set(read_before_first)) <= 2 * pipeline.LOOK_AHEAD_PER_JOB + 1
    assert Inspection.objects.count() == 1


def _cut_this_connection() -> None:
    """End this process's session from another one, as a server restart does."""
    import psycopg

    settings = connection.settings_dict
    pid = connection.connection.info.backend_pid
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("cuts a PostgreSQL session from another one")


def test_postgresql_going_away_mid_run_stops_it(folder, reference_data, monkeypatch):
    """A real outage: the session is cut and no new connection can be made."""
    _postgresql_only()
    tried: list[str] = []

    def cut_then_load(prepared, *args, **kwargs):
        tried.append(prepared.name)
        if len(tried) == 2:
            _cut_this_connection()
            connection.settings_dict["PORT"] = "1"  # the server is down: nothing listens
        return load(prepared, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load", cut_then_load)
    port = connection.settings_dict["PORT"]
    try:
        with pytest.raises(CommandError) as raised:
            call_command("ingest", str(folder), stdout=StringIO())
    finally:
        connection.settings_dict["PORT"] = port
        connection.close()

    assert str(raised.value).startswith("the database stopped answering while 1-")
    assert "1 of 3 files were done before it" in str(raised.value)
    assert len(tried) == 2
    assert Inspection.objects.count() == 1


def test_postgresql_restarted_mid_run_fails_one_file_and_goes_on(
    folder, reference_data, monkeypatch
):
    """A routine restart: the session is cut, a new connection works."""
    _postgresql_only()
    tried: list[str] = []

    def cut_then_load(prepared, *args, **kwargs):
        tried.append(prepared.name)
        if len(tried) == 2:
            _cut_this_connection()
        return load(prepared, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load", cut_then_load)
    out = StringIO()

    with pytest.raises(SystemExit):
        call_command("ingest", str(folder), stdout=out)

    assert "2 created, 0 unchanged, 0 replaced, 1 failed" in out.getvalue()
    assert Inspection.objects.count() == 2
