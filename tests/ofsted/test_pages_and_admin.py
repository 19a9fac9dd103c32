"""Listed events on timelines, links to Ofsted, the runs and the review queue in the admin."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from authorities.models import Authority
from inspections.models import Inspection
from ofsted.models import SyncRun

from .site import Fault

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def sync() -> None:
    call_command("sync_ofsted", stdout=StringIO())


def test_listed_events_are_on_the_authority_timeline(client, ofsted_copy):
    sync()
    Inspection.objects.update(is_published=True)

    html = client.get("/authorities/knowsley/").content.decode()

    assert "Monitoring visit" in html
    assert 'href="https://files.ofsted.gov.uk/v1/file/60000002"' in html
    assert "published 10 May 2018" in html
    # In the timeline table, between the 2017 re-inspection and the 2018 visit, by date.
    table = html[html.index("timeline-table") :]
    assert (
        table.index("2017 SIF re-inspection")
        < table.index("Monitoring visit")
        < table.index("2018 Focused visit")
    )


def test_every_reference_authority_has_the_ofsted_urn_the_corpus_lists():
    """The corpus manifest's ofsted_la_urn for each of the 153 authorities is in the
    reference data (authorities/data/la_lookup.csv, column urn)."""
    with (ROOT / "dataset" / "manifest.csv").open(newline="", encoding="utf-8") as stream:
        urns = {row["ofsted_la_urn"]: row["la_as_listed"] for row in csv.DictReader(stream)}
    assert len(urns) == 153
    known = set(
        Authority.objects.filter(is_former=False, ofsted_urn__in=urns).values_list(
            "ofsted_urn", flat=True
        )
    )
    assert known == set(urns)


def test_an_inspection_without_a_file_address_links_to_the_authoritys_ofsted_page(client, settings):
    from ingest.pipeline import Source, ingest_one

    from .conftest import CAMDEN_VISIT, fixture_bytes

    settings.OFSTED_REPORTS_URL = "https://reports.ofsted.gov.uk/"
    inspection = ingest_one(
        Source(CAMDEN_VISIT, read=lambda: fixture_bytes(CAMDEN_VISIT))
    ).inspection
    assert inspection.ofsted_url == ""

    html = client.get(inspection.get_absolute_url()).content.decode()

    assert 'href="https://reports.ofsted.gov.uk/provider/44/80491"' in html


def test_the_admin_shows_every_run_and_a_failed_run_loudly(admin_client, ofsted_copy):
    ofsted_copy.faults["/files/v1/file/60000011"] = Fault(status=404)
    with pytest.raises(CommandError):
        sync()
    run = SyncRun.objects.get()

    listing = admin_client.get("/admin/ofsted/syncrun/").content.decode()
    assert "finished with failures" in listing
    assert "The latest sync" in listing
    page = admin_client.get(f"/admin/ofsted/syncrun/{run.pk}/change/").content.decode()
    assert "HTTP 404" in page
    assert "60000011" in page


def test_the_review_queue_lists_fetched_drafts_with_their_warnings(admin_client, ofsted_copy):
    sync()
    kent = Inspection.objects.get(authority__slug="kent")
    kent.parse_warnings = ["page 3: a grade could not be read"]
    kent.save()
    uploaded_by_hand = Inspection.objects.get(authority__slug="camden")
    uploaded_by_hand.publications.all().delete()  # not fetched by the sync

    page = admin_client.get("/admin/ofsted/fetcheddraft/").content.decode()

    assert "Kent 2022 ILACS standard" in page
    assert "page 3: a grade could not be read" in page
    assert "Camden" not in page

    response = admin_client.post(
        "/admin/ofsted/fetcheddraft/",
        {"action": "publish_selected", "_selected_action": [kent.pk]},
    )
    assert response.status_code == 302
    kent.refresh_from_db()
    assert kent.is_published
