"""Every disagreement between a stored report's reading and Ofsted's tables, explained.

Held against each other, per OfficialRecord beside a stored report: the kind of inspection,
its first day, its publication date and each graded area. A disagreement is explained as
one of :data:`EXPLANATIONS`; "to check" is a reading nobody has explained yet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from inspections.models import Inspection
from vocabulary import HEADLINE_AREAS, Area, Framework, InspectionType, display_name

from .models import OfficialRecord

# The tables' dates differ from the reports' by a few days at times (Isles of Scilly 2023:
# the report says 11 July, the table 10 July; West Berkshire 2015: 13 May and 18 May): the
# gaps that matching a row to its report allows are the ones put down to rounding here.
from .store import PUBLISHED_TOLERANCE, START_TOLERANCE

REPORT_STANDS = "report stands: Ofsted's own admitted input error"
TABLE_CORRECTED = "report stands: another release of Ofsted's tables agrees with it"
OTHER_REPORT = "the table's grade is from another report (the separate LSCB review)"
DATE_ROUNDING = "table rounding of dates"
TABLE_NAMING = "the table names the inspection differently"
NOT_COMPARABLE = "the table judges it on another footing"
TO_CHECK = "to check: a reading to fix, or a table error not yet explained"
EXPLANATIONS = (
    REPORT_STANDS,
    TABLE_CORRECTED,
    DATE_ROUNDING,
    TABLE_NAMING,
    NOT_COMPARABLE,
    OTHER_REPORT,
    TO_CHECK,
)

# Ofsted's own notes on errors in its tables: (authority slug, first day, area) -> note.
ADMITTED_ERRORS: dict[tuple[str, date, str], str] = {
    ("staffordshire", date(2023, 11, 6), Area.CARE_LEAVERS): (
        "Ofsted's 2025 release, Notes: the 2024 publication gave Staffordshire's November "
        "2023 care leavers judgement as Good by an input error; the report says Requires "
        "improvement to be good"
    ),
}


@dataclass(frozen=True)
class Disagreement:
    inspection: Inspection
    record: OfficialRecord
    field: str  # "kind", "inspection date", "publication date" or an area's label
    report: str
    table: str
    explanation: str
    note: str = ""

    def line(self) -> str:
        inspection = self.inspection
        where = f"{self.record.release}, sheet {self.record.sheet}, row {self.record.row}"
        return (
            f"{inspection.authority.name} {inspection.start_date:%Y-%m-%d} "
            f"{inspection.framework_display}: {self.field}: report {self.report!r}, "
            f"table {self.table!r} ({where}): {self.explanation}"
            + (f" ({self.note})" if self.note else "")
        )


@dataclass
class Reconciliation:
    records: int
    disagreements: list[Disagreement]

    def summary(self) -> str:
        by_explanation = Counter(d.explanation for d in self.disagreements)
        by_field = Counter(
            d.field if d.field in ("kind", "inspection date", "publication date") else "grade"
            for d in self.disagreements
        )
        agreeing = self.records - len({d.record.pk for d in self.disagreements})
        parts = [
            f"{self.records} table readings of stored reports compared: {agreeing} agree "
            f"in every respect; {len(self.disagreements)} disagreements",
            "by what: " + ", ".join(f"{n} {what}" for what, n in sorted(by_field.items())),
            "by explanation: "
            + ", ".join(f"{by_explanation[e]} {e}" for e in EXPLANATIONS if by_explanation[e]),
        ]
        return "\n".join(parts)


def reconcile() -> Reconciliation:
    records = list(
        OfficialRecord.objects.filter(inspection__isnull=False)
        .exclude(inspection__parser_version="official-statistics")
        .select_related("inspection__authority", "authority")
        .prefetch_related(
            "judgements", "inspection__judgements", "inspection__official_records__judgements"
        )
        .order_by(
            "authority__name", "inspection__start_date", "release_published_on", "sheet", "row"
        )
    )
    lscb_reviews = {
        (inspection.authority_id, judgement.grade)
        for inspection in Inspection.objects.filter(
            framework=Framework.LSCB_REVIEW
        ).prefetch_related("judgements")
        for judgement in inspection.judgements.all()
    }
    found: list[Disagreement] = []
    for record in records:
        found.extend(_explained(d, lscb_reviews) for d in _compare(record))
    return Reconciliation(len(records), found)


def _explained(disagreement: Disagreement, lscb_reviews: set[tuple[int, str]]) -> Disagreement:
    """A disagreement left to check, explained where the rest of the record explains it."""
    if disagreement.explanation != TO_CHECK:
        return disagreement
    record, inspection = disagreement.record, disagreement.inspection
    others = [r for r in inspection.official_records.all() if r.pk != record.pk]
    if disagreement.field == "kind":
        agree = any(r.inspection_type == inspection.inspection_type for r in others)
    elif disagreement.field == "publication date":
        agree = any(r.published_on == inspection.published_on for r in others)
    elif disagreement.field == "inspection date":
        agree = any(r.start_date == inspection.start_date for r in others)
    else:
        area = next(a for a in Area if a.label == disagreement.field)
        if area == Area.LSCB:
            grade = next(j.grade for j in record.judgements.all() if j.area == area)
            if (inspection.authority_id, grade) in lscb_reviews:
                return _with(disagreement, OTHER_REPORT)
        agree = any(
            j.area == area and j.grade in disagreement.report.split(", ")
            for r in others
            for j in r.judgements.all()
        )
    return _with(disagreement, TABLE_CORRECTED) if agree else disagreement


def _with(disagreement: Disagreement, explanation: str) -> Disagreement:
    from dataclasses import replace

    return replace(disagreement, explanation=explanation)


def _compare(record: OfficialRecord):
    inspection = record.inspection
    if record.inspection_type and (
        record.inspection_type != inspection.inspection_type
        or (record.framework != inspection.framework and not _same_family(record, inspection))
    ):
        table_kind = display_name(record.framework, record.inspection_type)
        explanation = TABLE_NAMING if _naming_only(record, inspection) else TO_CHECK
        yield Disagreement(
            inspection, record, "kind", inspection.framework_display, table_kind, explanation
        )
    for field, report, table, rounding in (
        ("inspection date", inspection.start_date, record.start_date, START_TOLERANCE),
        ("publication date", inspection.published_on, record.published_on, PUBLISHED_TOLERANCE),
    ):
        if report and table and report != table:
            explanation = DATE_ROUNDING if abs(table - report) <= rounding else TO_CHECK
            yield Disagreement(
                inspection, record, field, report.isoformat(), table.isoformat(), explanation
            )
    report_grades: dict[str, set[str]] = {}
    for judgement in inspection.judgements.all():
        if judgement.grade:
            report_grades.setdefault(judgement.area, set()).add(judgement.grade)
    for judgement in record.judgements.all():
        if judgement.area not in HEADLINE_AREAS or not judgement.grade:
            continue
        mine = report_grades.get(judgement.area, set())
        if judgement.grade in mine:
            continue
        key = (inspection.authority.slug, inspection.start_date, judgement.area)
        note = ADMITTED_ERRORS.get(key, "")
        if note:
            explanation = REPORT_STANDS
        elif not mine and _not_judged_apart(inspection, judgement.area):
            explanation = NOT_COMPARABLE
        else:
            explanation = TO_CHECK
        yield Disagreement(
            inspection,
            record,
            Area(judgement.area).label,
            ", ".join(sorted(mine)) or "(not judged)",
            judgement.grade_as_printed,
            explanation,
            note,
        )


def _same_family(record: OfficialRecord, inspection: Inspection) -> bool:
    ilacs = {Framework.ILACS, Framework.ILACS_2026}
    return record.framework in ilacs and inspection.framework in ilacs


def _naming_only(record: OfficialRecord, inspection: Inspection) -> bool:
    """The tables call some SIF inspections re-inspections (a second SIF after an inadequate
    one) that their reports print as inspections of the same framework."""
    return record.framework == inspection.framework == Framework.SIF and {
        record.inspection_type,
        inspection.inspection_type,
    } == {InspectionType.FULL, InspectionType.REINSPECTION}


def _not_judged_apart(inspection: Inspection, area: str) -> bool:
    """Care leavers, which SIF reports judge within children looked after and ILACS reports
    before 2023 within children in care, where the table gives them a column of their own."""
    return area == Area.CARE_LEAVERS
