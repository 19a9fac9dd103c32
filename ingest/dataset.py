"""The national dataset: every inspection read from Ofsted's reports, shipped in the repo.

Three files of JSON Lines in ``dataset/``, one record a line, keys sorted, rows sorted, so
that a parser change shows as a readable diff:

- ``inspections.jsonl``: an inspection and its provenance: the SHA-256 of the source file,
  its name, Ofsted's address for it, the parser version, the publication date and where it
  came from (the report, or Ofsted's listing);
- ``judgements.jsonl`` and ``recommendations.jsonl``: their rows, keyed by the inspection's
  SHA-256 and their order in the report, each with the page it was read from;
- ``refusals.csv`` beside them (written by ``scripts/corpus_check.py --export``): the
  corpus files that are not in the dataset, and why.

Loading goes through :func:`ingest.load.load` as a re-parse does: one transaction per
inspection, idempotent, and rows an admin corrected, added or deleted stay as the admin
left them.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings

from authorities.models import Authority
from inspections.models import Inspection, Judgement, Recommendation
from vocabulary import FROM_OFFICIAL_STATISTICS

from .load import IngestResult, Listing, Prepared, Status, load
from .parsers.base import ParsedJudgement, ParsedRecommendation, ParsedReport
from .statistics import analyse_tables

DATASET_DIR = Path(settings.BASE_DIR) / "dataset"
INSPECTIONS_FILE = "inspections.jsonl"
JUDGEMENTS_FILE = "judgements.jsonl"
RECOMMENDATIONS_FILE = "recommendations.jsonl"
REFUSALS_FILE = "refusals.csv"

INSPECTION_FIELDS = (
    "framework",
    "inspection_type",
    "title",
    "start_date",
    "end_date",
    "published_on",
    "published_on_source",
    "lead_inspector",
    "focus",
    "sha256",
    "source_filename",
    "ofsted_url",
    "parser_version",
    "parse_warnings",
)
JUDGEMENT_FIELDS = (
    "order",
    "section",
    "label",
    "grade_as_printed",
    "grade",
    "area",
    "page",
    "source_text",
)
RECOMMENDATION_FIELDS = ("order", "section", "timescale", "kind", "text", "page")


class DatasetError(Exception):
    """The dataset files cannot be read; the message names the file and the line."""


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# --------------------------------------------------------------------------- export


@dataclass
class ExportSummary:
    inspections: int = 0
    judgements: int = 0
    recommendations: int = 0
    bytes: int = 0


def export(folder: Path = DATASET_DIR) -> ExportSummary:
    """Write every published inspection with its rows into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    inspections = (
        Inspection.objects.published()
        .exclude(parser_version="synthetic")
        # Inspections known only from Ofsted's tables are loaded from dataset/official/.
        .exclude(parser_version=FROM_OFFICIAL_STATISTICS)
        .select_related("authority")
        .order_by("authority__slug", "start_date", "framework", "sha256")
    )
    shas = {}
    lines = []
    for inspection in inspections:
        record = {name: _value(getattr(inspection, name)) for name in INSPECTION_FIELDS}
        record["authority"] = inspection.authority.slug
        record["authority_name"] = inspection.authority.name
        lines.append(_line(record))
        shas[inspection.pk] = inspection.sha256
    summary.inspections = len(lines)
    summary.bytes += _write(folder / INSPECTIONS_FILE, lines)

    for model, fields, file_name in (
        (Judgement, JUDGEMENT_FIELDS, JUDGEMENTS_FILE),
        (Recommendation, RECOMMENDATION_FIELDS, RECOMMENDATIONS_FILE),
    ):
        rows = []
        for row in model.objects.filter(inspection_id__in=shas).values("inspection_id", *fields):
            record = {name: row[name] for name in fields}
            record["inspection"] = shas[row["inspection_id"]]
            rows.append(record)
        rows.sort(key=lambda record: (record["inspection"], record["order"]))
        setattr(summary, file_name.split(".")[0], len(rows))
        summary.bytes += _write(folder / file_name, [_line(record) for record in rows])
    return summary


def _write(path: Path, lines: list[str]) -> int:
    text = "".join(f"{line}\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


# --------------------------------------------------------------------------- load


@dataclass
class DatasetRecord:
    """One inspection of the dataset, as the loader takes it."""

    authority_slug: str
    report: ParsedReport
    sha256: str
    source_filename: str
    listing: Listing


@dataclass
class LoadSummary:
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    seconds: float = 0.0


def read(folder: Path = DATASET_DIR) -> list[DatasetRecord]:
    """The dataset's inspections with their rows; raises DatasetError naming a bad line."""
    judgements: dict[str, list[dict]] = defaultdict(list)
    recommendations: dict[str, list[dict]] = defaultdict(list)
    for record in _records(folder / JUDGEMENTS_FILE):
        judgements[record["inspection"]].append(record)
    for record in _records(folder / RECOMMENDATIONS_FILE):
        recommendations[record["inspection"]].append(record)
    records = []
    for number, record in enumerate(_records(folder / INSPECTIONS_FILE), start=1):
        try:
            records.append(
                _dataset_record(
                    record, judgements[record["sha256"]], recommendations[record["sha256"]]
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise DatasetError(
                f"{folder / INSPECTIONS_FILE}, line {number}: not a dataset record ({error!r})"
            ) from error
    return records


def _records(path: Path) -> Iterator[dict[str, Any]]:
    try:
        stream = path.open(encoding="utf-8")
    except OSError as error:
        raise DatasetError(f"{path}: cannot be read ({error.strerror})") from error
    with stream:
        for number, line in enumerate(stream, start=1):
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise DatasetError(f"{path}, line {number}: not JSON ({error.msg})") from error


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dataset_record(record: dict, judgements: list[dict], recommendations: list[dict]):
    published_on = _date(record["published_on"])
    from_listing = record["published_on_source"] == "listing"
    report = ParsedReport(
        framework=record["framework"],
        inspection_type=record["inspection_type"],
        authority_name=record["authority_name"],
        title=record["title"],
        start_date=_date(record["start_date"]),
        end_date=_date(record["end_date"]),
        published_on=None if from_listing else published_on,
        lead_inspector=record["lead_inspector"],
        focus=record.get("focus", ""),  # datasets written before focused visits have none
        parser_version=record["parser_version"],
        judgements=[
            ParsedJudgement(**{name: row[name] for name in JUDGEMENT_FIELDS if name != "order"})
            for row in sorted(judgements, key=lambda row: row["order"])
        ],
        recommendations=[
            ParsedRecommendation(
                **{name: row[name] for name in RECOMMENDATION_FIELDS if name != "order"}
            )
            for row in sorted(recommendations, key=lambda row: row["order"])
        ],
        warnings=list(record["parse_warnings"]),
    )
    for judgement in report.judgements:
        judgement.grade = judgement.grade or None
    return DatasetRecord(
        authority_slug=record["authority"],
        report=report,
        sha256=record["sha256"],
        source_filename=record["source_filename"],
        listing=Listing(
            published_on=published_on if from_listing else None, url=record["ofsted_url"]
        ),
    )


def load_records(records: Iterable[DatasetRecord]) -> LoadSummary:
    """Store the records, one transaction each; unchanged ones cost no write."""
    started = time.perf_counter()
    summary = LoadSummary()
    stored = dict(Inspection.objects.values_list("sha256", "parser_version"))
    authorities = {authority.slug: authority for authority in Authority.objects.all()}
    for record in records:
        name = record.source_filename
        if stored.get(record.sha256) == record.report.parser_version:
            summary.counts[Status.UNCHANGED] += 1
            continue
        authority = authorities.get(record.authority_slug)
        if authority is None:
            summary.counts[Status.FAILED] += 1
            summary.failures.append(f"{name}: no authority '{record.authority_slug}' here")
            continue
        prepared = Prepared(name=name, sha256=record.sha256, report=record.report)
        result: IngestResult = load(
            prepared,
            None,
            replace=record.sha256 in stored,
            listing=record.listing,
            authority=authority,
        )
        summary.counts[result.status] += 1
        if result.failed:
            summary.failures.append(result.message)
        summary.conflicts.extend(f"{name}: {conflict}" for conflict in result.conflicts)
    if summary.counts[Status.CREATED] or summary.counts[Status.REPLACED]:
        analyse_tables()
    summary.seconds = time.perf_counter() - started
    return summary
