"""Ofsted's listing of report files: a CSV beside them, one row a file.

The national corpus comes with one (``manifest.csv``: file, published, ofsted_url, sha256,
...). What it says is the listing's, not the report's: it supplies a publication date only
where the report prints none, and the address of Ofsted's copy.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from .load import Listing

REQUIRED_COLUMNS = ("file", "sha256")


class ManifestError(Exception):
    """The manifest cannot be read; the message names the file and the problem."""


def read_manifest(path: Path) -> tuple[list[Path], dict[str, Listing]]:
    """The files a manifest lists (in its order) and each one's listing, by SHA-256."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"{path}: cannot be read ({error})") from error
    missing = [column for column in REQUIRED_COLUMNS if rows and column not in rows[0]]
    if missing:
        raise ManifestError(f"{path}: no column named {', '.join(missing)}")
    files: list[Path] = []
    listings: dict[str, Listing] = {}
    for number, row in enumerate(rows, start=2):
        try:
            published = date.fromisoformat(row["published"]) if row.get("published") else None
        except ValueError as error:
            raise ManifestError(
                f"{path}, line {number}: the published date {row['published']!r} is not YYYY-MM-DD"
            ) from error
        files.append(path.parent / row["file"])
        listings[row["sha256"].strip().lower()] = Listing(
            published_on=published, url=(row.get("ofsted_url") or "").strip()
        )
    return files, listings
