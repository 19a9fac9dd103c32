"""The national dataset committed in dataset/: complete, refused only for true reasons, loadable.

``dataset/manifest.csv`` is a copy of the corpus's manifest (Ofsted's listing of every
report file), so these tests run from a fresh clone without ``../shared``.
"""

from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from ingest import dataset
from inspections.models import Inspection
from vocabulary import FROM_OFFICIAL_STATISTICS

MANIFEST = dataset.DATASET_DIR / "manifest.csv"
CORPUS_MANIFEST = Path(dataset.DATASET_DIR).parent.parent / "shared" / "corpus" / "manifest.csv"
MAX_BYTES = 15 * 1024**2
# The only reasons a corpus file may stay out of the dataset.
TRUE_REFUSALS = (
    "this file is an HTML page, not a PDF or text report",
    "which is not a kind of report the app reads",
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def _dataset_shas() -> set[str]:
    lines = (dataset.DATASET_DIR / dataset.INSPECTIONS_FILE).read_text(encoding="utf-8")
    return {json.loads(line)["sha256"] for line in lines.splitlines()}


def _refusals() -> dict[str, str]:
    return {
        row["sha256"]: row["reason"] for row in _rows(dataset.DATASET_DIR / dataset.REFUSALS_FILE)
    }


def test_every_inspection_file_listed_is_in_the_dataset_or_refused():
    shas, refusals = _dataset_shas(), _refusals()
    inspections = [row for row in _rows(MANIFEST) if "focused visit" not in row["listing"]]
    assert len(inspections) == 497
    missing = [
        row["file"]
        for row in inspections
        if row["sha256"] not in shas and row["sha256"] not in refusals
    ]
    assert missing == []


def test_files_are_refused_only_for_true_reasons():
    wrong = {
        sha: reason
        for sha, reason in _refusals().items()
        if not reason.startswith(TRUE_REFUSALS)
        and not any(true in reason for true in TRUE_REFUSALS)
    }
    assert wrong == {}


def test_the_dataset_is_small_enough_to_ship():
    size = sum(
        (dataset.DATASET_DIR / name).stat().st_size
        for name in (
            dataset.INSPECTIONS_FILE,
            dataset.JUDGEMENTS_FILE,
            dataset.RECOMMENDATIONS_FILE,
        )
    )
    assert size < MAX_BYTES


@pytest.mark.skipif(not CORPUS_MANIFEST.exists(), reason="../shared/corpus is not here")
def test_the_committed_manifest_is_the_corpus_manifest():
    assert MANIFEST.read_bytes() == CORPUS_MANIFEST.read_bytes()


@pytest.mark.django_db
def test_load_dataset_with_no_arguments_loads_england_once(capsys):
    call_command("load_dataset")
    first = capsys.readouterr().out
    records = len(_dataset_shas())
    from_reports = Inspection.objects.exclude(parser_version=FROM_OFFICIAL_STATISTICS)
    assert from_reports.count() == records
    assert Inspection.objects.values("authority").distinct().count() >= 150
    assert f"{records} created" in first
    # Then Ofsted's tables: what no report holds (the five replaced authorities' SIF and
    # ILACS inspections, monitoring visits) becomes an inspection of its own.
    assert "official statistics: 2 releases:" in first
    made = Inspection.objects.filter(parser_version=FROM_OFFICIAL_STATISTICS)
    assert made.filter(framework__in=["sif", "ilacs"]).count() == 9
    assert made.filter(framework="monitoring-visit").count() == 48
    # Every authority's latest 2009-2012 SLAC, its 2012-13 child protection inspection.
    assert made.filter(framework="slac").count() > 150
    assert made.filter(framework="child-protection").count() > 50
    total = Inspection.objects.count()

    call_command("load_dataset")
    assert f"{records} unchanged" in capsys.readouterr().out
    assert Inspection.objects.count() == total


@pytest.mark.django_db
def test_a_loaded_inspection_is_served_at_its_stable_address_with_its_provenance(client):
    call_command("load_dataset", stdout=StringIO())

    response = client.get("/authorities/knowsley/inspections/2024-11-18-ilacs/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "20 January 2025" in page and "Ofsted's listing; the report prints no date" in page
    assert 'href="https://files.ofsted.gov.uk/v1/file/50267008"' in page
    assert "Rebekah Tucker" in page
    timeline = client.get("/authorities/knowsley/").content.decode()
    for year in ("2014", "2017", "2021", "2024"):
        assert f"/authorities/knowsley/inspections/{year}-" in timeline


@pytest.mark.django_db
def test_loading_and_exporting_gives_back_the_same_files(tmp_path):
    """Every record passes the loader's checks and nothing is lost or altered on the way in."""
    call_command("load_dataset", stdout=StringIO())

    dataset.export(tmp_path)

    for name in (dataset.INSPECTIONS_FILE, dataset.JUDGEMENTS_FILE, dataset.RECOMMENDATIONS_FILE):
        assert (tmp_path / name).read_bytes() == (dataset.DATASET_DIR / name).read_bytes(), name
