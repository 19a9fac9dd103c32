"""manage.py sync_ofsted against a copy of Ofsted's finder served from 127.0.0.1."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ingest.corrections import mark_edited
from inspections.models import Inspection, Judgement
from ofsted import sync as sync_module
from ofsted.models import FetchedPage, Publication, SyncItem, SyncRun
from vocabulary import PublishedSource

from .conftest import KNOWSLEY_APA_PDF, fixture_bytes
from .site import Fault, Listed

pytestmark = pytest.mark.django_db


def sync(**options) -> str:
    out = StringIO()
    call_command("sync_ofsted", stdout=out, **options)
    return out.getvalue()


def failing_sync(**options) -> tuple[str, str]:
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("sync_ofsted", stdout=out, **options)
    return out.getvalue(), str(error.value)


def state() -> dict:
    """What a sync leaves behind, by values that do not depend on database ids."""
    return {
        "inspections": sorted(
            Inspection.objects.values_list(
                "sha256",
                "authority__slug",
                "framework",
                "ofsted_url",
                "published_on",
                "is_published",
            )
        ),
        "publications": sorted(
            Publication.objects.values_list("url", "status", "inspection__sha256", "published_on")
        ),
        "judgements": Judgement.objects.count(),
    }


def test_first_sync_stores_every_report_as_a_draft_with_its_listing(ofsted_copy):
    output = sync()

    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.SUCCEEDED
    assert (run.reports_new, run.reports_failed, run.events_new) == (4, 0, 2)
    assert run.pages_read == 4  # one search page, three authorities
    assert run.downloads == 4
    assert run.finished_at is not None
    assert "4 new, 0 changed" in output

    kent = Inspection.objects.get(authority__slug="kent")
    assert kent.ofsted_url == "https://files.ofsted.gov.uk/v1/file/60000021"
    # ILACS reports print no publication date: the listing's is taken.
    assert kent.published_on == date(2022, 7, 5)
    assert kent.published_on_source == PublishedSource.LISTING
    assert not kent.is_published  # held for review
    assert kent.source_file  # the downloaded file is stored
    camden = Inspection.objects.get(authority__slug="camden")
    assert camden.ofsted_url.endswith("/60000011")
    assert camden.publications.get().status == Publication.Status.STORED

    # Kinds the app does not read: recorded, never downloaded.
    listed = Publication.objects.filter(status=Publication.Status.LISTED)
    assert sorted(listed.values_list("authority__slug", "listed_as")) == [
        ("kent", "Joint targeted area inspection letter"),
        ("knowsley", "Monitoring visit"),
    ]
    assert not ofsted_copy.requests_to("/files/v1/file/60000002")
    # Each file fetched once, every request saying who is asking.
    assert len(ofsted_copy.file_requests()) == 4
    assert all("tests@example.invalid" in r.headers["User-Agent"] for r in ofsted_copy.log)


def test_a_second_sync_downloads_nothing_and_asks_for_pages_conditionally(ofsted_copy):
    sync()
    before = state()
    ofsted_copy.clear_log()

    output = sync()

    assert ofsted_copy.file_requests() == []
    assert [r.status for r in ofsted_copy.log] == [304] * 4
    assert all("If-None-Match" in r.headers for r in ofsted_copy.log)
    second = SyncRun.objects.first()
    assert (second.pages_read, second.pages_not_modified, second.downloads) == (4, 4, 0)
    assert (second.reports_new, second.events_new, second.items.count()) == (0, 0, 0)
    assert "0 downloads" in output
    assert state() == before


def test_a_new_listing_is_the_only_file_fetched(ofsted_copy):
    sync()
    ofsted_copy.clear_log()
    ofsted_copy.provider("80491").publications.insert(
        0,
        Listed(
            "60000012",
            "Children's services inspection",
            "20 June 2026",
            fixture_bytes("brent-2026-06-17-children-s-services-inspection.txt").replace(
                b"Brent", b"Camden"
            ),
        ),
    )

    sync()

    assert [r.path for r in ofsted_copy.file_requests()] == ["/files/v1/file/60000012"]
    item = SyncRun.objects.first().items.get()
    assert item.outcome == SyncItem.Outcome.NEW
    assert item.inspection.authority.slug == "camden"
    assert item.inspection.ofsted_url.endswith("/60000012")


def test_a_corrected_file_replaces_its_report_keeping_corrections(ofsted_copy):
    sync()
    kent = Inspection.objects.get(authority__slug="kent")
    corrected_by_hand = kent.judgements.order_by("order").first()
    corrected_by_hand.grade_as_printed = "Inadequate"
    corrected_by_hand.grade = "inadequate"
    mark_edited(corrected_by_hand, None)
    corrected_by_hand.save()
    old_sha = kent.sha256

    # Ofsted lists a corrected file for the same inspection.
    kent_page = ofsted_copy.provider("80476").publications
    original = kent_page[0]
    kent_page[0] = Listed(
        "60000029",
        original.listed_as,
        original.published,
        original.body.replace(b"Manageable caseloads", b"Manageable and stable caseloads"),
    )
    ofsted_copy.clear_log()

    sync()

    assert [r.path for r in ofsted_copy.file_requests()] == ["/files/v1/file/60000029"]
    kent.refresh_from_db()
    assert kent.sha256 != old_sha
    assert kent.ofsted_url.endswith("/60000029")
    assert Inspection.objects.filter(authority__slug="kent").count() == 1
    assert kent.recommendations.filter(text__contains="Manageable and stable caseloads").exists()
    corrected_by_hand.refresh_from_db()  # the admin's correction survives
    assert corrected_by_hand.grade_as_printed == "Inadequate"
    item = SyncRun.objects.first().items.get()
    assert item.outcome == SyncItem.Outcome.CHANGED
    assert "conflict:" in item.message
    assert any("Inadequate" in warning for warning in kent.parse_warnings)


def test_a_file_relisted_at_the_same_address_with_a_new_date_is_read_again(ofsted_copy):
    sync()
    kent_page = ofsted_copy.provider("80476").publications
    kent_page[0].published = "12 July 2022"
    kent_page[0].body = kent_page[0].body.replace(b"Manageable caseloads", b"Smaller caseloads")
    ofsted_copy.clear_log()

    sync()

    assert [r.path for r in ofsted_copy.file_requests()] == ["/files/v1/file/60000021"]
    kent = Inspection.objects.get(authority__slug="kent")
    assert kent.recommendations.filter(text__contains="Smaller caseloads").exists()
    assert kent.published_on == date(2022, 7, 12)
    assert SyncRun.objects.first().items.get().outcome == SyncItem.Outcome.CHANGED


def test_a_404_fails_loudly_stores_nothing_for_it_and_is_retried_next_run(ofsted_copy):
    ofsted_copy.faults["/files/v1/file/60000011"] = Fault(status=404)

    output, error = failing_sync()

    assert "finished with failures" in error
    assert "HTTP 404" in output
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.FAILED and run.reports_failed == 1
    assert run.reports_new == 3  # the others are stored
    assert not Inspection.objects.filter(authority__slug="camden").exists()
    failed = Publication.objects.get(url__endswith="/60000011")
    assert failed.status == Publication.Status.FAILED and "HTTP 404" in failed.reason

    del ofsted_copy.faults["/files/v1/file/60000011"]
    ofsted_copy.clear_log()
    sync()
    assert [r.path for r in ofsted_copy.file_requests()] == ["/files/v1/file/60000011"]
    assert Inspection.objects.filter(authority__slug="camden").exists()


def test_a_timeout_fails_loudly_with_nothing_stored_for_that_file(ofsted_copy, settings):
    settings.OFSTED_TIMEOUT_SECONDS = 0.3
    ofsted_copy.faults["/files/v1/file/60000021"] = Fault(delay=1.0)

    output, error = failing_sync()

    assert "no answer within 0.3 seconds" in output
    assert not Inspection.objects.filter(authority__slug="kent").exists()
    assert Inspection.objects.count() == 3
    # urllib3 retried the read once (OFSTED_RETRIES = 1) before giving up.
    assert len(ofsted_copy.requests_to("/files/v1/file/60000021")) == 2


def test_a_truncated_pdf_fails_loudly_with_nothing_stored(ofsted_copy):
    pdf = fixture_bytes(KNOWSLEY_APA_PDF)
    ofsted_copy.provider("80479").publications.insert(
        0,
        Listed(
            "60000009", "Children's services inspection", "01 December 2006", pdf[: len(pdf) // 2]
        ),
    )

    output, _ = failing_sync()

    assert "truncated download" in output
    assert not Inspection.objects.filter(framework="apa").exists()
    assert Publication.objects.get(url__endswith="/60000009").status == Publication.Status.FAILED


def test_a_download_cut_short_is_retried_then_fails_loudly(ofsted_copy):
    ofsted_copy.faults["/files/v1/file/60000011"] = Fault(cut_at=500)

    output, _ = failing_sync()

    assert "cut short" in output
    assert not Inspection.objects.filter(authority__slug="camden").exists()
    assert len(ofsted_copy.requests_to("/files/v1/file/60000011")) == 2


def test_a_server_error_is_retried(ofsted_copy):
    ofsted_copy.faults["/files/v1/file/60000011"] = Fault(status=503, times=1)

    sync()

    assert [r.status for r in ofsted_copy.requests_to("/files/v1/file/60000011")] == [503, 200]
    assert Inspection.objects.filter(authority__slug="camden").exists()
    assert SyncRun.objects.get().requests_made == len(ofsted_copy.log)


def test_a_changed_page_structure_stops_the_run_with_nothing_stored(ofsted_copy):
    ofsted_copy.page_overrides["/provider/44/80476"] = (
        '<html><body><a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/1">'
        "Children's services inspection</a></body></html>"
    )

    output, error = failing_sync()

    assert "/provider/44/80476" in error and "span.nonvisual" in error
    assert "/provider/44/80476" in output
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.STOPPED
    assert "span.nonvisual" in run.message
    assert Inspection.objects.count() == 0
    assert Publication.objects.count() == 0
    assert FetchedPage.objects.count() == 0
    assert ofsted_copy.file_requests() == []


def test_a_search_page_without_providers_stops_the_run(ofsted_copy):
    ofsted_copy.page_overrides[
        "/search?q=&location=&lat=&lon=&radius=&level_1_types=3&level_2_types%5B%5D=12&start=0&rows=100"
    ] = "<html><body><p>Our new search</p></body></html>"

    _, error = failing_sync()

    assert "no provider links" in error
    assert SyncRun.objects.get().status == SyncRun.Status.STOPPED


def test_an_authority_whose_page_lists_nothing_any_more_stops_the_run(ofsted_copy):
    sync()
    ofsted_copy.page_overrides["/provider/44/80491"] = "<html><body><h1>Camden</h1></body></html>"

    _, error = failing_sync()

    assert "no a.publication-link on Camden's page" in error


def test_a_run_killed_midway_and_run_again_ends_as_one_clean_run(ofsted_copy, monkeypatch):
    calls = []
    real_ingest_one = sync_module.ingest_one

    def killed_on_the_third_file(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_ingest_one(*args, **kwargs)

    monkeypatch.setattr(sync_module, "ingest_one", killed_on_the_third_file)
    with pytest.raises(KeyboardInterrupt):
        sync()
    killed = SyncRun.objects.get()
    assert killed.status == SyncRun.Status.INTERRUPTED
    assert Inspection.objects.count() == 2
    monkeypatch.setattr(sync_module, "ingest_one", real_ingest_one)

    ofsted_copy.clear_log()
    sync()
    resumed = state()
    # Nothing downloaded twice: only the two files the killed run did not store.
    assert len(ofsted_copy.file_requests()) == 2

    Inspection.objects.all().delete()
    Publication.objects.all().delete()
    FetchedPage.objects.all().delete()
    sync()
    assert state() == resumed


def test_a_run_left_running_by_a_killed_process_is_closed_by_the_next(ofsted_copy):
    abandoned = SyncRun.objects.create(site="x")

    sync()

    abandoned.refresh_from_db()
    assert abandoned.status == SyncRun.Status.INTERRUPTED


def test_reports_read_without_a_warning_can_be_published_at_once(ofsted_copy, settings):
    settings.OFSTED_PUBLISH_WITHOUT_WARNINGS = True

    sync()

    for inspection in Inspection.objects.all():
        assert inspection.is_published == (not inspection.parse_warnings)
    assert Inspection.objects.filter(is_published=True).exists()


def test_a_stored_report_gains_ofsted_address_without_being_read_again(ofsted_copy):
    """The national dataset's focused visits have no address: the sync downloads each once,
    finds it stored by SHA-256 and fills the address in; nothing is parsed again."""
    from ingest.pipeline import Source, ingest_one

    result = ingest_one(
        Source(
            "camden.txt",
            read=lambda: fixture_bytes("camden-2023-12-05-children-s-services-focused-visit.txt"),
        )
    )
    camden = result.inspection
    assert camden.ofsted_url == ""

    sync()

    camden.refresh_from_db()
    assert camden.ofsted_url == "https://files.ofsted.gov.uk/v1/file/60000011"
    item = SyncRun.objects.get().items.get(outcome=SyncItem.Outcome.LINKED)
    assert item.inspection_id == camden.pk
    assert Inspection.objects.count() == 4


def test_a_stored_report_with_the_listed_address_is_not_downloaded(ofsted_copy):
    from ingest.load import Listing
    from ingest.pipeline import Source, ingest_one

    ingest_one(
        Source(
            "kent.txt",
            read=lambda: fixture_bytes("kent-2022-07-05-children-s-services-inspection.txt"),
            listing=Listing(url="https://files.ofsted.gov.uk/v1/file/60000021"),
        )
    )

    sync()

    assert not ofsted_copy.requests_to("/files/v1/file/60000021")
    assert Publication.objects.get(url__endswith="/60000021").inspection.authority.slug == "kent"


def test_a_file_the_pipeline_refuses_is_a_failure_once_then_a_listed_event(ofsted_copy):
    ofsted_copy.provider("80491").publications.insert(
        0,
        Listed(
            "60000013",
            "Children's services inspection",
            "02 February 2012",
            fixture_bytes("birmingham-2012-not-a-pdf.pdf")
            if False
            else b"<html><body>Report not found</body></html>",
        ),
    )

    output, _ = failing_sync()
    assert "HTML page" in output
    refused = Publication.objects.get(url__endswith="/60000013")
    assert refused.status == Publication.Status.REFUSED and refused.is_listed_event

    ofsted_copy.clear_log()
    sync()  # not downloaded again, not a failure again
    assert ofsted_copy.file_requests() == []


def test_an_unknown_provider_is_a_failure_naming_it(ofsted_copy):
    from .site import Provider

    ofsted_copy.providers.append(Provider("9999999", "Nowhere Borough", []))

    output, _ = failing_sync()

    assert "'Nowhere Borough' (URN 9999999), which is not a known authority" in output
    assert Inspection.objects.count() == 4


def test_no_contact_no_sync(ofsted_copy, settings):
    settings.OFSTED_SYNC_CONTACT = ""
    with pytest.raises(CommandError, match="OFSTED_SYNC_CONTACT"):
        sync()
    assert ofsted_copy.log == []


def test_every_page_of_the_providers_search_is_read(ofsted_copy):
    """The site lists at most 100 a page: 153 authorities are two pages; a site that
    listed fewer a page would still be read whole, by its next links."""
    from authorities.models import Authority

    from .site import Provider

    ofsted_copy.providers = [
        Provider(urn, name, [])
        for urn, name in Authority.objects.filter(is_former=False)
        .exclude(ofsted_urn="")
        .values_list("ofsted_urn", "name")
    ]
    assert len(ofsted_copy.providers) == 153
    sync()
    run = SyncRun.objects.get()
    assert run.pages_read == 2 + 153

    ofsted_copy.rows = 40  # the site now ignores rows=100
    FetchedPage.objects.all().delete()
    ofsted_copy.clear_log()
    sync()
    assert len(ofsted_copy.requests_to("/search")) == 4
    assert len(ofsted_copy.requests_to("/provider/")) == 153


def test_an_authority_gone_from_the_providers_list_is_a_failure_once(ofsted_copy):
    sync()
    ofsted_copy.providers = [p for p in ofsted_copy.providers if p.urn != "80491"]

    output, _ = failing_sync()

    assert "Camden: no longer in Ofsted's list of providers" in output
    assert Inspection.objects.filter(authority__slug="camden").exists()  # nothing removed
    sync()  # known now: not a failure again


def test_a_site_that_cannot_be_reached_fails_the_run_saying_so(settings):
    settings.OFSTED_REPORTS_URL = "http://127.0.0.1:9/"  # nothing listens there
    settings.OFSTED_RETRIES = 1
    settings.OFSTED_RETRY_BACKOFF_SECONDS = 0

    _, error = failing_sync()

    assert "the list of authorities could not be read" in error
    assert "127.0.0.1:9/search" in error
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.FAILED and run.finished_at
    assert Publication.objects.count() == 0
