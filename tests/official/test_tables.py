"""Reading Ofsted's official statistics spreadsheets (no database)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from official.dataset import OFFICIAL_DIR, read_rows, rows_file, write_rows
from official.tables import TableError, read_release

RELEASE_2025 = OFFICIAL_DIR / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
RELEASE_2023 = OFFICIAL_DIR / "Childrens_social_care_in_England_2023_underlying_data.ods"


@pytest.fixture(scope="module")
def release_2025():
    return read_release(RELEASE_2025)


@pytest.fixture(scope="module")
def release_2023():
    return read_release(RELEASE_2023)


def test_the_2025_release_is_read_sheet_by_sheet(release_2025):
    assert release_2025.release.title == "Local authority inspection outcomes as at 31 March 2025"
    assert release_2025.release.published_on == date(2025, 9, 25)
    sheets = Counter(row.sheet for row in release_2025.rows)
    assert sheets == {
        "Inspections_as_at_31_March": 153,
        "In-year_inspections": 112,
        "ILACS_inspection_history": 271,
    }
    kinds = Counter(
        row.framework for row in release_2025.rows if row.sheet == "In-year_inspections"
    )
    assert kinds == {"focused-visit": 36, "ilacs": 52, "monitoring-visit": 24}


def test_a_row_keeps_its_dates_grades_theme_and_code(release_2025):
    bournemouth = next(r for r in release_2025.rows if r.name_in_table == "Bournemouth")
    assert (bournemouth.sheet, bournemouth.row, bournemouth.gss_code) == (
        "ILACS_inspection_history",
        22,
        "E06000028",
    )
    assert (bournemouth.start_date, bournemouth.published_on) == (
        date(2018, 7, 16),
        date(2018, 8, 24),
    )
    assert bournemouth.judgements[:2] == [
        ("Overall effectiveness", "Requires improvement to be good"),
        ("The impact of leaders on social work practice with children and families", "Inadequate"),
    ]
    visit = next(
        r
        for r in release_2025.rows
        if r.name_in_table == "Barnsley" and r.framework == "focused-visit"
    )
    assert (visit.theme, visit.start_date, visit.judgements) == (
        "Children in care",
        date(2024, 11, 5),
        [],
    )


def test_the_2023_history_gives_sif_and_ilacs_by_publication_date(release_2023):
    assert release_2023.release.title == "Children's social care data in England 2023"
    former = [r for r in release_2023.rows if r.former_table]
    assert sorted({r.name_in_table for r in former}) == [
        "Bournemouth",
        "Dorset",
        "Northamptonshire",
        "Poole",
    ]
    poole_sif = next(r for r in former if r.name_in_table == "Poole" and r.event == "First SIF")
    assert (poole_sif.start_date, poole_sif.published_on) == (None, date(2017, 11, 24))
    assert ("Adoption Performance", "Good") in poole_sif.judgements
    assert release_2023.skipped == {}
    # 2009-2013: the latest SLAC, its re-inspections, child protection and targeted LAC.
    events = Counter(r.event for r in release_2023.rows if r.sheet == "LA_inspections_2009-2023")
    assert events["SLAC"] == 152 and events["Child protection inspection"] > 0
    northants = [r for r in former if r.name_in_table == "Northamptonshire"]
    cp = next(r for r in northants if r.event == "Child protection inspection")
    assert (cp.framework, cp.published_on, cp.judgements) == (
        "child-protection",
        date(2013, 3, 20),
        [("Overall effectiveness", "Inadequate")],
    )
    slac = next(r for r in northants if r.event == "SLAC")
    assert slac.judgements == [
        ("Safeguarding services: Overall effectiveness", "Requires improvement to be good"),
        (
            "Services for looked after children: Overall effectiveness",
            "Requires improvement to be good",
        ),
    ]


def test_a_file_that_is_not_a_release_is_refused_naming_it(tmp_path):
    bad = tmp_path / "not-a-release.ods"
    bad.write_bytes(b"this is not a spreadsheet")
    with pytest.raises(TableError, match="not-a-release.ods: not a spreadsheet"):
        read_release(bad)
    with pytest.raises(TableError, match="missing.ods"):
        read_release(Path(tmp_path / "missing.ods"))


@pytest.mark.parametrize("spreadsheet", [RELEASE_2025, RELEASE_2023], ids=["2025", "2023"])
def test_the_shipped_rows_are_what_the_spreadsheet_gives_byte_for_byte(spreadsheet, tmp_path):
    shipped = rows_file(spreadsheet)
    rows = read_release(spreadsheet).rows
    shipped_rows = read_rows(shipped)
    # The shipped rows carry the authority each name resolved to; everything else is the read.
    for row in rows:
        row.authority = next(
            s.authority
            for s in shipped_rows
            if (s.sheet, s.row, s.event) == (row.sheet, row.row, row.event)
        )
    write_rows(rows, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == shipped.read_bytes()
