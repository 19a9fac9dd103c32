"""Results derived from the whole data set are computed once per data version and shared
by every worker through the store; a change of the data computes them again."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inspections import england, shared_results
from inspections.export_store import DataVersionNow
from inspections.freshness import bump
from vocabulary import Framework

from .factories import J, R, make_inspection

pytestmark = pytest.mark.django_db


@pytest.fixture
def store(settings, tmp_path):
    settings.EXPORT_CACHE_DIR = tmp_path / "store"
    return settings.EXPORT_CACHE_DIR


class Counting:
    """A computation that says how often it ran."""

    def __init__(self, value):
        self.value = value
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_second_worker_reads_the_result_the_first_computed(store):
    compute = Counting({"england": [1, 2, 3]})
    assert shared_results.shared("example", ("a", 1), compute) == {"england": [1, 2, 3]}
    assert shared_results.shared("example", ("a", 1), compute) == {"england": [1, 2, 3]}
    assert compute.calls == 1
    assert len(list(store.glob("*/*.pickle"))) == 1

    shared_results.forget()  # what another process holds in memory: nothing
    assert shared_results.shared("example", ("a", 1), compute) == {"england": [1, 2, 3]}
    assert compute.calls == 1  # read from the file
    # Another key is another result.
    assert shared_results.shared("example", ("b", 1), Counting("other")) == "other"


def test_results_are_kept_in_the_folder_of_the_data_version_the_exports_use(client, store):
    # The store keeps one version's folder at a time: a second folder for the same data
    # would remove the exports' (and they it) as each is written.
    client.get("/judgements.csv")
    shared_results.shared("example", (), Counting(1))
    assert len([folder for folder in store.iterdir() if folder.is_dir()]) == 1


def test_a_change_of_the_data_computes_it_again(store):
    first = shared_results.shared("example", (), Counting("before"))
    bump()  # what every save, delete and load does when it commits
    shared_results.forget()
    assert shared_results.shared("example", (), Counting("after")) == "after"
    assert first == "before"


def test_new_judgements_written_without_a_signal_compute_it_again(store):
    make_inspection("knowsley", Framework.SIF, date(2014, 4, 29), [J("Overall", "Good", "J")])
    assert shared_results.shared("example", (), Counting("before")) == "before"
    # A test's rows never commit, so the version number stays; the newest judgement moves.
    make_inspection("liverpool", Framework.SIF, date(2015, 1, 5), [J("Overall", "Good", "J")])
    assert shared_results.shared("example", (), Counting("after")) == "after"


def test_without_a_store_each_process_keeps_its_own(settings):
    settings.EXPORT_CACHE_DIR = None
    compute = Counting(7)
    assert shared_results.shared("example", (), compute) == 7
    assert shared_results.shared("example", (), compute) == 7
    assert compute.calls == 1
    shared_results.forget()
    assert shared_results.shared("example", (), compute) == 7
    assert compute.calls == 2


def test_an_unreadable_file_is_computed_afresh(store):
    shared_results.shared("example", (), Counting("kept"))
    (path,) = store.glob("*/*.pickle")
    path.write_bytes(b"not a pickle")
    shared_results.forget()
    assert shared_results.shared("example", (), Counting("again")) == "again"


def test_workers_asking_at_once_compute_it_once(store):
    version = shared_results.Version(DataVersionNow("5.1700000000.000000", 5, None), 99)
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.3)
        return "result"

    found = []

    def worker():
        found.append(shared_results.shared("example", (), slow, at=version))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == ["result"] * 4
    assert len(calls) == 1


def _overall(slug: str, start: date, printed: str, published: date):
    return make_inspection(
        slug,
        Framework.ILACS,
        start,
        [J("Overall effectiveness", printed, "Judgements")],
        published_on=published,
    )


def test_the_england_page_reads_its_counts_and_chart_once_for_every_worker(
    client, store, monkeypatch
):
    _overall("knowsley", date(2021, 10, 11), "Good", date(2021, 12, 3))
    first = client.get("/england/?as_at=2024-03-31")
    assert first.status_code == 200

    # Another worker: nothing in memory, and the England data read again would be refused.
    england.forget()

    def refuse(*args, **kwargs):
        raise AssertionError("computed again")

    monkeypatch.setattr(england.England, "shares_over_time", refuse)
    monkeypatch.setattr(england.England, "distribution", refuse)
    again = client.get("/england/?as_at=2024-03-31")
    assert again.content == first.content
    monkeypatch.undo()

    # A new inspection is counted at once.
    _overall("liverpool", date(2023, 3, 13), "Inadequate", date(2023, 5, 2))
    counts = client.get("/england/?as_at=2024-03-31").context["areas"][0][1][0]
    assert (counts.key, counts.total) == ("england", 2)


def test_the_authority_list_shows_a_new_grade_at_once(client, store):
    _overall("knowsley", date(2021, 10, 11), "Good", date(2021, 12, 3))
    assert "grade--good" in client.get("/authorities/?region=north-west").content.decode()
    _overall("knowsley", date(2024, 11, 18), "Inadequate", date(2025, 1, 10))
    rows = client.get("/authorities/?region=north-west").context["rows"]
    knowsley = next(row for row in rows if row.authority.slug == "knowsley")
    assert knowsley.cell("overall").grade == "inadequate"


def test_until_the_data_changes_the_home_page_reads_the_version_and_its_latest_inspections(
    client, django_assert_max_num_queries
):
    _overall("knowsley", date(2021, 10, 11), "Good", date(2021, 12, 3))
    first = client.get("/").content
    with django_assert_max_num_queries(3):  # the version (2) and the latest inspections
        assert client.get("/").content == first


def _counted(client, path: str):
    """The page, and whether it counted the recommendations itself: read their themes
    without their text (its page of rows reads both)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    selected = [query["sql"].split(" FROM ")[0] for query in queries]
    return response, any(
        '"national_framework"' in columns and '"text"' not in columns for columns in selected
    )


def test_the_recommendation_list_counts_all_of_england_once_for_every_worker(
    client, store, django_capture_on_commit_callbacks
):
    recommendations = [R("Improve supervision.", national_framework="outcome 1"), R("Plan.")]
    make_inspection("knowsley", Framework.ILACS, date(2021, 10, 11), [], recommendations)
    first, counted = _counted(client, "/recommendations/")
    assert counted
    assert first.context["spread"] == {"rows": 2, "inspections": 1, "authorities": 1}
    assert [(c.theme, c.count) for c in first.context["theme_counts"]] == [("outcome 1", 1)]

    shared_results.forget()  # another worker: it reads what the first counted
    for path in ("/recommendations/", "/recommendations/?page=1&sort=newest"):
        again, counted = _counted(client, path)
        assert not counted
        assert again.context["spread"] == first.context["spread"]
    # A filter is counted for its request.
    filtered, counted = _counted(client, "/recommendations/?q=supervision")
    assert counted
    assert filtered.context["spread"] == {"rows": 1, "inspections": 1, "authorities": 1}
    (supervision,) = filtered.context["theme_counts"]
    assert (supervision.theme, supervision.count) == ("outcome 1", 1)
    assert supervision.url == "/recommendations/?q=supervision&theme=outcome+1"

    # A new inspection is counted at once (its save bumps the data version on commit).
    with django_capture_on_commit_callbacks(execute=True):
        make_inspection("liverpool", Framework.ILACS, date(2022, 1, 10), [], [R("Audit.")])
    assert client.get("/recommendations/").context["spread"] == {
        "rows": 3,
        "inspections": 2,
        "authorities": 2,
    }


def test_the_version_read_in_one_query_is_the_one_the_orm_reads(django_assert_num_queries):
    from django.db.models import Max

    from inspections import export_store
    from inspections.models import Judgement

    make_inspection("knowsley", Framework.SIF, date(2014, 4, 29), [J("Overall", "Good", "J")])
    bump()  # the version row exists and has changed
    with django_assert_num_queries(1):
        read = shared_results.version()
    assert read.data == export_store.data_version()
    assert read.last_judgement == Judgement.objects.aggregate(last=Max("id"))["last"]
    assert read.data.changed_at.tzinfo is not None


def test_an_authoritys_page_is_read_once_per_data_version_and_again_after_a_change(client, store):
    make_inspection("knowsley", Framework.SIF, date(2014, 4, 29), [J("Overall", "Good", "J")])
    first = client.get("/authorities/knowsley/")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get("/authorities/knowsley/").content == first.content
    assert len(again) == 1  # the version; the timeline, names and themes are kept

    make_inspection(
        "knowsley", Framework.ILACS, date(2019, 3, 4), [J("Overall", "Inadequate", "J")]
    )
    bump()
    changed = client.get("/authorities/knowsley/").content.decode()
    assert "2019 ILACS" in changed and "2019 ILACS" not in first.content.decode()


def test_an_address_no_authority_has_is_404_and_keeps_nothing(client, store):
    assert client.get("/authorities/no-such-place/").status_code == 404
    assert not list(store.glob("*/*.pickle"))


def test_the_authority_lists_rows_are_read_once_per_data_version_and_again_after_a_change(
    client, store
):
    make_inspection("knowsley", Framework.SIF, date(2014, 4, 29), [J("Overall", "Good", "J")])
    first = client.get("/authorities/?region=north-west").content
    with CaptureQueriesContext(connection) as again:
        assert client.get("/authorities/?region=north-west").content == first
    assert len(again) == 2  # the version, and which authorities the filters select

    make_inspection(
        "knowsley", Framework.ILACS, date(2019, 3, 4), [J("Overall", "Inadequate", "J")]
    )
    bump()
    changed = client.get("/authorities/?region=north-west").content.decode()
    assert "2 inspections" in changed and "2 inspections" not in first.decode()
