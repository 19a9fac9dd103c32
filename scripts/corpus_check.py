#!/usr/bin/env python
"""Read the whole national corpus into a scratch database and say how well it was read.

    .venv/bin/python scripts/corpus_check.py [--corpus ../shared/corpus] [--jobs 2] [--export]

1. A fresh SQLite database (``var/corpus.sqlite3``) is migrated and every file of the
   corpus's ``manifest.csv`` is ingested with ``manage.py ingest --manifest`` (layout text
   comes from the cache in ``var/layout-cache`` after the first run).
2. Printed per kind of report: files, stored, refused by reason, judgements with no grade,
   inspections without an overall judgement where their framework has one, inspections
   with no recommendations, and anomalies worth a look (a recommendation over 1,500
   characters, more than 40 recommendations, a label mapped to "other", warnings).
3. With ``--export``: the national dataset (``dataset/``) is written from that database with
   ``manage.py export_dataset``, with the refusals beside it. Run twice with the same
   parsers, it writes byte-identical files.

It takes minutes (the first run extracts every PDF), so it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from devtools.cputime import run_measured  # noqa: E402  (after the path is set)

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SCRATCH_DATABASE = REPO / "var" / "corpus.sqlite3"
LONG_RECOMMENDATION = 1500
MANY_RECOMMENDATIONS = 40
_RESULT_LINE = re.compile(r"^(?P<path>\S.*?\.(?:pdf|txt)): (?P<status>[a-z ]+): (?P<message>.*)$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--export", action="store_true", help="write the national dataset")
    parser.add_argument(
        "--keep", action="store_true", help="reuse the scratch database (no re-ingest)"
    )
    parser.add_argument("--examples", type=int, default=3, help="files named per anomaly")
    args = parser.parse_args()
    manifest = args.corpus / "manifest.csv"
    if not manifest.exists():
        sys.exit(f"{manifest}: not found (give the corpus folder with --corpus)")

    media = Path(tempfile.mkdtemp(prefix="corpus-media-"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{SCRATCH_DATABASE}",
        # The scratch database keeps no copies of the files: the dataset records each
        # one's SHA-256 and Ofsted's address instead.
        "MEDIA_ROOT": str(media),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "corpus-check-only-not-a-secret",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
    }
    manage = [sys.executable, str(REPO / "manage.py")]
    results: dict[str, tuple[str, str]] = {}
    try:
        if not args.keep:
            SCRATCH_DATABASE.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/
            SCRATCH_DATABASE.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                Path(f"{SCRATCH_DATABASE}{suffix}").unlink(missing_ok=True)
            subprocess.run([*manage, "migrate", "-v0"], env=environment, check=True, cwd=REPO)
            measured = run_measured(
                [*manage, "ingest", "--manifest", str(manifest), "--jobs", str(args.jobs)],
                env=environment,
                cwd=REPO,
                capture_output=True,
                text=True,
            )
            completed = measured.completed
            log = REPO / "var" / "corpus-ingest.log"
            log.write_text(completed.stdout + completed.stderr)
            for line in completed.stdout.splitlines():
                match = _RESULT_LINE.match(line)
                if match:
                    results[match["path"]] = (match["status"], match["message"])
            print(f"ingest: {completed.stdout.strip().splitlines()[-1]} (log: {log})")
            print(
                f"ingest: {measured.wall:.1f} s wall with --jobs {args.jobs}, "
                f"{measured.describe()}, load average {_load_average()}\n"
            )
        os.environ.update(environment)
        import django

        django.setup()
        rows = _read_manifest(manifest)
        refusals = _refusals(rows, results, args.corpus) if results else None
        _report(rows, refusals, args.examples)
        if args.export:
            if refusals is None:
                sys.exit("--export needs a fresh ingest (drop --keep)")
            subprocess.run([*manage, "export_dataset"], env=environment, check=True, cwd=REPO)
            _write_refusals(refusals)
    finally:
        shutil.rmtree(media, ignore_errors=True)
    return 0


def _load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages: a wall time means little without."""
    try:
        return " ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return "unknown"


def _read_manifest(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def _listing_kind(row: dict[str, str]) -> str:
    return "focused visit" if "focused visit" in row["listing"] else "inspection"


def _refusals(rows, results, corpus: Path) -> list[dict[str, str]]:
    refusals = []
    for row in rows:
        status, message = results.get(str(corpus / row["file"]), ("missing", "not ingested"))
        if status == "failed":
            refusals.append(
                {
                    "file": row["file"],
                    "sha256": row["sha256"],
                    "listing": row["listing"],
                    "reason": _reason(message),
                }
            )
    return refusals


def _reason(message: str) -> str:
    """The refusal without the file name the ingest puts first."""
    return re.sub(r"^[^:]*\.(?:pdf|txt): ", "", message)


def _reason_group(reason: str) -> str:
    """Refusals grouped by what went wrong, not by file-specific detail."""
    reason = re.sub(r"'[^']*'", "'…'", reason)
    reason = re.sub(r"\([^)]*\)", "(…)", reason)
    return reason[:120]


def _write_refusals(refusals: list[dict[str, str]]) -> None:
    from ingest.dataset import DATASET_DIR, REFUSALS_FILE

    path = DATASET_DIR / REFUSALS_FILE
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(
            stream, ["file", "sha256", "listing", "reason"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(sorted(refusals, key=lambda row: row["file"]))
    print(f"wrote {path} ({len(refusals)} refusals)")


def _report(rows, refusals, examples: int) -> None:
    from inspections.models import Inspection
    from vocabulary import Area, Framework, has_overall_judgement

    by_sha = {row["sha256"]: row for row in rows}
    listing_counts = Counter(_listing_kind(row) for row in rows)
    inspections = list(
        Inspection.objects.select_related("authority").prefetch_related(
            "judgements", "recommendations"
        )
    )
    stored_by_listing = Counter(
        _listing_kind(by_sha[i.sha256]) for i in inspections if i.sha256 in by_sha
    )
    print("By Ofsted's listing")
    for kind, files in sorted(listing_counts.items()):
        refused = sum(
            1
            for r in refusals or []
            if ("focused visit" in r["listing"]) == (kind == "focused visit")
        )
        print(
            f"  {kind:15} files {files:4}  stored {stored_by_listing[kind]:4}  refused {refused:4}"
        )

    if refusals is not None:
        print("\nRefused, by reason")
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for refusal in refusals:
            grouped[(_listing_kind(refusal), _reason_group(refusal["reason"]))].append(
                refusal["file"]
            )
        for (kind, reason), files in sorted(grouped.items(), key=lambda item: -len(item[1])):
            print(f"  {len(files):4}  [{kind}] {reason}")
            for name in files[:examples]:
                print(f"          {name}")

    print("\nStored, by kind of report")
    kinds: dict[str, list[Inspection]] = defaultdict(list)
    for inspection in inspections:
        kinds[f"{inspection.framework} {inspection.inspection_type}"].append(inspection)
    anomalies: dict[str, list[str]] = defaultdict(list)
    header = (
        f"  {'kind':26} {'stored':>6} {'judgements':>10} {'no grade':>8} "
        f"{'no overall':>10} {'no recs':>7} {'recs':>6} {'warned':>6} {'no pub':>6}"
    )
    print(header)
    totals: Counter[str] = Counter()
    for kind, members in sorted(kinds.items()):
        row: Counter[str] = Counter(stored=len(members))
        for inspection in members:
            name = f"{inspection.source_filename} ({inspection.authority.name})"
            judgements = list(inspection.judgements.all())
            recommendations = list(inspection.recommendations.all())
            row["judgements"] += len(judgements)
            ungraded = [j for j in judgements if not j.grade]
            row["no grade"] += len(ungraded)
            for judgement in ungraded:
                anomalies["judgement with no grade"].append(f"{name}: {judgement.label[:70]}")
            if has_overall_judgement(inspection.framework) and not any(
                j.area == Area.OVERALL for j in judgements
            ):
                row["no overall"] += 1
                anomalies["no overall judgement"].append(name)
            if not recommendations:
                row["no recs"] += 1
                anomalies["no recommendations"].append(name)
            row["recs"] += len(recommendations)
            if inspection.parse_warnings:
                row["warned"] += 1
                for warning in inspection.parse_warnings:
                    anomalies["warning"].append(f"{name}: {warning[:110]}")
            if not inspection.published_on:
                row["no pub"] += 1
                anomalies["no publication date"].append(name)
            for recommendation in recommendations:
                if len(recommendation.text) > LONG_RECOMMENDATION:
                    anomalies[f"recommendation over {LONG_RECOMMENDATION} characters"].append(
                        f"{name}: {len(recommendation.text)} chars, {recommendation.text[:60]}"
                    )
            if len(recommendations) > MANY_RECOMMENDATIONS:
                anomalies[f"more than {MANY_RECOMMENDATIONS} recommendations"].append(
                    f"{name}: {len(recommendations)}"
                )
            for judgement in judgements:
                if judgement.area == Area.OTHER:
                    anomalies['label mapped to "other"'].append(f"{name}: {judgement.label[:80]}")
        totals.update(row)
        label = Framework(kind.split()[0]).name + " " + kind.split()[1]
        print(
            f"  {label:26} {row['stored']:6} {row['judgements']:10} {row['no grade']:8} "
            f"{row['no overall']:10} {row['no recs']:7} {row['recs']:6} {row['warned']:6} "
            f"{row['no pub']:6}"
        )
    print(
        f"  {'all':26} {totals['stored']:6} {totals['judgements']:10} {totals['no grade']:8} "
        f"{totals['no overall']:10} {totals['no recs']:7} {totals['recs']:6} "
        f"{totals['warned']:6} {totals['no pub']:6}"
    )

    print("\nAnomalies worth a look")
    for what in sorted(anomalies):
        items = anomalies[what]
        print(f"  {len(items):4}  {what}")
        for item in items[:examples]:
            print(f"          {item}")


if __name__ == "__main__":
    sys.exit(main())
