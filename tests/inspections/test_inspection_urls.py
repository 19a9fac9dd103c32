"""Stable addresses: an inspection's URL is built from its authority, start date and framework
(the same on every install), and the older addresses by database id redirect to it."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from inspections.models import Inspection
from inspections.queries import InspectionKey, inspection_path, inspection_source_path
from vocabulary import Framework

from .factories import ilacs, make_inspection

pytestmark = pytest.mark.django_db

KNOWSLEY_2024 = "/authorities/knowsley/inspections/2024-11-18-ilacs/"
# Any address with a database id in it: none should be linked from a page or a CSV.
BY_ID = re.compile(r"/inspections/\d+/")


def rows_of(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------- the address


def test_the_address_is_authority_start_date_and_framework(merseyside):
    knowsley = merseyside["knowsley"]
    assert knowsley[5].get_absolute_url() == KNOWSLEY_2024
    assert knowsley[2].get_absolute_url() == "/authorities/knowsley/inspections/2014-04-29-sif/"
    assert knowsley[0].get_absolute_url() == "/authorities/knowsley/inspections/2006-11-01-apa/"
    for inspection in Inspection.objects.select_related("authority"):
        path = inspection.get_absolute_url()
        assert path == inspection_path(
            inspection.authority.slug, inspection.start_date, inspection.framework
        )
        assert path + "report/" == inspection_source_path(
            inspection.authority.slug, inspection.start_date, inspection.framework
        )
        # Nothing but the authority, the date and the framework: no database id.
        assert path == (
            f"/authorities/{inspection.authority.slug}/inspections/"
            f"{inspection.start_date:%Y-%m-%d}-{inspection.framework}/"
        )


def test_a_framework_with_a_hyphen_is_part_of_the_key(client, db):
    inspection = make_inspection("knowsley", Framework.ILACS_2026, date(2026, 5, 11))
    path = "/authorities/knowsley/inspections/2026-05-11-ilacs-2026/"
    assert inspection.get_absolute_url() == path
    assert client.get(path).context["inspection"] == inspection
    assert InspectionKey.parse("2026-05-11-ilacs-2026") == (date(2026, 5, 11), "ilacs-2026")
    assert str(InspectionKey(date(2026, 5, 11), "ilacs-2026")) == "2026-05-11-ilacs-2026"
    assert reverse("inspections:inspection-detail", args=["knowsley", "2026-05-11-ilacs-2026"]) == (
        path
    )
    assert reverse(
        "inspections:inspection-source",
        args=["knowsley", InspectionKey(date(2026, 5, 11), "ilacs-2026")],
    ) == (path + "report/")


def test_two_installs_give_an_inspection_the_same_address(client, db):
    """Loading the same reports in another order (other ids) keeps every address."""
    first = ilacs("wigan", date(2022, 6, 6), "Good", "Good", "Good", "Good")
    address = first.get_absolute_url()
    first_pk = first.pk
    first.delete()
    # Another install: other inspections were loaded first, so the ids differ.
    ilacs("bury", date(2019, 1, 7), "Good", "Good", "Good", "Good")
    ilacs("bolton", date(2020, 1, 6), "Good", "Good", "Good", "Good")
    again = ilacs("wigan", date(2022, 6, 6), "Good", "Good", "Good", "Good")
    assert again.pk != first_pk
    assert again.get_absolute_url() == address == "/authorities/wigan/inspections/2022-06-06-ilacs/"
    assert str(again.pk) not in address
    assert client.get(address).context["inspection"] == again


# --------------------------------------------------------------------------- serving it


def test_the_new_address_serves_the_inspection_page(client, merseyside):
    response = client.get(KNOWSLEY_2024)
    assert response.status_code == 200
    assert response.context["inspection"] == merseyside["knowsley"][5]
    page = response.content.decode()
    assert f'href="{KNOWSLEY_2024}report/"' in page  # "Download the report"
    # Previous / next go to the neighbours' stable addresses.
    previous = response.context["previous"].url
    assert previous == "/authorities/knowsley/inspections/2021-10-11-ilacs/"
    assert f'href="{previous}"' in page
    assert response.context["following"] is None
    assert not BY_ID.search(page)


def test_the_report_file_has_a_stable_address_too(client, db):
    inspection = make_inspection(
        "wirral", Framework.SIF, date(2015, 1, 5), file_bytes=b"%PDF-1.4 report"
    )
    response = client.get("/authorities/wirral/inspections/2015-01-05-sif/report/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"
    assert inspection.get_absolute_url() + "report/" == (
        "/authorities/wirral/inspections/2015-01-05-sif/report/"
    )


def test_old_addresses_by_id_redirect_permanently(client, merseyside):
    inspection = merseyside["knowsley"][5]
    response = client.get(f"/inspections/{inspection.pk}/")
    assert response.status_code == 301
    assert response["Location"] == KNOWSLEY_2024
    assert client.get(f"/inspections/{inspection.pk}/", follow=True).status_code == 200

    response = client.get(f"/inspections/{inspection.pk}/report/")
    assert response.status_code == 301
    assert response["Location"] == KNOWSLEY_2024 + "report/"

    response = client.get(f"/inspections/{inspection.pk}/", {"from": "bookmark"})
    assert response["Location"] == KNOWSLEY_2024 + "?from=bookmark"


def test_drafts_are_not_reachable_by_either_address(client, db):
    draft = make_inspection(
        "wirral", Framework.SIF, date(2015, 1, 5), published=False, file_bytes=b"%PDF-1.4"
    )
    new = "/authorities/wirral/inspections/2015-01-05-sif/"
    assert draft.get_absolute_url() == new
    assert client.get(new).status_code == 404
    assert client.get(new + "report/").status_code == 404
    assert client.get(f"/inspections/{draft.pk}/").status_code == 404
    assert client.get(f"/inspections/{draft.pk}/report/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/authorities/knowsley/inspections/2024-11-19-ilacs/",  # another day
        "/authorities/knowsley/inspections/2024-11-18-sif/",  # another framework
        "/authorities/knowsley/inspections/2024-11-18-nonsense/",  # not a framework
        "/authorities/liverpool/inspections/2024-11-18-ilacs/",  # another authority
        "/authorities/nowhere/inspections/2024-11-18-ilacs/",  # no such authority
        "/authorities/knowsley/inspections/2024-13-45-ilacs/",  # no such date
        "/authorities/knowsley/inspections/2023-02-29-ilacs/",  # not a leap year
        "/authorities/knowsley/inspections/2024-11-18-ilacs/report/extra/",
        "/authorities/knowsley/inspections/2024-11-18/",  # no framework
        "/authorities/knowsley/inspections/2024-11-18-ILACS/",  # frameworks are lower case
        "/authorities/knowsley/inspections/2024-11-18-ilacs-/",
        "/authorities/knowsley/inspections/24-11-18-ilacs/",
        "/authorities/knowsley/inspections/",
        "/authorities/knowsley/inspections/2024-13-45-ilacs/report/",
        "/inspections/999999/",
        "/inspections/999999/report/",
    ],
)
def test_an_address_that_names_no_published_inspection_is_404(client, merseyside, path):
    assert client.get(path).status_code == 404


def test_two_inspections_sharing_a_key_do_not_break_the_page(client, db):
    # The database allows it (its unique constraint includes the end date): the first wins.
    first = make_inspection("wirral", Framework.SIF, date(2015, 1, 5), end=date(2015, 1, 9))
    make_inspection("wirral", Framework.SIF, date(2015, 1, 5), end=date(2015, 1, 16))
    response = client.get("/authorities/wirral/inspections/2015-01-05-sif/")
    assert response.status_code == 200
    assert response.context["inspection"] == first


# --------------------------------------------------------------------------- links to it


def test_pages_link_inspections_by_their_stable_address(client, merseyside):
    knowsley = merseyside["knowsley"]
    pages = [
        "/",
        "/authorities/",
        "/authorities/knowsley/",
        "/inspections/",
        "/judgements/?authority=knowsley",
        "/recommendations/?authority=knowsley",
        "/compare/?authority=knowsley&authority=liverpool&area=overall",
        KNOWSLEY_2024,
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not BY_ID.search(response.content.decode()), path
    timeline = client.get("/authorities/knowsley/").content.decode()
    for inspection in knowsley:
        assert f'href="{inspection.get_absolute_url()}"' in timeline
    compare = client.get("/compare/?authority=knowsley&authority=liverpool&area=overall")
    assert f'href="{KNOWSLEY_2024}"' in compare.content.decode()  # a grade links its page
    timeline_chart = client.get("/authorities/knowsley/").context["chart_data"]
    assert timeline_chart["urls"] == [i.get_absolute_url() for i in knowsley]
    overall = next(s for s in timeline_chart["series"] if s["key"] == "overall")
    assert overall["points"][-1]["url"] == KNOWSLEY_2024


# --------------------------------------------------------------------------- CSV


def test_csv_inspection_url_is_the_stable_absolute_address(client, merseyside):
    pages = {i.pk: "http://testserver" + i.get_absolute_url() for i in Inspection.objects.all()}
    stable = re.compile(
        r"http://testserver/authorities/[a-z0-9-]+/inspections/\d{4}-\d{2}-\d{2}-[a-z0-9-]+/"
    )

    inspections = rows_of(client.get("/inspections.csv"))
    assert {row["inspection_url"] for row in inspections} == set(pages.values())
    knowsley_2024 = next(
        row
        for row in inspections
        if row["la_name"] == "Knowsley" and row["inspection_start"] == "2024-11-18"
    )
    assert knowsley_2024["inspection_url"] == "http://testserver" + KNOWSLEY_2024
    assert knowsley_2024["source_file"] == "http://testserver" + KNOWSLEY_2024 + "report/"

    exports = [
        "/judgements.csv",
        "/recommendations.csv",
        "/compare.csv?authority=knowsley&authority=liverpool&area=overall",
    ]
    for export in exports:
        rows = rows_of(client.get(export))
        assert rows, export
        for row in rows:
            assert stable.fullmatch(row["inspection_url"]), (export, row["inspection_url"])
            assert row["inspection_url"] in pages.values(), export
            if "source_file" in row:
                assert row["source_file"] == row["inspection_url"] + "report/"
    # Each address opens the page of the inspection the row is about.
    for url in {row["inspection_url"] for row in inspections}:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
