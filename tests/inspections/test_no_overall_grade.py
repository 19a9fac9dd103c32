"""The 2026 framework makes no overall effectiveness judgement: no page calls an earlier
framework's overall grade an authority's latest once a later full inspection gave none."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from inspections.queries import grade_distribution
from vocabulary import Framework, InspectionType

from .factories import J, make_inspection

pytestmark = pytest.mark.django_db


@pytest.fixture
def liverpool():
    make_inspection(
        "liverpool",
        Framework.ILACS,
        date(2023, 3, 13),
        [
            J("Overall effectiveness", "Inadequate", ""),
            J("The impact of leaders", "Inadequate", ""),
        ],
        published_on=date(2023, 5, 2),
        inspection_type=InspectionType.STANDARD,
    )
    make_inspection(
        "liverpool",
        Framework.ILACS_2026,
        date(2026, 4, 20),
        [J("The impact of leaders", "Good", "")],
        published_on=date(2026, 6, 1),
        inspection_type=InspectionType.STANDARD,
    )
    make_inspection(
        "knowsley",
        Framework.ILACS,
        date(2024, 11, 18),
        [J("Overall effectiveness", "Good", "")],
        published_on=date(2025, 1, 20),
    )


def test_the_authority_list_shows_no_overall_grade_not_the_old_one(client, liverpool):
    page = client.get("/authorities/", {"region": "north-west"}).content.decode()
    assert "no overall grade (2026 framework)" in page
    response = client.get("/authorities.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["la_name"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["Liverpool"]["overall_grade"] == ""
    assert rows["Knowsley"]["overall_grade"] == "Good"


def test_overall_counts_say_how_many_have_no_overall_grade(client, liverpool):
    overall = next(row for row in grade_distribution() if row.area == "overall")
    assert (overall.total, overall.no_grade) == (1, 1)
    page = client.get("/").content.decode()
    assert (
        "1 authority has no overall grade (latest full inspection under the 2026 framework)" in page
    )
    england = client.get("/england/", {"as_at": "2026-06-30"}).content.decode()
    assert "have no overall effectiveness grade that counts at this date" in england
    detail = client.get("/authorities/liverpool/").content.decode()
    assert "no overall grade (2026 framework)" in detail
