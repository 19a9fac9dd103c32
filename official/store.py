"""Table rows into the database: each kept as an OfficialRecord beside the stored report of
the same inspection, or, where no report is stored, made into an inspection of its own.

Matching, in order: an inspection of the same authority and kind whose first day is within
three days of the table's date (Ofsted's tables and the reports differ by a day at times:
Isles of Scilly 2023), or one published within fourteen days of the table's publication date
(West Berkshire 2015: five days apart), or, for a row that gives only a publication date,
the nearest published within 100 days. The type is not compared: the tables call some SIF
inspections re-inspections that their reports print as inspections.
One transaction per
release: a file that fails leaves the database as it was.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction

from authorities.models import Authority, AuthorityName, UnknownAuthorityName
from authorities.names import core_key
from inspections import freshness
from inspections.models import Inspection, Judgement
from vocabulary import (
    FROM_OFFICIAL_STATISTICS,
    Framework,
    InspectionType,
    PublishedSource,
    area_for,
    is_graded,
    read_grade,
)

from .models import OfficialJudgement, OfficialRecord
from .tables import TableError, TableRow

START_TOLERANCE = timedelta(days=3)
PUBLISHED_TOLERANCE = timedelta(days=14)
PUBLICATION_ONLY_TOLERANCE = timedelta(days=100)
FAMILIES = {
    Framework.ILACS: (Framework.ILACS, Framework.ILACS_2026),
    Framework.ILACS_2026: (Framework.ILACS, Framework.ILACS_2026),
}
NO_START_DATE = (
    "Ofsted's table gives only the publication date: the inspection's dates are not known "
    "here, and the publication date stands in for them"
)
FIRST_DAY_ONLY = "Ofsted's table gives the first day only: the last day is not known here"


def ofsted_page(authority: Authority) -> str:
    """Ofsted's page for the authority (its reports), or its search where no URN is known."""
    if authority.ofsted_urn:
        return f"https://reports.ofsted.gov.uk/provider/44/{authority.ofsted_urn}"
    return "https://reports.ofsted.gov.uk/search?q=" + authority.name.replace(" ", "+")


@dataclass
class StoreSummary:
    counts: Counter[str] = field(default_factory=Counter)
    wrote: bool = False  # any inspection, record or judgement written or deleted
    unmatched: list[str] = field(default_factory=list)  # standing rows with no inspection


def resolve(rows: list[TableRow]) -> None:
    """Fill in each row's authority slug; TableError naming the row for a name not known."""
    by_code = dict(Authority.objects.exclude(gss_code=None).values_list("gss_code", "slug"))
    for row in rows:
        if row.authority:
            continue
        where = f"{row.file_name}: sheet {row.sheet}, row {row.row}"
        if row.gss_code and row.gss_code in by_code:
            row.authority = by_code[row.gss_code]
            continue
        if row.former_table:
            # The table of authorities before the reorganisation: "Dorset" is the county.
            slugs = set(
                AuthorityName.objects.filter(
                    core_key=core_key(row.name_in_table), authority__is_former=True
                ).values_list("authority__slug", flat=True)
            ) or set(
                Authority.objects.filter(
                    is_former=True, name__istartswith=row.name_in_table
                ).values_list("slug", flat=True)
            )
            if len(slugs) != 1:
                raise TableError(f"{where}: former authority '{row.name_in_table}' is not known")
            row.authority = slugs.pop()
            continue
        try:
            row.authority = Authority.objects.resolve(row.name_in_table).slug
        except UnknownAuthorityName as error:
            raise TableError(f"{where}: {error}") from error


def _sha256(row: TableRow) -> str:
    """A stable identity for an inspection known only from a table (no file to hash)."""
    day = row.start_date or row.published_on
    key = f"official-statistics:{row.authority}:{row.framework}:{row.inspection_type}:{day}"
    return hashlib.sha256(key.encode()).hexdigest()


class _Index:
    """Each authority's inspections, to match rows against without a query per row, and the
    areas judged on the table-made ones among them, in order (by SHA-256)."""

    def __init__(self, authority_ids: list[int]):
        self.by_authority: dict[int, list[Inspection]] = defaultdict(list)
        sha256: dict[int, str] = {}
        for inspection in Inspection.objects.filter(authority_id__in=authority_ids):
            self.by_authority[inspection.authority_id].append(inspection)
            sha256[inspection.pk] = inspection.sha256
        self.areas: dict[str, list[str]] = defaultdict(list)
        for inspection_id, area in Judgement.objects.filter(
            inspection__authority_id__in=authority_ids,
            inspection__parser_version=FROM_OFFICIAL_STATISTICS,
        ).values_list("inspection_id", "area"):
            self.areas[sha256[inspection_id]].append(area)

    def find(self, authority: Authority, row: TableRow) -> Inspection | None:
        family = FAMILIES.get(row.framework, (row.framework,))
        candidates = [i for i in self.by_authority[authority.pk] if i.framework in family]
        # A stored report, once there, is preferred to an inspection made from a table before
        # it was stored: importing again moves the table's readings beside the report.
        reports = [i for i in candidates if not i.is_from_official_statistics]
        return self._nearest(reports, row) or self._nearest(candidates, row)

    @staticmethod
    def _nearest(candidates: list[Inspection], row: TableRow) -> Inspection | None:
        if row.start_date:
            near = [i for i in candidates if abs(i.start_date - row.start_date) <= START_TOLERANCE]
            if near:
                return min(near, key=lambda i: abs(i.start_date - row.start_date))
        if row.published_on:
            # Without a first day, the nearest publication: no authority has two inspections
            # of one kind published within months of each other, so a table's date that is
            # weeks out (Nottingham 2022: the listing says 5 September, the table 5 November)
            # still names one inspection. Visits come more often: they match closely only.
            limit = PUBLISHED_TOLERANCE if row.start_date else PUBLICATION_ONLY_TOLERANCE
            near = [
                i
                for i in candidates
                if i.published_on and abs(i.published_on - row.published_on) <= limit
            ]
            if near:
                return min(near, key=lambda i: abs(i.published_on - row.published_on))
        return None

    def add(self, inspection: Inspection) -> None:
        self.by_authority[inspection.authority_id].append(inspection)


class _Inspections:
    """The release's writes to inspections and their judgements, gathered while its rows are
    matched (against the inspections as they will be, in memory) and written in bulk at the
    end: a query or more per row cost the national dataset's load most of its time."""

    def __init__(self, index: _Index, rows: list[TableRow]):
        self.index = index
        made_from = {_sha256(row) for row in rows if not row.is_standing}
        self.stored = {i.sha256: i for i in Inspection.objects.filter(sha256__in=made_from)}
        self.new: list[Inspection] = []
        self.changed: dict[int, Inspection] = {}  # stored ones, each saved once, by pk
        self.remade: list[int] = []  # stored ones made again: their judgements go
        self.judgements: list[Judgement] = []

    def make(self, authority: Authority, row: TableRow) -> Inspection:
        """The row's inspection: the one made from it before (made again), or a new one."""
        sha256 = _sha256(row)
        day = row.start_date or row.published_on
        values = {
            "authority": authority,
            "framework": row.framework,
            "inspection_type": row.inspection_type or InspectionType.STANDARD,
            "title": f"{row.event} (from Ofsted's official statistics)",
            "start_date": day,
            "end_date": day,
            "published_on": row.published_on,
            "published_on_source": PublishedSource.OFFICIAL_STATISTICS if row.published_on else "",
            "focus": row.theme,
            "source_filename": f"{row.file_name}#{row.sheet}",
            "ofsted_url": ofsted_page(authority),
            "parser_version": FROM_OFFICIAL_STATISTICS,
            "parse_warnings": [FIRST_DAY_ONLY if row.start_date else NO_START_DATE],
        }
        inspection = self.stored.get(sha256)
        if inspection is None:
            inspection = Inspection(sha256=sha256, **values)
            self.new.append(inspection)
        else:
            for name, value in values.items():
                setattr(inspection, name, value)
            self.changed[inspection.pk] = inspection
            self.remade.append(inspection.pk)
            self.judgements = [j for j in self.judgements if j.inspection is not inspection]
        self.index.areas[sha256] = []
        self.add_judgements(inspection, row)
        return inspection

    def add_judgements(self, inspection: Inspection, row: TableRow) -> None:
        """The row's grades on a table-made inspection, for the areas it has none of yet (a
        second table row of the same inspection adds what the first lacked)."""
        if not is_graded(row.framework):
            return
        areas = self.index.areas[inspection.sha256]
        start = len(areas)
        for order, (printed_label, printed) in enumerate(row.judgements, start=start):
            section, label = _split(printed_label)
            area = area_for(row.framework, section, label)
            if area in areas:
                continue
            self.judgements.append(
                Judgement(
                    inspection=inspection,
                    section=section or "Ofsted's official statistics",
                    label=label,
                    grade_as_printed=printed,
                    grade=read_grade(row.framework, printed) or "",
                    area=area,
                    order=order,
                    source_text=f"{row.release}, sheet {row.sheet}, row {row.row}",
                )
            )
            areas.append(area)

    def improve_dates(self, inspection: Inspection, row: TableRow) -> None:
        """A table-made inspection known by its publication date takes another table's first
        day (and publication date) when one gives them."""
        changed = False
        if row.start_date and NO_START_DATE in inspection.parse_warnings:
            inspection.start_date = inspection.end_date = row.start_date
            inspection.parse_warnings = [FIRST_DAY_ONLY]
            changed = True
        if row.published_on and not inspection.published_on:
            inspection.published_on = row.published_on
            inspection.published_on_source = PublishedSource.OFFICIAL_STATISTICS
            changed = True
        if row.theme and not inspection.focus:
            inspection.focus = row.theme
            changed = True
        if changed and inspection.pk is not None:  # a new one is inserted as it ends up
            self.changed[inspection.pk] = inspection

    def write(self) -> bool:
        """Inspections, then the judgements that point to them; True if anything changed."""
        Judgement.objects.filter(inspection_id__in=self.remade).delete()
        for inspection in self.changed.values():
            inspection.save()
        Inspection.objects.bulk_create(self.new)
        Judgement.objects.bulk_create(self.judgements)
        return bool(self.changed or self.new or self.judgements)


def store(rows: list[TableRow]) -> StoreSummary:
    """Store a release's rows (resolved first); idempotent, in one transaction that bumps
    the data version once if anything changed. Records already stored as they are cost no
    write: loading the shipped dataset again is cheap."""
    resolve(rows)
    summary = StoreSummary()
    authorities = {
        a.slug: a for a in Authority.objects.filter(slug__in={r.authority for r in rows})
    }
    with transaction.atomic(), freshness.batch():
        index = _Index([a.pk for a in authorities.values()])
        inspections = _Inspections(index, rows)
        file_names = {row.file_name for row in rows}
        stored = {
            (r.file_name, r.sheet, r.row, r.event): r
            for r in OfficialRecord.objects.filter(file_name__in=file_names)
        }
        # Each stored record's judgements as printed, read in one query (a prefetch builds
        # a queryset per record: half the time of loading the shipped dataset again).
        printed: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for record_id, label, grade in (
            OfficialJudgement.objects.filter(record__file_name__in=file_names)
            .order_by("record_id", "order")
            .values_list("record_id", "label", "grade_as_printed")
        ):
            printed[record_id].append((label, grade))
        new: list[tuple[OfficialRecord, TableRow]] = []
        changed: list[tuple[OfficialRecord, TableRow]] = []
        # Rows with a first day before rows with a publication date only, and standing
        # tables last: the best dated reading makes an inspection, the others join it.
        ordered = sorted(rows, key=lambda r: (r.is_standing, r.start_date is None))
        for row in ordered:
            authority = authorities[row.authority]
            inspection = index.find(authority, row)
            made = False
            if inspection is None and not row.is_standing:
                inspection = inspections.make(authority, row)
                index.add(inspection)
                made = True
                summary.counts["inspections made from the table"] += 1
            elif inspection is not None and inspection.is_from_official_statistics:
                inspections.improve_dates(inspection, row)
                inspections.add_judgements(inspection, row)
            if inspection is None:
                summary.unmatched.append(
                    f"{row.file_name}: sheet {row.sheet}, row {row.row}: {authority.name}'s "
                    f"{row.event} of {row.start_date} matches no inspection"
                )
            elif not made:
                summary.counts[
                    "beside a stored report"
                    if not inspection.is_from_official_statistics
                    else "beside another table's reading"
                ] += 1
            values = _record_values(row, authority, inspection)
            record = stored.get((row.file_name, row.sheet, row.row, row.event))
            if record is None:
                new.append((OfficialRecord(**values), row))
            elif _differs(record, values, row, printed[record.pk]):
                for name, value in values.items():
                    setattr(record, name, value)
                changed.append((record, row))
            summary.counts["rows"] += 1
        wrote = inspections.write()
        # The records after the inspections they point to.
        for record, _ in changed:
            record.save()
        OfficialRecord.objects.bulk_create([record for record, _ in new])
        OfficialJudgement.objects.filter(record__in=[record for record, _ in changed]).delete()
        OfficialJudgement.objects.bulk_create(
            judgement for record, row in (*new, *changed) for judgement in _judgements(record, row)
        )
        # A table-made inspection whose readings all joined a report stored since goes.
        orphans = Inspection.objects.filter(
            parser_version=FROM_OFFICIAL_STATISTICS,
            authority__in=authorities.values(),
            official_records__isnull=True,
        )
        replaced = orphans.count()
        if replaced:
            summary.counts["table-made inspections replaced by a stored report"] += replaced
            orphans.delete()
        if wrote or new or changed or replaced:
            summary.wrote = True
            freshness.changed()  # bulk writes send no signals
    return summary


def _split(label: str) -> tuple[str, str]:
    """ "Safeguarding services: Overall effectiveness" -> (section, label)."""
    section, _, bare = label.rpartition(": ")
    return section, bare


def _record_values(row: TableRow, authority: Authority, inspection: Inspection | None) -> dict:
    return {
        "file_name": row.file_name,
        "sheet": row.sheet,
        "row": row.row,
        "event": row.event,
        "release": row.release,
        "release_published_on": row.release_published_on,
        "authority": authority,
        "name_in_table": row.name_in_table,
        "framework": row.framework,
        "inspection_type": row.inspection_type,
        "start_date": row.start_date,
        "published_on": row.published_on,
        "theme": row.theme,
        "is_standing": row.is_standing,
        "inspection": inspection,
        # No report stands for a table-made inspection: every table reading is its source.
        "is_source": bool(inspection and inspection.is_from_official_statistics),
    }


def _differs(
    record: OfficialRecord, values: dict, row: TableRow, printed: list[tuple[str, str]]
) -> bool:
    for name, value in values.items():
        if name in ("authority", "inspection"):
            if value is not None and value.pk is None:
                return True  # an inspection made by this load, not yet written
            if getattr(record, f"{name}_id") != (value.pk if value else None):
                return True
        elif getattr(record, name) != value:
            return True
    return printed != [tuple(pair) for pair in row.judgements]


def _judgements(record: OfficialRecord, row: TableRow) -> list[OfficialJudgement]:
    framework = row.framework if is_graded(row.framework) else None
    return [
        OfficialJudgement(
            record=record,
            order=order,
            label=label,
            grade_as_printed=printed,
            grade=(read_grade(framework, printed) or "") if framework else "",
            area=area_for(framework, *_split(label)) if framework else "other",
        )
        for order, (label, printed) in enumerate(row.judgements)
    ]
