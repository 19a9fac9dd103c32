"""Teaching the app authority names, and marking former authorities, in the admin."""

from __future__ import annotations

import pytest

from authorities.models import Authority, AuthorityName
from ingest.upload import Outcome

from .factories import UPLOAD_URL, admin_form_data, atlantis_report, db_snapshot, upload_file

pytestmark = pytest.mark.django_db


def authority_url(authority: Authority) -> str:
    return f"/admin/authorities/authority/{authority.pk}/change/"


def add_name(client, authority: Authority, name: str):
    data = admin_form_data(client.get(authority_url(authority)))
    prefix = "names"
    index = int(data[f"{prefix}-TOTAL_FORMS"]) - 1  # the empty extra form
    data[f"{prefix}-{index}-name"] = name
    data[f"{prefix}-{index}-authority"] = str(authority.pk)
    return client.post(authority_url(authority), data)


def test_a_new_spelling_lets_a_refused_report_in(admin_client):
    report = atlantis_report()
    first = admin_client.post(UPLOAD_URL, {"files": [upload_file("a.txt", report, "text/plain")]})
    assert first.context["results"][0].outcome == Outcome.REFUSED
    knowsley = Authority.objects.get(slug="knowsley")

    response = add_name(admin_client, knowsley, "Atlantis Council")

    assert response.status_code == 302
    assert Authority.objects.resolve("Atlantis Council") == knowsley
    again = admin_client.post(UPLOAD_URL, {"files": [upload_file("a.txt", report, "text/plain")]})
    result = again.context["results"][0]
    assert result.outcome == Outcome.CREATED and result.inspection.authority == knowsley


def test_a_spelling_that_already_names_an_authority_is_refused_clearly(admin_client):
    knowsley = Authority.objects.get(slug="knowsley")
    before = db_snapshot()

    response = add_name(admin_client, knowsley, "st  helens")

    assert response.status_code == 200
    assert "is already a name of St Helens" in response.content.decode().replace("&#x27;", "'")
    assert db_snapshot() == before


def test_a_former_authority_is_marked_and_linked_to_its_successors(admin_client):
    poole = Authority.objects.get(name="Poole")
    successor = Authority.objects.get(slug="knowsley")  # any authority will do for the test
    data = admin_form_data(admin_client.get(authority_url(poole)))
    data["is_former"] = "on"
    data["successors"] = [*data.get("successors", []), str(successor.pk)]

    response = admin_client.post(authority_url(poole), data)

    assert response.status_code == 302
    poole.refresh_from_db()
    assert poole.is_former and successor in poole.successors.all()
    assert poole in successor.predecessors.all()


def test_a_new_authority_is_found_by_its_own_names(admin_client):
    data = {
        "name": "New Shire",
        "slug": "new-shire",
        "official_name": "New Shire Council",
        "region": "south-west",
        "authority_type": "unitary",
        "la_number": "999",
        "gss_code": "",
        "ofsted_urn": "",
        "population_0_25": "",
        "names-TOTAL_FORMS": "0",
        "names-INITIAL_FORMS": "0",
        "neighbour_links-TOTAL_FORMS": "0",
        "neighbour_links-INITIAL_FORMS": "0",
    }

    response = admin_client.post("/admin/authorities/authority/add/", data)

    assert response.status_code == 302, response.content[:2000]
    created = Authority.objects.get(slug="new-shire")
    assert Authority.objects.resolve("New Shire") == created
    assert Authority.objects.resolve("New Shire Council") == created
    assert AuthorityName.objects.filter(authority=created).count() == 2


def test_authorities_are_searchable_by_alternative_name(admin_client):
    response = admin_client.get("/admin/authorities/authority/", {"q": "St. Helens"})

    assert [a.slug for a in response.context["cl"].result_list] == ["st-helens"]
