"""/new/, /new.atom and /authorities/<slug>/feed.atom."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest

from ingest.load import Listing
from ingest.pipeline import Options, Source, ingest_one

from .conftest import CAMDEN_VISIT, KENT_ILACS, KNOWSLEY_APA_PDF, KNOWSLEY_VISIT, fixture_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    for name, day in (
        (KENT_ILACS, date(2022, 7, 5)),
        (CAMDEN_VISIT, date(2023, 12, 5)),
        (KNOWSLEY_VISIT, date(2018, 11, 22)),
    ):
        result = ingest_one(
            Source(
                name, read=lambda name=name: fixture_bytes(name), listing=Listing(published_on=day)
            )
        )
        assert not result.failed, result.message


def test_new_lists_publications_newest_first_with_grades_or_focus(client, published):
    response = client.get("/new/")
    assert response.status_code == 200
    entries = response.context["entries"]
    assert [e.inspection.authority.slug for e in entries] == ["camden", "kent", "knowsley"]
    html = response.content.decode()
    assert 'type="application/atom+xml"' in html
    assert "Focused visit, not graded" in html
    assert "grade--outstanding" in html  # Kent's overall effectiveness


def test_new_filters_by_region_authority_and_neighbours(client, published):
    london = client.get("/new/?region=london").context["entries"]
    assert [e.inspection.authority.slug for e in london] == ["camden"]
    kent = client.get("/new/?authority=kent").context["entries"]
    assert [e.inspection.authority.slug for e in kent] == ["kent"]
    # Knowsley's statistical neighbours do not include Kent or Camden.
    near = client.get("/new/?neighbours_of=knowsley").context["entries"]
    assert [e.inspection.authority.slug for e in near] == ["knowsley"]


def test_an_invalid_filter_is_a_400_saying_why(client, published):
    response = client.get("/new/?region=atlantis")
    assert response.status_code == 400
    assert "Region" in response.content.decode()
    assert client.get("/new.atom?authority=nowhere").status_code == 400


def test_new_atom_validates_and_carries_the_same_filters(client, published):
    response = client.get("/new.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Camden: 2023 Focused visit",
        "Kent: 2022 ILACS standard",
        "Knowsley: 2018 Focused visit",
    ]
    kent = feed.entries[1]
    assert kent.link.startswith("http://testserver/authorities/kent/inspections/")
    assert "Overall effectiveness: Outstanding" in kent.summary
    assert kent.published_parsed[:3] == (2022, 7, 5)

    regional = feedparser.parse(client.get("/new.atom?region=london").content)
    assert not regional.bozo
    assert [entry.title for entry in regional.entries] == ["Camden: 2023 Focused visit"]
    assert "London" in regional.feed.title


def test_an_authority_feed_validates(client, published):
    response = client.get("/authorities/knowsley/feed.atom")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == ["Knowsley: 2018 Focused visit"]
    assert "Focused visit (not graded)" in feed.entries[0].summary
    assert client.get("/authorities/nowhere/feed.atom").status_code == 404


def test_drafts_are_not_new(client):
    ingest_one(
        Source(
            KENT_ILACS,
            read=lambda: fixture_bytes(KENT_ILACS),
            listing=Listing(published_on=date(2022, 7, 5)),
        ),
        Options(publish=False),
    )
    assert client.get("/new/").context["entries"] == []
    assert feedparser.parse(client.get("/new.atom").content).entries == []


def test_a_report_published_after_the_page_was_read_is_on_it_at_once(
    client, published, django_capture_on_commit_callbacks
):
    """The unfiltered page is read once per data version: a draft published by an admin
    bumps the version when its transaction commits, so the next visitor sees it."""
    assert len(client.get("/new/").context["entries"]) == 3
    draft = ingest_one(
        Source(
            KNOWSLEY_APA_PDF,
            read=lambda: fixture_bytes(KNOWSLEY_APA_PDF),
            listing=Listing(published_on=date(2024, 3, 1)),
        ),
        Options(publish=False),
    )
    assert not draft.failed, draft.message
    assert len(client.get("/new/").context["entries"]) == 3
    draft.inspection.is_published = True
    with django_capture_on_commit_callbacks(execute=True):
        draft.inspection.save()
    shown = client.get("/new/").context["entries"]
    assert draft.inspection.pk in [entry.inspection.pk for entry in shown]
    assert len(shown) == 4
