"""Ofsted's official statistics in the shipped national dataset: ``dataset/official/``.

The releases' spreadsheets are shipped there (Open Government Licence, see NOTICE.md
beside them) with, for each, the rows this app reads from it as JSON Lines (one row a line,
keys sorted, in the spreadsheet's order), so that loading needs no spreadsheet reader and
a change in reading shows as a diff. ``import_official_statistics --write-dataset``
writes them; writing twice from the same spreadsheet gives the same bytes.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .store import StoreSummary, store
from .tables import TableError, TableRow

OFFICIAL_DIR = Path(settings.BASE_DIR) / "dataset" / "official"


def rows_file(spreadsheet: Path, folder: Path = OFFICIAL_DIR) -> Path:
    return folder / f"{spreadsheet.stem}.jsonl"


def write_rows(rows: list[TableRow], path: Path) -> int:
    lines = [
        json.dumps(row.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for row in sorted(rows, key=lambda r: (r.sheet, r.row, r.event))
    ]
    text = "".join(f"{line}\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def read_rows(path: Path) -> list[TableRow]:
    rows = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            try:
                rows.append(TableRow.from_json(json.loads(line)))
            except (json.JSONDecodeError, TypeError, ValueError, KeyError) as error:
                raise TableError(f"{path}, line {number}: not a table row ({error!r})") from error
    return rows


@dataclass
class OfficialLoad:
    files: int
    rows: int
    summary: StoreSummary
    seconds: float


def load_official(folder: Path = OFFICIAL_DIR) -> OfficialLoad:
    """Store every release's rows shipped in ``folder`` (all in one pass, so that a row with
    a first day makes the inspection that another release knows by publication date only)."""
    started = time.perf_counter()
    paths = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    rows = [row for path in paths for row in read_rows(path)]
    summary = store(rows) if rows else StoreSummary()
    return OfficialLoad(len(paths), len(rows), summary, time.perf_counter() - started)
