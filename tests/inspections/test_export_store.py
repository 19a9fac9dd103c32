"""Whole exports are built once per data version, kept for every worker, and answered
with ETag/Last-Modified; filtered ones are built for their request."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError

from inspections.freshness import bump

pytestmark = pytest.mark.django_db

WHOLE = ["/judgements.csv", "/recommendations.xlsx", "/inspections.json", "/england.csv"]


@pytest.fixture
def store(settings, tmp_path):
    settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    return settings.EXPORT_CACHE_DIR


def body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def stored_files(store) -> list:
    return sorted(p.name for p in store.glob("*/*") if not p.name.startswith("."))


@pytest.mark.parametrize("url", WHOLE)
def test_a_whole_export_is_built_once_then_read_from_its_file(
    client, merseyside, store, url, django_assert_max_num_queries
):
    first = body(client.get(url))
    assert len(stored_files(store)) == 1
    with django_assert_max_num_queries(1):  # the data version, nothing else
        again = client.get(url)
    if url.endswith(".xlsx"):
        assert again["Content-Length"] == str(len(first))  # built once: the same file
    assert body(again) == first


def test_the_stored_file_is_the_export_as_built_for_the_request(
    client, merseyside, settings, tmp_path
):
    built = body(client.get("/judgements.csv"))
    settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    body(client.get("/judgements.csv"))
    assert body(client.get("/judgements.csv")) == built


def test_a_data_change_builds_it_again(client, merseyside, store):
    before = body(client.get("/inspections.csv"))
    inspection = merseyside["knowsley"][0]
    inspection.lead_inspector = "Someone Else"
    inspection.save()
    bump()  # as the commit would (the test's transaction never commits)

    after = body(client.get("/inspections.csv"))

    assert b"Someone Else" in after and b"Someone Else" not in before
    assert len(stored_files(store)) == 2  # the old version's is removed minutes later


def test_filtered_exports_are_not_stored(client, merseyside, store):
    body(client.get("/judgements.csv?authority=knowsley"))
    body(client.get("/judgements.xlsx?authority=knowsley"))
    body(client.get("/judgements.json?authority=knowsley"))
    assert stored_files(store) == []


@pytest.mark.parametrize("size", [1, 4, 7, 500])
def test_json_pages_read_from_the_stored_rows_are_the_pages_built_live(
    client, merseyside, settings, tmp_path, size
):
    def pages() -> list[dict]:
        found, url = [], f"/judgements.json?page_size={size}"
        while url:
            found.append(json.loads(body(client.get(url))))
            url = found[-1]["next"]
        return found

    live = pages()
    settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    stored = pages()
    assert stored == live
    assert sum(len(page["results"]) for page in stored) == live[0]["count"] > 7


def test_a_stored_json_page_has_its_length(client, merseyside, store):
    response = client.get("/judgements.json?page=2&page_size=3")
    content = body(response)
    assert response["Content-Length"] == str(len(content))
    assert [row["la_name"] for row in json.loads(content)["results"]]


@pytest.mark.parametrize("url", ["/judgements.csv", "/judgements.csv?area=overall", *WHOLE])
def test_a_conditional_repeat_is_a_304_until_the_data_changes(client, merseyside, store, url):
    first = client.get(url)
    body(first)
    assert first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]

    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    bump()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_another_filter_is_another_etag(client, merseyside):
    one = client.get("/judgements.xlsx?area=overall")["ETag"]
    assert client.get("/judgements.xlsx?area=leadership")["ETag"] != one


def test_a_build_that_fails_leaves_nothing_and_the_next_request_builds(
    client, merseyside, store, monkeypatch
):
    import inspections.csv_export as csv_export

    real = csv_export.table_rows

    def failing(*args, **kwargs):
        yield from list(real(*args, **kwargs))[:2]
        raise OperationalError("the database stopped")

    monkeypatch.setattr(csv_export, "table_rows", failing)
    for url in ("/judgements.csv", "/judgements.xlsx", "/judgements.json"):
        # The whole export is built before its first byte: the outage is the 503 page
        # (inspections.middleware.DatabaseUnavailable), never a file cut short.
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"]
    assert list(store.glob("*/.building-*")) == []
    assert stored_files(store) == []

    monkeypatch.setattr(csv_export, "table_rows", real)
    assert body(client.get("/judgements.csv")).count(b"\r\n") > 3
    assert len(stored_files(store)) == 1


def test_an_unwritable_store_still_answers(client, merseyside, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    settings.EXPORT_CACHE_DIR = blocker / "exports"
    assert body(client.get("/judgements.csv")).count(b"\r\n") > 3
    assert json.loads(body(client.get("/judgements.json")))["count"] > 3


def test_england_without_a_date_is_kept_per_day(client, merseyside, store, monkeypatch):
    from datetime import date, timedelta

    from inspections import freshness

    body(client.get("/england.csv"))
    monkeypatch.setattr(freshness, "today", lambda: date.today() + timedelta(days=1))
    body(client.get("/england.csv"))
    assert len(stored_files(store)) == 2


def test_workers_asking_at_once_build_the_file_once(settings, tmp_path):
    import threading
    import time

    from inspections import export_store

    settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    version = export_store.DataVersionNow("7.1", 7, None)
    builds = []

    def build(path):
        builds.append(path)
        time.sleep(0.3)  # long enough for the others to arrive while it builds
        path.write_text("the export")

    found = []
    threads = [
        threading.Thread(
            target=lambda: found.append(export_store.stored(version, ("a",), ".csv", build))
        )
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(builds) == 1
    assert len(set(found)) == 1 and found[0].read_text() == "the export"


def test_older_versions_are_removed_once_nobody_can_be_reading_them(settings, tmp_path):
    import os
    import time

    from inspections import export_store

    settings.EXPORT_CACHE_DIR = tmp_path / "exports"

    def write(path):
        path.write_text("rows")

    old = export_store.stored(export_store.DataVersionNow("1.0", 1, None), ("a",), ".csv", write)
    recent = export_store.stored(export_store.DataVersionNow("2.0", 2, None), ("a",), ".csv", write)
    assert old.exists() and recent.exists()  # just written: a request may be reading it

    long_ago = time.time() - export_store.KEEP_OLD_VERSIONS_SECONDS - 60
    os.utime(old.parent, (long_ago, long_ago))
    current = export_store.stored(
        export_store.DataVersionNow("3.0", 3, None), ("a",), ".csv", write
    )
    assert not old.parent.exists()
    assert recent.exists() and current.exists()


def test_england_without_a_date_is_not_a_304_the_next_day(client, merseyside, monkeypatch):
    from datetime import date, timedelta

    from inspections import freshness

    today = client.get("/england.json")
    assert client.get("/england.json", HTTP_IF_NONE_MATCH=today["ETag"]).status_code == 304
    monkeypatch.setattr(freshness, "today", lambda: date.today() + timedelta(days=1))
    assert client.get("/england.json", HTTP_IF_NONE_MATCH=today["ETag"]).status_code == 200
