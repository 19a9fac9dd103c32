"""The national dataset: export, load, idempotence, corrections kept, bad files named."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from ingest import dataset
from ingest.load import Listing, ingest_bytes
from inspections.models import Inspection, Judgement, Recommendation
from tests.samples import sample_path
from vocabulary import PublishedSource

pytestmark = pytest.mark.django_db

K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"
L2023_ILACS = "pdf-original/liverpool-2023-ilacs.pdf"
ILACS_URL = "https://files.ofsted.gov.uk/v1/file/50000000"


def _ingest_two():
    sif = ingest_bytes(sample_path(K2017_TEXT).read_bytes(), "knowsley-2017.txt")
    ilacs = ingest_bytes(
        sample_path(L2023_ILACS).read_bytes(),
        "liverpool-2023.pdf",
        listing=Listing(published_on=date(2023, 4, 5), url=ILACS_URL),
    )
    return sif.inspection, ilacs.inspection


def _snapshot():
    return (
        sorted(
            Inspection.objects.values_list(
                "sha256",
                "authority__slug",
                "framework",
                "start_date",
                "published_on",
                "published_on_source",
                "ofsted_url",
                "lead_inspector",
                "parser_version",
            )
        ),
        sorted(
            Judgement.objects.values_list(
                "inspection__sha256", "order", "label", "grade_as_printed", "grade", "area", "page"
            )
        ),
        sorted(
            Recommendation.objects.values_list(
                "inspection__sha256",
                "order",
                "section",
                "kind",
                "timescale",
                "text",
                "page",
                "national_framework",
            )
        ),
    )


def test_publication_date_comes_from_the_report_else_from_the_listing():
    sif, ilacs = _ingest_two()
    assert (sif.published_on, sif.published_on_source) == (
        date(2017, 6, 13),
        PublishedSource.REPORT,
    )
    assert (ilacs.published_on, ilacs.published_on_source) == (
        date(2023, 4, 5),
        PublishedSource.LISTING,
    )
    assert ilacs.ofsted_url == ILACS_URL


def test_export_is_sorted_one_record_a_line_and_reproducible(tmp_path):
    _ingest_two()
    summary = dataset.export(tmp_path / "a")
    dataset.export(tmp_path / "b")

    for name in (dataset.INSPECTIONS_FILE, dataset.JUDGEMENTS_FILE, dataset.RECOMMENDATIONS_FILE):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes()
        lines = first.decode().splitlines()
        assert all(json.loads(line) for line in lines)
    assert summary.inspections == 2
    assert summary.judgements == Judgement.objects.count()
    record = json.loads((tmp_path / "a" / dataset.INSPECTIONS_FILE).read_text().splitlines()[1])
    assert record["authority"] == "liverpool"
    assert record["ofsted_url"] == ILACS_URL
    assert len(record["sha256"]) == 64 and record["parser_version"].startswith("ilacs")
    judgement = json.loads((tmp_path / "a" / dataset.JUDGEMENTS_FILE).read_text().splitlines()[0])
    assert judgement["page"] is None or judgement["page"] >= 1


def test_load_into_an_empty_database_gives_back_the_same_inspections(tmp_path):
    _ingest_two()
    dataset.export(tmp_path)
    before = _snapshot()
    Inspection.objects.all().delete()

    summary = dataset.load_records(dataset.read(tmp_path))

    assert summary.counts["created"] == 2 and not summary.left
    assert _snapshot() == before
    assert all(not inspection.source_file for inspection in Inspection.objects.all())


def test_loading_twice_changes_nothing(tmp_path):
    _ingest_two()
    dataset.export(tmp_path)
    Inspection.objects.all().delete()
    dataset.load_records(dataset.read(tmp_path))
    before = _snapshot()
    updated = list(Inspection.objects.values_list("updated_at", flat=True))

    summary = dataset.load_records(dataset.read(tmp_path))

    assert summary.counts["unchanged"] == 2
    assert _snapshot() == before
    assert list(Inspection.objects.values_list("updated_at", flat=True)) == updated


def test_a_newer_dataset_replaces_parsed_rows_but_keeps_corrections(tmp_path):
    sif, _ = _ingest_two()
    dataset.export(tmp_path)
    corrected = sif.judgements.first()
    corrected.grade_as_printed = "Good (corrected)"
    corrected.edited_at = timezone.now()
    corrected.save()
    path = tmp_path / dataset.INSPECTIONS_FILE
    path.write_text(path.read_text().replace('"sif-', '"sif-next-'))

    summary = dataset.load_records(dataset.read(tmp_path))

    assert summary.counts["replaced"] == 1 and summary.counts["unchanged"] == 1
    corrected.refresh_from_db()
    assert corrected.grade_as_printed == "Good (corrected)"
    assert sif.judgements.filter(label=corrected.label).count() == 1
    sif.refresh_from_db()
    assert sif.parser_version.startswith("sif-next-")


def test_a_damaged_dataset_is_refused_naming_the_file_and_line(tmp_path):
    _ingest_two()
    dataset.export(tmp_path)
    path = tmp_path / dataset.JUDGEMENTS_FILE
    lines = path.read_text().splitlines()
    lines[2] = lines[2][:-5]
    path.write_text("\n".join(lines) + "\n")
    before = _snapshot()

    with pytest.raises(CommandError, match=rf"{dataset.JUDGEMENTS_FILE}, line 3: not JSON"):
        call_command("load_dataset", input=tmp_path)
    assert _snapshot() == before


L2026_ILACS = "pdf-original/liverpool-2026-ilacs-post-reform.pdf"


def test_national_framework_themes_go_out_and_come_back_only_where_printed(tmp_path):
    """Liverpool 2026 prints a theme with each of its four items (read off the report:
    outcome 3, then outcome 4 three times); the 2023 report prints none."""
    _ingest_two()
    ingest_bytes(sample_path(L2026_ILACS).read_bytes(), "liverpool-2026.pdf")
    dataset.export(tmp_path)
    lines = [
        json.loads(line)
        for line in (tmp_path / dataset.RECOMMENDATIONS_FILE).read_text().splitlines()
    ]
    tagged = [line["national_framework"] for line in lines if "national_framework" in line]
    assert sorted(tagged) == ["outcome 3", "outcome 4", "outcome 4", "outcome 4"]
    assert not [line["text"] for line in lines if "national framework" in line["text"].lower()]
    before = _snapshot()
    Inspection.objects.all().delete()

    dataset.load_records(dataset.read(tmp_path))

    assert _snapshot() == before
    assert Recommendation.objects.exclude(national_framework="").count() == 4


@pytest.mark.parametrize("value", ["outcome 9", "Outcome 4", "outcome 4;enabler 2", 4])
def test_a_theme_the_vocabulary_lacks_refuses_the_dataset(tmp_path, value):
    _ingest_two()
    dataset.export(tmp_path)
    path = tmp_path / dataset.RECOMMENDATIONS_FILE
    lines = path.read_text().splitlines()
    record = json.loads(lines[0])
    record["national_framework"] = value
    lines[0] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n")

    with pytest.raises(dataset.DatasetInvalid) as refused:
        dataset.read(tmp_path)
    assert f"{dataset.RECOMMENDATIONS_FILE}, line 1, field national_framework" in str(refused.value)


def test_commands_round_trip(tmp_path, capsys):
    _ingest_two()
    call_command("export_dataset", output=tmp_path)
    Inspection.objects.all().delete()
    call_command("load_dataset", input=tmp_path)
    out = capsys.readouterr().out
    assert "2 inspections" in out and "2 created" in out


def _planner_rows(model) -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
        )
        return cursor.fetchone()[0]


def test_a_load_leaves_the_planner_statistics_of_every_table_it_wrote(tmp_path):
    """PostgreSQL: after a load, the planner knows the rows of the official statistics'
    tables as well as the reports' (analysed after both are written, not between)."""
    from django.db import connection

    from official.models import OfficialJudgement, OfficialRecord

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    call_command("load_dataset", stdout=StringIO())
    for model in (Inspection, Judgement, Recommendation, OfficialRecord, OfficialJudgement):
        assert _planner_rows(model) > 0, model.__name__
