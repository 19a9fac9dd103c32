"""The England CSV, authority by authority and area by area, against Ofsted's own tables."""

from __future__ import annotations

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command

from inspections import england
from official.models import OfficialRecord
from official.reconcile import TO_CHECK, reconcile
from vocabulary import GRADE_RANKS, Area

pytestmark = pytest.mark.django_db

TABLES = {
    # as at: Ofsted's table of each authority's latest grades at that date
    "2025-03-31": "Inspections_as_at_31_March",
    "2023-03-31": "LA_level_at_31_Mar_2023",
}


def _csv(client, as_at: str) -> dict[tuple[str, str], str]:
    response = client.get("/england.csv", {"as_at": as_at})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    # grade_rank: 1 for Outstanding to 4 for Inadequate, the comparable grade as a number.
    return {(r["la_name"], r["area"]): r["grade_rank"] for r in csv.DictReader(io.StringIO(text))}


def _table(sheet: str) -> dict[tuple[str, str], str]:
    records = OfficialRecord.objects.filter(sheet=sheet, is_standing=True)
    return {
        (record.authority.name, Area(judgement.area).label): str(GRADE_RANKS[judgement.grade])
        for record in records.select_related("authority").prefetch_related("judgements")
        for judgement in record.judgements.all()
    }


def test_the_national_dataset_against_ofsteds_tables(client):
    call_command("load_dataset", stdout=StringIO())
    england.forget()
    for as_at, sheet in TABLES.items():
        table, app = _table(sheet), _csv(client, as_at)
        authorities = {name for name, _ in table}
        assert len(authorities) == {"2025-03-31": 153, "2023-03-31": 152}[as_at]
        differ = {
            key: (grade, app.get(key)) for key, grade in table.items() if app.get(key) != grade
        }
        assert differ == {}, as_at
        # Nothing counted that the table does not hold (no older grade for an area the
        # latest inspection did not judge, no authority that did not exist then).
        assert set(app) == set(table), as_at
    # Every disagreement between a stored report and the tables is explained.
    result = reconcile()
    assert result.records > 1000
    assert [d.line() for d in result.disagreements if d.explanation == TO_CHECK] == []
