"""import_official_statistics: table rows beside stored reports, or inspections of their own."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from authorities.models import Authority
from inspections.models import DataVersion, Inspection
from official.models import OfficialRecord
from official.store import store
from official.tables import TableError, TableRow
from vocabulary import Framework, InspectionType

from ..inspections.factories import OFFICIAL_ROW, J, make_inspection
from .test_tables import RELEASE_2025

pytestmark = pytest.mark.django_db


def _row(name, framework, start, published, **kwargs) -> TableRow:
    defaults = dict(
        **OFFICIAL_ROW,
        name_in_table=name,
        framework=framework,
        inspection_type=InspectionType.STANDARD,
        start_date=start,
        published_on=published,
    )
    defaults.update(kwargs)
    return TableRow(**defaults)


def test_a_stored_report_stands_and_the_tables_reading_is_kept_beside_it(client):
    report = make_inspection(
        "barnet",
        Framework.ILACS,
        date(2024, 6, 10),
        [J("Overall effectiveness", "Good", "")],
        inspection_type=InspectionType.SHORT,
        published_on=date(2024, 7, 23),
    )
    row = _row(
        "Barnet",
        Framework.ILACS,
        date(2024, 6, 11),  # a day out, as the tables are at times
        date(2024, 7, 23),
        judgements=[("Overall effectiveness", "Outstanding")],
    )
    summary = store([row])
    assert summary.counts["beside a stored report"] == 1
    assert Inspection.objects.filter(authority__slug="barnet").count() == 1
    record = OfficialRecord.objects.get()
    assert (record.inspection, record.is_source) == (report, False)
    assert record.judgements.get().grade == "outstanding"
    report.refresh_from_db()
    assert report.judgements.get().grade == "good"  # the report stands
    page = client.get(report.get_absolute_url()).content.decode()
    assert "The report stands; the tables' reading is kept beside it." in page
    assert "Overall effectiveness: Outstanding" in page


def test_what_no_report_holds_becomes_an_inspection_marked_as_from_the_table(client):
    row = _row(
        "Bournemouth",
        Framework.ILACS,
        date(2018, 7, 16),
        date(2018, 8, 24),
        sheet="ILACS_inspection_history",
        row=22,
        gss_code="E06000028",
        judgements=[("Overall effectiveness", "Requires improvement to be good")],
    )
    visit = _row(
        "Trafford",
        Framework.MONITORING_VISIT,
        date(2024, 5, 1),
        date(2024, 6, 3),
        event="LA Monitoring visit",
        inspection_type=InspectionType.VISIT,
        theme="Children in care",
        row=9,
    )
    make_inspection(
        "trafford", Framework.ILACS, date(2023, 1, 9), [J("Overall effectiveness", "Good", "")]
    )
    summary = store([row, visit])
    assert summary.counts["inspections made from the table"] == 2
    made = Inspection.objects.get(authority__slug="bournemouth")
    assert made.is_from_official_statistics and made.official_records.get().is_source
    assert made.judgements.get().grade == "requires-improvement"
    assert made.ofsted_url.startswith("https://reports.ofsted.gov.uk/")
    page = client.get(made.get_absolute_url()).content.decode()
    assert (
        "From Ofsted's official statistics (Local authority inspection outcomes as at "
        "31 March 2025, sheet ILACS_inspection_history); report not read here." in page
    )
    assert "Ofsted's page for Bournemouth" in page
    # A monitoring visit is an ungraded event on the timeline, with its theme.
    timeline = client.get("/authorities/trafford/").content.decode()
    assert "2024 Monitoring visit" in timeline
    assert "Theme: Children in care" in timeline
    assert "from Ofsted's official statistics; report not read here" in timeline
    # BCP's timeline shows Bournemouth's inspection as its predecessor's.
    bcp = client.get("/authorities/bournemouth-christchurch-and-poole/").content.decode()
    assert "2018 ILACS standard (Bournemouth)" in bcp


def test_a_row_known_by_publication_date_only_joins_the_inspection_another_table_dates():
    dated = _row("Northamptonshire", Framework.ILACS, date(2019, 6, 17), date(2019, 7, 29))
    undated = _row(
        "Northamptonshire",
        Framework.ILACS,
        None,
        date(2019, 7, 29),
        sheet="LA_inspections_2009-2023",
        event="First ILACS",
        former_table=True,
    )
    store([undated, dated])  # the dated row is stored first, whatever the order given
    inspection = Inspection.objects.get(authority__slug="northamptonshire")
    assert inspection.start_date == date(2019, 6, 17)
    assert inspection.official_records.count() == 2


def test_a_name_not_known_stores_nothing_and_says_which_row():
    rows = [
        _row("Barnet", Framework.ILACS, date(2024, 6, 10), date(2024, 7, 23)),
        _row("Atlantis", Framework.ILACS, date(2024, 6, 10), date(2024, 7, 23), row=77),
    ]
    with pytest.raises(TableError, match="release.ods: sheet In-year_inspections, row 77"):
        store(rows)
    assert not OfficialRecord.objects.exists()
    assert not Inspection.objects.exists()


def test_the_command_imports_a_release_and_again_changes_nothing(capsys):
    call_command("import_official_statistics", str(RELEASE_2025))
    out = capsys.readouterr().out
    assert (
        "Local authority inspection outcomes as at 31 March 2025 (published 25 September 2025)"
        in out
    )
    records, inspections = OfficialRecord.objects.count(), Inspection.objects.count()
    assert records == 536
    call_command("import_official_statistics", str(RELEASE_2025))
    assert (OfficialRecord.objects.count(), Inspection.objects.count()) == (records, inspections)


def test_the_command_names_a_bad_file_and_exits_1(tmp_path):
    bad = tmp_path / "broken.ods"
    bad.write_bytes(b"PK\x03\x04 not really")
    err = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import_official_statistics", str(bad), stderr=err)
    assert exit_.value.code == 1
    assert "failed: broken.ods: not a spreadsheet" in err.getvalue()


def test_a_report_stored_after_the_table_takes_its_readings_on_the_next_import():
    row = _row(
        "Knowsley",
        Framework.SLAC,
        None,
        date(2010, 3, 12),
        sheet="LA_inspections_2009-2023",
        event="SLAC",
        inspection_type=InspectionType.FULL,
        judgements=[("Safeguarding services: Overall effectiveness", "Good")],
    )
    store([row])
    made = Inspection.objects.get(authority__slug="knowsley")
    assert made.is_from_official_statistics
    assert made.judgements.get().area == "help-and-protection"
    report = make_inspection(
        "knowsley",
        Framework.SLAC,
        date(2010, 2, 1),
        [J("Overall effectiveness", "Grade 2 (Good)", "Safeguarding services")],
        published_on=date(2010, 3, 12),
    )
    summary = store([row])
    assert summary.counts["table-made inspections replaced by a stored report"] == 1
    assert list(Inspection.objects.filter(authority__slug="knowsley")) == [report]
    assert OfficialRecord.objects.get().inspection == report


def _made_rows(authorities, file_name="release.ods") -> list[TableRow]:
    """For each authority, an inspection no report holds and a second table's undated
    reading of it (which joins it), both graded."""
    rows = []
    for number, authority in enumerate(authorities, start=4):
        rows.append(
            _row(
                authority.name,
                Framework.ILACS,
                date(2019, 3, 4),
                date(2019, 4, 5),
                row=number,
                file_name=file_name,
                gss_code=authority.gss_code,
                judgements=[("Overall effectiveness", "Good")],
            )
        )
        rows.append(
            _row(
                authority.name,
                Framework.ILACS,
                None,
                date(2019, 4, 8),
                sheet="ILACS_inspection_history",
                row=number,
                file_name=file_name,
                gss_code=authority.gss_code,
                judgements=[
                    ("Overall effectiveness", "Good"),
                    ("The experiences and progress of children in care", "Outstanding"),
                ],
            )
        )
    return rows


def test_inspections_made_from_the_table_are_written_in_bulk_and_bump_the_version_once(
    django_capture_on_commit_callbacks,
):
    authorities = list(Authority.objects.filter(is_former=False).exclude(gss_code=None)[:8])
    few, many = _made_rows(authorities[:2], "few.ods"), _made_rows(authorities[2:], "many.ods")
    with (
        CaptureQueriesContext(connection) as for_few,
        django_capture_on_commit_callbacks(execute=True),
    ):
        store(few)
    version = DataVersion.objects.get().version
    with (
        CaptureQueriesContext(connection) as for_many,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        summary = store(many)

    assert len(for_many) == len(for_few)  # no query per row or per inspection
    assert len(callbacks) == 1 and DataVersion.objects.get().version == version + 1
    assert summary.counts["inspections made from the table"] == 6
    assert summary.counts["beside another table's reading"] == 6
    made = Inspection.objects.get(authority=authorities[5])
    assert made.official_records.count() == 2
    # The second reading adds the area the first lacked, numbered after the row's first.
    assert list(made.judgements.values_list("order", "area", "grade")) == [
        (0, "overall", "good"),
        (2, "children-in-care", "outstanding"),
    ]


def test_storing_a_release_again_writes_nothing_and_bumps_nothing(
    django_capture_on_commit_callbacks,
):
    authorities = list(Authority.objects.filter(is_former=False).exclude(gss_code=None)[:3])
    store(_made_rows(authorities))
    version = DataVersion.objects.get().version
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = store(_made_rows(authorities))
    assert summary.counts["beside another table's reading"] == 6
    assert not callbacks and DataVersion.objects.get().version == version


def test_a_release_read_again_with_another_grade_replaces_the_records_judgements():
    barnet = Authority.objects.get(slug="barnet")
    rows = _made_rows([barnet])
    store(rows)
    rows[1].judgements = [("Overall effectiveness", "Outstanding")]
    store(rows)
    record = OfficialRecord.objects.get(sheet="ILACS_inspection_history")
    assert list(record.judgements.values_list("label", "grade")) == [
        ("Overall effectiveness", "outstanding")
    ]
    # The record changed; unchanged rows stay as they were.
    assert OfficialRecord.objects.count() == 2


def test_a_table_made_inspection_moved_by_hand_is_made_again_from_its_row():
    barnet = Authority.objects.get(slug="barnet")
    rows = _made_rows([barnet])
    store(rows)
    made = Inspection.objects.get(authority=barnet)
    Inspection.objects.filter(pk=made.pk).update(
        start_date=date(2019, 9, 2), end_date=date(2019, 9, 2), published_on=date(2019, 11, 1)
    )
    made.judgements.filter(area="overall").delete()

    summary = store(rows)

    assert summary.counts["inspections made from the table"] == 1
    again = Inspection.objects.get(authority=barnet)
    assert (again.pk, again.start_date, again.published_on) == (
        made.pk,
        date(2019, 3, 4),
        date(2019, 4, 5),
    )
    assert list(again.judgements.values_list("order", "area")) == [
        (0, "overall"),
        (2, "children-in-care"),
    ]
