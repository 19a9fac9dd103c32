"""The web side of issue 21: database outages are a friendly 503 (cached pages still
served), cached pages do not outlive their day, and junk parameters or forged session
cookies cannot force a page to be built again."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from datetime import date
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.urls import get_resolver

from inspections.page_params import PAGES
from tests.samples import REPO_ROOT
from vocabulary import Framework

from .factories import J, make_inspection

pytestmark = pytest.mark.django_db

DAY = date(2026, 12, 6)


@contextmanager
def database_down(error=OperationalError):
    """Every new connection and every query fails, as while PostgreSQL restarts."""
    message = "server closed the connection unexpectedly"
    with (
        mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=error(message)),
        mock.patch.object(CursorWrapper, "execute", side_effect=error(message)),
    ):
        yield


@pytest.fixture
def cache_on(settings):
    settings.PUBLIC_PAGE_CACHE = True


@pytest.fixture
def merseyside_graded(clock):
    clock.set(DAY)
    for slug, start, grade in [
        ("knowsley", date(2024, 11, 18), "Good"),
        ("liverpool", date(2023, 3, 13), "Inadequate"),
    ]:
        make_inspection(
            slug,
            Framework.ILACS,
            start,
            [J("Overall effectiveness", grade, "J"), J("Help and protection", grade, "J")],
            published_on=start.replace(day=28),
        )


def _is_friendly_503(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Briefly unavailable" in page
    assert "try again in about 30 seconds" in page
    assert 'class="site-header"' in page  # the site's own page, not "Server Error (500)"


# --------------------------------------------------------------------------- outages


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/authorities/knowsley/",
        "/england/",
        "/judgements/",
        "/judgements.json",
        "/england.json",
        "/england.csv",
        "/compare.json?authority=knowsley",
    ],
)
def test_a_database_outage_is_a_503_page_not_a_500(client, merseyside_graded, path, error):
    with database_down(error):
        response = client.get(path)
    _is_friendly_503(response)


@pytest.mark.parametrize("path", ["/authorities/liverpool/", "/judgements.csv", "/england.csv"])
def test_with_the_page_cache_on_an_outage_is_a_503_before_any_stream_starts(
    client, merseyside_graded, cache_on, path
):
    with database_down():
        response = client.get(path)
    _is_friendly_503(response)


def test_the_admin_in_an_outage_is_a_503_too(admin_client):
    with database_down():
        response = admin_client.get("/admin/inspections/inspection/")
    _is_friendly_503(response)


def test_pages_already_cached_are_served_while_the_database_is_down(
    client, merseyside_graded, cache_on
):
    before = client.get("/authorities/knowsley/")
    assert before.status_code == 200

    with database_down():
        during = client.get("/authorities/knowsley/")
        other = client.get("/authorities/liverpool/")

    assert during.status_code == 200
    assert during.content == before.content
    _is_friendly_503(other)


def test_the_503_page_is_not_cached(client, merseyside_graded, cache_on):
    with database_down():
        _is_friendly_503(client.get("/authorities/liverpool/"))
    assert client.get("/authorities/liverpool/").status_code == 200


def test_connections_are_checked_before_reuse_in_production_settings():
    """CONN_MAX_AGE keeps connections; without health checks the first request after a
    PostgreSQL restart reused a dead one and was a 500."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://app:secret@db.example:5432/inspections",
    }
    env.pop("CONN_MAX_AGE", None)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert completed.stdout.split() == ["60", "True"], completed.stderr


# --------------------------------------------------------------------------- midnight


def test_the_england_page_moves_to_the_new_day_at_midnight(
    client, merseyside_graded, clock, cache_on
):
    clock.set(DAY, hour=23)
    assert "England as at 6 December 2026" in client.get("/england/").content.decode()

    clock.set(date(2026, 12, 7), hour=0)
    page = client.get("/england/").content.decode()

    assert "England as at 7 December 2026" in page


def test_days_ago_counts_move_with_the_day(client, merseyside_graded, clock, cache_on):
    clock.set(DAY)
    first = client.get("/authorities/knowsley/")
    assert first.context["days_since_graded"] > 700

    clock.set(date(2026, 12, 8))
    later = client.get("/authorities/knowsley/")

    assert later.status_code == 200
    assert later.context is not None, "served yesterday's page from the cache"
    assert later.context["days_since_graded"] == first.context["days_since_graded"] + 2


def test_within_one_day_the_page_comes_from_the_cache(
    client, merseyside_graded, clock, cache_on, django_assert_max_num_queries
):
    clock.set(DAY, hour=1)
    client.get("/england/")
    clock.set(DAY, hour=23)
    with django_assert_max_num_queries(1):
        assert client.get("/england/").status_code == 200


# --------------------------------------------------------------------------- cache bypass


JUNK = [
    {"x": "1"},
    {"utm_source": "newsletter", "fbclid": "abc"},
    {"cachebust": "8f7a6c"},
    {"area": ["overall", "overall"]},
    {"grade": ""},
]


@pytest.mark.parametrize("junk", JUNK)
def test_an_unknown_or_repeated_parameter_does_not_bypass_the_cache(
    client, merseyside_graded, cache_on, junk, django_assert_max_num_queries
):
    client.get("/judgements/", {"area": "overall"})
    with django_assert_max_num_queries(1):
        response = client.get("/judgements/", {"area": "overall", **junk})
    assert response.status_code == 200
    assert response.context is None, "built again, not served from the cache"


def test_junk_is_never_echoed_into_a_cached_page(client, merseyside_graded, cache_on):
    first = client.get("/judgements/", {"area": "overall", "evil": "javascript:alert(1)"})
    assert "evil" not in first.content.decode()
    later = client.get("/judgements/", {"area": "overall"})
    assert later.content == first.content
    assert "judgements.csv?area=overall" in later.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/", "/authorities/", "/authorities/knowsley/", "/england/", "/inspections/", "/api/"],
)
def test_a_forged_session_cookie_does_not_bypass_the_cache(
    client, merseyside_graded, cache_on, path, django_assert_max_num_queries
):
    client.get(path)
    for forged in ("forged", "a" * 32, "x" * 4000):
        client.cookies["sessionid"] = forged
        # The data version, and the session the cookie names (there is none).
        with django_assert_max_num_queries(2):
            response = client.get(path)
        assert response.status_code == 200
        assert response.context is None, "built again, not served from the cache"


def test_a_signed_in_request_is_still_built_for_its_user(admin_client, merseyside_graded, cache_on):
    admin_client.get("/authorities/knowsley/")
    assert not caches["pages"]._cache


def test_the_page_reads_the_parameters_it_knows_in_their_forms_order(client, merseyside_graded):
    response = client.get(
        "/judgements/?junk=1&date_from=2020-01-01&area=x&area=overall&grade=&page=1"
    )
    assert response.status_code == 200
    assert response.context["csv_url"] == "/judgements.csv?area=overall&date_from=2020-01-01"
    assert response.wsgi_request.get_full_path() == (
        "/judgements/?area=overall&date_from=2020-01-01&page=1"
    )


def test_compare_keeps_every_authority_in_the_order_given(client, merseyside_graded):
    response = client.get("/compare/?authority=liverpool&x=1&authority=knowsley&area=overall")
    assert response.status_code == 200
    assert [a.slug for a in response.context["selection"].authorities] == [
        "liverpool",
        "knowsley",
    ]


def test_every_public_page_declares_the_parameters_it_reads():
    """A page missing from inspections.page_params would be keyed by its whole address,
    junk included: each HTML page must say which parameters it reads."""
    resolver = get_resolver()
    names = {
        f"{include.namespace}:{pattern.name}"
        for include in resolver.url_patterns
        if getattr(include, "namespace", None) in {"inspections", "ofsted"}
        for pattern in include.url_patterns
        if pattern.name
        and not pattern.name.endswith(
            ("-csv", "-json", "-xlsx", "-source", "-by-id", "source-by-id")
        )
    }
    assert names == set(PAGES)


# --------------------------------------------------------------------------- sign-in


def test_signing_in_with_a_refused_next_lands_on_the_admin(client, django_user_model):
    django_user_model.objects.create_superuser("ada", "ada@example.org", "correct-horse-1")
    response = client.post(
        "/admin/login/?next=https://evil.example/",
        {"username": "ada", "password": "correct-horse-1", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_a_json_export_counted_as_at_today_is_not_a_304_the_next_day(
    client, merseyside_graded, clock
):
    clock.set(DAY)
    first = client.get("/england.json")
    assert client.get("/england.json", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    modified = {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}
    assert client.get("/england.json", **modified).status_code == 304

    clock.set(date(2026, 12, 7))
    assert client.get("/england.json", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    assert client.get("/england.json", **modified).status_code == 200


# --------------------------------------------------------------------------- links

HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://files.ofsted.gov.uk/v1/file/1",
    "//evil.example/report.pdf",
    "https:evil",
]


@pytest.mark.parametrize("address", HOSTILE_URLS)
def test_an_address_that_is_not_http_is_never_a_link(client, merseyside_graded, address):
    from inspections.models import Inspection

    inspection = Inspection.objects.get(authority__slug="knowsley")
    # As a loader that writes without validating would store it.
    Inspection.objects.filter(pk=inspection.pk).update(ofsted_url=address, source_file="")

    page = client.get(inspection.get_absolute_url()).content.decode()

    assert "Ofsted's copy" not in page
    assert "javascript" not in page.lower().replace("\t", "")
    assert "data:text" not in page and "vbscript" not in page and "evil.example" not in page
    assert "(not stored here)" in page


def test_an_http_address_is_still_a_link(client, merseyside_graded):
    from inspections.models import Inspection

    inspection = Inspection.objects.get(authority__slug="knowsley")
    address = "https://files.ofsted.gov.uk/v1/file/50250000"
    Inspection.objects.filter(pk=inspection.pk).update(ofsted_url=address, source_file="")

    page = client.get(inspection.get_absolute_url()).content.decode()

    assert f'<a href="{address}" rel="external">Ofsted\'s copy of the report</a>' in page


@pytest.mark.parametrize("address", [a for a in HOSTILE_URLS if a.strip()])
def test_the_model_and_the_upload_form_refuse_other_schemes(merseyside_graded, address):
    from django.core.exceptions import ValidationError

    from inspections.models import Inspection
    from review.forms import UploadReportsForm

    inspection = Inspection.objects.get(authority__slug="knowsley")
    inspection.ofsted_url = address
    with pytest.raises(ValidationError) as refused:
        inspection.full_clean()
    assert "ofsted_url" in refused.value.message_dict

    form = UploadReportsForm(data={"ofsted_url": address}, can_publish=True)
    form.is_valid()
    if address.startswith("//"):  # the form reads a bare host as https://
        assert form.cleaned_data["ofsted_url"] == "https:" + address
    else:
        assert "ofsted_url" in form.errors
