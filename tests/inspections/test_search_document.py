"""Each recommendation's stored search document (migration 0013) is kept in step with its
text by every path that writes one: the loader, a re-parse, the dataset load, the admin,
and any other update. On PostgreSQL a trigger keeps it; SQLite has no text search and
leaves it empty, searching the text itself (inspections.search)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ingest import dataset
from ingest.load import Status, ingest_bytes
from inspections.models import Inspection, Recommendation
from tests.samples import sample_path
from vocabulary import Framework

from .factories import J, R, make_inspection

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"
postgres_only = pytest.mark.skipif(not POSTGRES, reason="the stored document is PostgreSQL's")

RECOMMENDATION_INSERT = 'INSERT INTO "inspections_recommendation"'
K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"


def out_of_step() -> list[tuple[int, str]]:
    """Recommendations whose stored document is not their text's (or is missing)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, text FROM inspections_recommendation WHERE search_document IS NULL "
            "OR search_document <> to_tsvector('english'::regconfig, COALESCE(text, ''))"
        )
        return cursor.fetchall()


def _ingest() -> Inspection:
    result = ingest_bytes(sample_path(K2017_TEXT).read_bytes(), "knowsley-2017.txt")
    assert result.status == Status.CREATED
    return result.inspection


def _found(client, query: str) -> list[str]:
    response = client.get("/recommendations/", {"q": query})
    assert response.status_code == 200
    return [row.text for row in response.context["page_obj"]]


@postgres_only
def test_the_loader_stores_each_document():
    inspection = _ingest()
    assert inspection.recommendations.count() > 5
    assert out_of_step() == []


@postgres_only
def test_a_reparse_keeps_documents_in_step_with_rows_kept_and_added():
    inspection = _ingest()
    Recommendation.objects.create(
        inspection=inspection, section="Recommendations", text="Added by hand: audits.", order=99
    )
    Inspection.objects.filter(pk=inspection.pk).update(parser_version="old")

    result = ingest_bytes(sample_path(K2017_TEXT).read_bytes(), "k.txt", replace=True)

    assert result.status == Status.REPLACED
    assert out_of_step() == []


@postgres_only
def test_the_dataset_load_stores_each_document(tmp_path):
    _ingest()
    dataset.export(tmp_path)
    Inspection.objects.all().delete()

    with CaptureQueriesContext(connection) as queries:
        dataset.load_records(dataset.read(tmp_path))

    assert Recommendation.objects.count() > 5
    assert out_of_step() == []
    # Inserted as one array a column (models.SearchDocumentField), not a VALUES list.
    (insert,) = [q["sql"] for q in queries if q["sql"].startswith(RECOMMENDATION_INSERT)]
    assert "SELECT * FROM UNNEST(" in insert


@postgres_only
def test_updates_of_any_kind_keep_the_document_and_it_cannot_be_written_apart():
    _ingest()
    Recommendation.objects.filter(pk=Recommendation.objects.first().pk).update(
        text="Fostering households need respite."
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE inspections_recommendation SET search_document = to_tsvector('unrelated')"
        )
    assert out_of_step() == []


@pytest.fixture
def recommendation():
    inspection = make_inspection(
        "knowsley",
        Framework.ILACS,
        date(2024, 3, 4),
        [J("Overall effectiveness", "Good", "Judgements")],
        [R("Improve the supervision of social workers.", "What needs to improve?")],
    )
    return inspection.recommendations.get()


def test_an_admin_edit_is_found_by_its_new_words_not_its_old(admin_client, client, recommendation):
    assert _found(client, "supervision") == [recommendation.text]
    response = admin_client.post(
        f"/admin/inspections/recommendation/{recommendation.pk}/change/",
        {
            "section": recommendation.section,
            "timescale": recommendation.timescale,
            "kind": recommendation.kind,
            "text": "Strengthen the fostering of teenagers.",
            "order": recommendation.order,
            "page": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]

    assert _found(client, "supervision") == []
    assert _found(client, "fostering") == ["Strengthen the fostering of teenagers."]
    if POSTGRES:
        assert out_of_step() == []
    else:
        recommendation.refresh_from_db()
        assert recommendation.search_document is None  # SQLite searches the text itself


@postgres_only
def test_the_search_index_takes_each_document_straight_in():
    """Migration 0014: no GIN pending list, which every search would read through
    unsorted until a VACUUM merged it (a plain ANALYZE, as after a dataset load, does not)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'recommendation_search_document'"
        )
        (options,) = cursor.fetchone()
    assert "fastupdate=off" in (options or [])
