"""python manage.py ingest PATH [PATH ...]: read inspection reports into the database."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError

from ingest import pipeline
from ingest.extract import is_supported
from ingest.load import IngestResult, Listing, Status
from ingest.manifest import ManifestError, read_manifest
from ingest.pipeline import DatabaseUnavailable, Options, Source
from inspections.models import Inspection

PROGRESS_THRESHOLD = 10


class Command(BaseCommand):
    help = (
        "Read Ofsted inspection reports (.pdf, .txt; files or folders, recursively) into the "
        "database. One transaction per report. Exits 1 if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="report files or folders")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="re-read reports already stored (keeps manual corrections and deletions, "
            "listing each conflict). With no PATH, "
            "re-reads every stored file whose parser version is out of date",
        )
        parser.add_argument(
            "--restore-deleted",
            action="store_true",
            help="with --replace: bring back rows an admin deleted by hand (by default they "
            "stay deleted and are listed)",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="with --replace and no PATH: re-read every stored file",
        )
        parser.add_argument("--dry-run", action="store_true", help="parse and show, write nothing")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            metavar="N",
            help="extract and parse in N worker processes",
        )
        parser.add_argument(
            "--draft", action="store_true", help="hold new inspections as drafts (not public)"
        )
        parser.add_argument(
            "--manifest",
            metavar="CSV",
            help="Ofsted's listing of the files (columns file, published, ofsted_url, sha256; "
            "paths relative to the CSV's folder): gives each report its listing's publication "
            "date where the report prints none, and its address on Ofsted's site. With no "
            "PATH, ingests every file it lists",
        )

    def handle(self, *args, **options):
        try:
            self._handle(options)
        except (OperationalError, InterfaceError) as error:
            # Before the first file (listing the stored inspections to re-read): a database
            # lost while storing is reported by _handle, with what was done before it.
            raise CommandError(
                f"the database cannot be reached ({_first_line(error)}); nothing was read or "
                "stored. Start it and run the same command again."
            ) from error

    def _handle(self, options) -> None:
        started = time.perf_counter()
        if options["jobs"] < 1:
            raise CommandError("--jobs must be at least 1")
        if options["restore_deleted"] and not options["replace"]:
            raise CommandError("--restore-deleted only makes sense with --replace")
        self.listings: dict[str, Listing] = {}
        manifest_files: list[Path] = []
        if options["manifest"]:
            try:
                manifest_files, self.listings = read_manifest(Path(options["manifest"]))
            except ManifestError as error:
                raise CommandError(str(error)) from error
        if options["paths"]:
            jobs = [(str(path), None) for path in self._collect(options["paths"])]
        elif manifest_files:
            jobs = [(str(path), None) for path in manifest_files]
        elif options["replace"]:
            jobs = self._stored_jobs(reparse_all=options["all"])
        else:
            raise CommandError(
                "give at least one file or folder (or --replace to re-read stored files)"
            )

        counts: Counter[str] = Counter()
        total = len(jobs)
        show_progress = total >= PROGRESS_THRESHOLD and sys.stderr.isatty()
        keys = ["created", "unchanged", "replaced", "failed"] + (
            ["dry run"] if options["dry_run"] else []
        )
        done = 0
        try:
            for done, (path, result) in enumerate(self._results(jobs, options), start=1):
                counts[_count_key(result.status)] += 1
                self._print_result(path, result, options["dry_run"])
                if show_progress:
                    self._progress(done, total)
        except DatabaseUnavailable as error:
            # One message for the run, not one failure per file left: every one would fail
            # the same way. Each file stored so far was committed on its own.
            if show_progress:
                sys.stderr.write("\n")
            summary = ", ".join(f"{counts[key]} {key}" for key in keys)
            raise CommandError(
                f"{error}. The run stopped there: {done} of {total} "
                f"file{'s' if total != 1 else ''} were done before it ({summary}); "
                f"{total - done} were not stored. "
                "Start the database and run the same command again: files already stored "
                "are then 'unchanged'."
            ) from error
        if show_progress:
            sys.stderr.write("\n")

        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{counts[key]} {key}" for key in keys)
        self.stdout.write(f"{total} file{'s' if total != 1 else ''}: {summary} in {elapsed:.1f} s")
        if counts["failed"]:
            sys.exit(1)

    # ----------------------------------------------------------------- inputs

    def _collect(self, raw_paths: list[str]) -> list[Path]:
        paths: list[Path] = []
        for raw in raw_paths:
            path = Path(raw)
            if path.is_dir():
                paths.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p)))
            elif path.is_file():
                paths.append(path)
            else:
                raise CommandError(f"{raw}: no such file or folder")
        return paths

    def _stored_jobs(self, *, reparse_all: bool) -> list[tuple[str, Inspection]]:
        from ingest.parsers import spec_for

        jobs = []
        # Inspections loaded from the national dataset have no file stored here
        # (load_dataset brings their newer readings), nor have synthetic benchmark rows.
        stored = Inspection.objects.exclude(source_file="")
        without_file = Inspection.objects.filter(source_file="").count()
        if without_file:
            self.stdout.write(
                f"{without_file} inspection{'s' if without_file != 1 else ''} without a stored "
                "file (from the national dataset) left as they are: load_dataset updates them"
            )
        for inspection in stored.select_related("authority").order_by("id"):
            current = spec_for(inspection.framework).version
            if reparse_all or inspection.parser_version != current:
                jobs.append((inspection.source_file.path, inspection))
        return jobs

    # ----------------------------------------------------------------- work

    def _results(self, jobs, options) -> Iterator[tuple[str, IngestResult]]:
        # Through the pipeline every caller uses (ingest.pipeline): each file read in a
        # sandbox worker with the same limits as an upload, N at once; the database touched
        # by this process alone, in the order the files were given.
        paths = [path for path, _ in jobs]
        # A stored file re-read (--replace without PATH) may rewrite its own inspection
        # only: a file replaced on disk by another report's must not rewrite that one.
        sources = [
            Source(
                name=Path(path).name,
                read=partial(_read, path),
                size=_size(path),
                reparse_of=inspection,
            )
            for path, inspection in jobs
        ]
        results = pipeline.ingest(
            sources,
            Options(
                replace=options["replace"],
                restore_deleted=options["restore_deleted"],
                dry_run=options["dry_run"],
                publish=not options["draft"],
                jobs=options["jobs"],
                listings=self.listings,
            ),
        )
        yield from zip(paths, results, strict=True)

    # ----------------------------------------------------------------- output

    def _print_result(self, path: str, result: IngestResult, dry_run: bool) -> None:
        status = str(result.status)
        if result.failed:
            self.stdout.write(f"{path}: {self.style.ERROR('failed')}: {result.reason}")
            return
        style = (
            self.style.SUCCESS
            if result.status in (Status.CREATED, Status.REPLACED)
            else (lambda s: s)
        )
        self.stdout.write(f"{path}: {style(status)}: {result.message}")
        for conflict in result.conflicts:
            self.stdout.write(f"    conflict: {conflict}")
        if (
            dry_run
            and result.report is not None
            and result.status in (Status.WOULD_CREATE, Status.WOULD_REPLACE)
        ):
            self._print_report(result)

    def _print_report(self, result: IngestResult) -> None:
        report = result.report
        self.stdout.write(
            f"    {report.title}\n    framework {report.framework} ({report.inspection_type}), "
            f"{report.start_date} to {report.end_date}, published {report.published_on or 'not stated'}, "
            f"lead inspector {report.lead_inspector or 'not stated'}"
        )
        self.stdout.write("    Judgements:")
        for judgement in report.judgements:
            grade = judgement.grade or "UNREAD (flagged)"
            self.stdout.write(
                f"      [{judgement.section}] {judgement.label}: {judgement.grade_as_printed!r} -> {grade} ({judgement.area})"
            )
        self.stdout.write("    Recommendations:")
        for recommendation in report.recommendations:
            text = (
                recommendation.text
                if len(recommendation.text) < 100
                else recommendation.text[:97] + "..."
            )
            theme = (
                f" ({recommendation.national_framework})"
                if recommendation.national_framework
                else ""
            )
            self.stdout.write(
                f"      [{recommendation.section} / {recommendation.timescale}] {text}{theme}"
            )
        for warning in report.warnings:
            self.stdout.write(f"    warning: {warning}")

    def _progress(self, number: int, total: int) -> None:
        width = 30
        filled = int(width * number / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {number}/{total}")
        sys.stderr.flush()


def _read(path: str) -> bytes:
    return Path(path).read_bytes()


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0]


def _count_key(status: Status) -> str:
    if status in (Status.WOULD_CREATE, Status.WOULD_REPLACE):
        return "dry run"
    return str(status)
