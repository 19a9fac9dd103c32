"""Public pages are served from a cache under the data version, and never stale."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from ingest.load import ingest_bytes
from inspections.models import DataVersion
from tests.samples import sample_path
from vocabulary import Framework

from .factories import J, make_inspection

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE = True


@pytest.fixture
def wirral(reference_data):
    return make_inspection(
        "wirral", Framework.ILACS, date(2024, 3, 4), [J("Overall effectiveness", "Good", "J")]
    )


def test_a_second_request_costs_one_query(client, wirral, django_assert_max_num_queries):
    first = client.get("/authorities/wirral/")
    with django_assert_max_num_queries(1):
        second = client.get("/authorities/wirral/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]


def test_a_correction_shows_at_once(client, wirral):
    assert "Good" in client.get(wirral.get_absolute_url()).content.decode()
    judgement = wirral.judgements.get()
    judgement.grade_as_printed = "Outstanding"
    judgement.grade = "outstanding"
    judgement.edited_at = timezone.now()
    judgement.save()

    page = client.get(wirral.get_absolute_url()).content.decode()

    assert "Outstanding" in page


def test_unpublishing_hides_the_page_at_once(client, wirral):
    assert client.get(wirral.get_absolute_url()).status_code == 200
    wirral.is_published = False
    wirral.save()
    assert client.get(wirral.get_absolute_url()).status_code == 404
    assert "2024" not in client.get("/authorities/wirral/").content.decode().split("Timeline")[-1]


def test_an_ingest_shows_on_the_lists_at_once(client, reference_data):
    marker = 'href="/authorities/knowsley/inspections/2017-03-13-sif/"'
    assert marker not in client.get("/inspections/").content.decode()
    version = DataVersion.objects.get().version

    ingest_bytes(
        sample_path("text/knowsley-2017-services-for-children-reinspection.txt").read_bytes(),
        "k.txt",
    )

    assert DataVersion.objects.get().version > version
    assert marker in client.get("/inspections/").content.decode()


def test_signed_in_and_admin_requests_are_not_cached(admin_client, wirral):
    from django.core.cache import caches

    admin_client.get("/authorities/wirral/")
    assert admin_client.get("/admin/").status_code == 200
    assert not caches["pages"]._cache


def test_errors_are_not_cached(client, reference_data):
    assert client.get("/authorities/nowhere/").status_code == 404
    from django.core.cache import caches

    assert not caches["pages"]._cache
