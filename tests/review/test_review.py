"""Reviewing an inspection in the admin: inlines, warnings, source file, list filters, search."""

from __future__ import annotations

import html

import pytest

from authorities.models import AuthorityName
from inspections.models import Inspection
from vocabulary import Framework

from .factories import (
    CHANGELIST_URL,
    K2006_TEXT,
    K2010_TEXT,
    K2017_TEXT,
    change_url,
    ingest_sample,
    read_sample,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(db):
    """Knowsley 2006 (APA), 2010 (SLAC, with parse warnings) and 2017 (SIF)."""
    return {
        "apa": ingest_sample(K2006_TEXT),
        "slac": ingest_sample(K2010_TEXT),
        "sif": ingest_sample(K2017_TEXT),
    }


def listed(response) -> set[int]:
    assert response.status_code == 200
    return {obj.pk for obj in response.context["cl"].result_list}


def test_change_form_shows_rows_warnings_source_and_uploader(client, publisher, editor):
    client.force_login(publisher)
    client.post(
        "/admin/inspections/inspection/upload/",
        {"files": [_upload(K2010_TEXT)]},
    )
    inspection = Inspection.objects.get()
    assert inspection.parse_warnings, "the sample is expected to carry parse warnings"

    page = client.get(change_url(inspection)).content.decode()

    for judgement in inspection.judgements.all():
        assert f'value="{judgement.label}"' in html.unescape(page)
    formsets = {
        f.formset.prefix: f.formset
        for f in client.get(change_url(inspection)).context["inline_admin_formsets"]
    }
    assert len(formsets["judgements"].forms) == inspection.judgements.count()
    assert len(formsets["recommendations"].forms) == inspection.recommendations.count()
    for warning in inspection.parse_warnings:
        assert warning in html.unescape(page)
    source_url = f"/admin/inspections/inspection/{inspection.pk}/source/"
    assert f'href="{source_url}"' in page and inspection.source_filename in page
    assert "publisher" in page  # uploaded by
    assert inspection.scale.description in page


def test_source_file_is_served_to_staff_who_may_view(client, editor, three):
    inspection = three["sif"]
    client.force_login(editor)

    response = client.get(f"/admin/inspections/inspection/{inspection.pk}/source/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"".join(response.streaming_content) == read_sample(K2017_TEXT)


def test_source_file_is_not_served_to_anonymous_visitors(client, three):
    response = client.get(f"/admin/inspections/inspection/{three['sif'].pk}/source/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_list_filters_by_framework_region_year_and_warnings(admin_client, three):
    assert listed(admin_client.get(CHANGELIST_URL, {"framework__exact": Framework.SIF})) == {
        three["sif"].pk
    }
    assert listed(admin_client.get(CHANGELIST_URL, {"authority__region": "north-west"})) == {
        i.pk for i in three.values()
    }
    assert listed(admin_client.get(CHANGELIST_URL, {"authority__region": "london"})) == set()
    assert listed(admin_client.get(CHANGELIST_URL, {"year": "2010"})) == {three["slac"].pk}
    with_warnings = {i.pk for i in three.values() if i.parse_warnings}
    assert with_warnings, "one sample at least is expected to carry warnings"
    assert listed(admin_client.get(CHANGELIST_URL, {"warnings": "yes"})) == with_warnings
    assert (
        listed(admin_client.get(CHANGELIST_URL, {"warnings": "no"}))
        == {i.pk for i in three.values()} - with_warnings
    )


def test_year_filter_offers_the_years_stored(admin_client, three):
    page = admin_client.get(CHANGELIST_URL).content.decode()

    for year in ("2006", "2010", "2017"):
        assert f"?year={year}" in page


def test_list_filters_drafts_and_unread_grades(admin_client, three):
    Inspection.objects.filter(pk=three["apa"].pk).update(is_published=False)
    flagged = three["sif"].judgements.first()
    flagged.grade = ""
    flagged.save()

    assert listed(admin_client.get(CHANGELIST_URL, {"published": "no"})) == {three["apa"].pk}
    assert listed(admin_client.get(CHANGELIST_URL, {"unread": "yes"})) == {three["sif"].pk}


def test_search_by_any_authority_spelling_and_by_inspector(admin_client, three):
    everything = {i.pk for i in three.values()}
    assert listed(admin_client.get(CHANGELIST_URL, {"q": "knowsley"})) == everything
    knowsley = three["sif"].authority
    AuthorityName.objects.create(authority=knowsley, name="Knowsley Metropolitan Borough Council")
    assert listed(admin_client.get(CHANGELIST_URL, {"q": "metropolitan borough"})) == everything
    assert listed(admin_client.get(CHANGELIST_URL, {"q": "liverpool"})) == set()
    inspector = three["sif"].lead_inspector
    assert inspector, "the SIF sample names its lead inspector"
    assert three["sif"].pk in listed(admin_client.get(CHANGELIST_URL, {"q": inspector}))


def test_list_shows_row_counts_and_warnings(admin_client, three):
    response = admin_client.get(CHANGELIST_URL)

    rows = {obj.pk: obj for obj in response.context["cl"].result_list}
    for inspection in three.values():
        assert rows[inspection.pk].judgement_total == inspection.judgements.count()
        assert rows[inspection.pk].recommendation_total == inspection.recommendations.count()


def test_inspections_cannot_be_added_by_hand_only_uploaded(admin_client):
    page = admin_client.get(CHANGELIST_URL).content.decode()

    assert "/admin/inspections/inspection/add/" not in page
    assert admin_client.get("/admin/inspections/inspection/add/").status_code == 403


def _upload(relative):
    from .factories import sample_upload

    return sample_upload(relative)
