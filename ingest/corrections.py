"""The correction rule: what an admin's corrections are, and what survives a re-parse.

A parsed row (judgement or recommendation) is known by its identity (:func:`row_key`: its
section and label or text, case and spacing aside, and which occurrence it is), stored as
``parsed_key``; it never changes when the row is edited. Then:

- a row an admin saves is marked edited (:func:`mark_edited`) and a re-parse keeps it as
  corrected, saying where the new reading disagrees;
- a row an admin adds is kept too, known by its own section and label, so that a parser
  that learns to read it later does not add it twice;
- a kept row the new reading does not know by its identity is still the parsed row of its
  section whose text is nearly its own (a parser that now reads the item a little
  differently, or reads one an admin added with other words): it is not listed twice, and
  a note names both;
- a parsed row an admin deletes is recorded (:func:`record_deleted`) and a re-parse leaves it
  out, naming it, unless asked to restore deleted rows; a recommendation also where the
  new reading words it a little differently;
- everything else is replaced by the new reading.

The admin (``review``) calls the first and third; the loader (:mod:`ingest.load`) calls
:func:`store_rows` in a report's transaction; the national dataset's bulk load
(:mod:`ingest.dataset`) the same rule for many inspections at once, through
:func:`hand_rows` and :func:`merge_rows`.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from django.utils import timezone
from django.utils.text import Truncator

from inspections.models import DeletedRow, EditTracking, Inspection, Judgement, Recommendation

from .parsers.base import ParsedJudgement, ParsedRecommendation, ParsedReport


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def row_key(section: str, text: str, occurrence: int = 1) -> str:
    """A parsed row's identity: its section and label (or text), case and spacing aside.

    ``occurrence`` tells apart rows a report prints twice under one section.
    """
    normal = "\x1f".join((_normal(section), _normal(text), str(occurrence)))
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


def row_keys(rows: Iterable[tuple[str, str]]) -> list[str]:
    """:func:`row_key` for each (section, label or text) of a report, in order."""
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for section, text in rows:
        identity = (_normal(section), _normal(text))
        seen[identity] += 1
        keys.append(row_key(section, text, seen[identity]))
    return keys


def _rows_kept_by_hand(rows, text_field: str) -> dict[str, EditTracking]:
    """Rows an admin edited or added, by the key the parse would give them.

    An edited row is known by the key it was parsed with, whatever its label is now; a
    row added by hand by its own section and label, so that a parser that learns to read
    it later does not add it twice.
    """
    kept: dict[str, EditTracking] = {}
    for row in rows.filter(edited_at__isnull=False):
        _keep(kept, row, text_field)
    return kept


def _keep(kept: dict[str, EditTracking], row: EditTracking, text_field: str) -> None:
    key = row.parsed_key or row_key(row.section, getattr(row, text_field))
    kept.setdefault(key, row)


@dataclass
class HandRows:
    """What an admin did to one inspection's rows: rows edited or added (by the key a parse
    would give them) and parsed rows deleted."""

    judgements: dict[str, EditTracking] = field(default_factory=dict)
    recommendations: dict[str, EditTracking] = field(default_factory=dict)
    deleted: dict[tuple[str, str], DeletedRow] = field(default_factory=dict)


def hand_rows(inspection_ids: Iterable[int]) -> dict[int, HandRows]:
    """:class:`HandRows` of many inspections in three queries (a bulk re-parse)."""
    ids = list(inspection_ids)
    found: dict[int, HandRows] = {pk: HandRows() for pk in ids}
    for model, text_field, attribute in (
        (Judgement, "label", "judgements"),
        (Recommendation, "text", "recommendations"),
    ):
        for row in model.objects.filter(inspection_id__in=ids, edited_at__isnull=False):
            _keep(getattr(found[row.inspection_id], attribute), row, text_field)
    for row in DeletedRow.objects.filter(inspection_id__in=ids):
        found[row.inspection_id].deleted[(row.kind, row.parsed_key)] = row
    return found


def store_rows(
    inspection: Inspection, report: ParsedReport, *, replacing: bool, restore_deleted: bool
) -> list[str]:
    """Replace parsed rows, keeping the admin's corrections; return what the admin should know.

    Rows corrected or added by hand are kept (and any disagreement with the new parse
    reported); rows deleted by hand stay deleted (and are named) unless ``restore_deleted``.
    """
    hand = HandRows()
    if replacing:
        hand.judgements = _rows_kept_by_hand(inspection.judgements, "label")
        hand.recommendations = _rows_kept_by_hand(inspection.recommendations, "text")
        inspection.judgements.filter(edited_at__isnull=True).delete()
        inspection.recommendations.filter(edited_at__isnull=True).delete()
        if restore_deleted:
            inspection.deleted_rows.all().delete()
        else:
            hand.deleted = {
                (row.kind, row.parsed_key): row for row in inspection.deleted_rows.all()
            }
    new_judgements, new_recommendations, notes = merge_rows(inspection, report, hand)
    Judgement.objects.bulk_create(new_judgements)
    Recommendation.objects.bulk_create(new_recommendations)
    return notes


def merge_rows(
    inspection: Inspection, report: ParsedReport, hand: HandRows
) -> tuple[list[Judgement], list[Recommendation], list[str]]:
    """The unsaved rows to store for ``report`` beside the rows an admin kept, and notes on
    each correction kept or deleted row left out: :func:`store_rows` without the database
    (the caller has deleted the rows not kept by hand). ``hand`` is emptied of the kept
    rows the report reads."""
    new_judgements, judgement_notes = _merge_rows(
        report.judgements,
        _judgement_keys(report),
        hand.judgements,
        hand.deleted,
        DeletedRow.Kind.JUDGEMENT,
        partial(judgement_row, inspection),
        "label",
        _judgement_conflict,
    )
    new_recommendations, recommendation_notes = _merge_rows(
        report.recommendations,
        _recommendation_keys(report),
        hand.recommendations,
        hand.deleted,
        DeletedRow.Kind.RECOMMENDATION,
        partial(recommendation_row, inspection),
        "text",
    )
    notes = [*judgement_notes, *recommendation_notes]

    for row in [*hand.judgements.values(), *hand.recommendations.values()]:
        if row.parsed_key:  # corrected from the parse, which no longer reads it
            shown = Truncator(str(row)).chars(70)
            notes.append(
                f"Kept {row._meta.verbose_name} '{shown}', corrected by hand; "
                "the report no longer reads it"
            )
    return new_judgements, new_recommendations, notes


def parsed_rows(
    inspection: Inspection, report: ParsedReport
) -> tuple[list[Judgement], list[Recommendation]]:
    """Unsaved rows for all that ``report`` read, in its order, keyed as :func:`store_rows`
    keys them: what a first load stores, with nothing corrected by hand to keep."""
    judgements, _ = _merge_rows(
        report.judgements,
        _judgement_keys(report),
        {},
        {},
        DeletedRow.Kind.JUDGEMENT,
        partial(judgement_row, inspection),
        "label",
    )
    recommendations, _ = _merge_rows(
        report.recommendations,
        _recommendation_keys(report),
        {},
        {},
        DeletedRow.Kind.RECOMMENDATION,
        partial(recommendation_row, inspection),
        "text",
    )
    return judgements, recommendations


def _judgement_keys(report: ParsedReport) -> list[str]:
    return row_keys((parsed.section, parsed.label) for parsed in report.judgements)


def _recommendation_keys(report: ParsedReport) -> list[str]:
    return row_keys((parsed.section, parsed.text) for parsed in report.recommendations)


def _merge_rows(
    parsed_rows: Sequence[ParsedJudgement] | Sequence[ParsedRecommendation],
    keys: list[str],
    kept: dict[str, EditTracking],
    deleted: dict[tuple[str, str], DeletedRow],
    kind: DeletedRow.Kind,
    build: Callable[[Any, int, str], EditTracking],
    text_field: str,
    compare: Callable[[Any, Any], list[str]] | None = None,
) -> tuple[list[EditTracking], list[str]]:
    """The rows to create for one kind, and notes on the corrections kept.

    A parsed row matching a row kept by hand is not stored again (``compare`` says where
    they disagree); one deleted by hand is left out and named. A parsed row matching none
    by its identity is still the kept row of its section whose text (``text_field``) is
    nearly its own (:func:`_likeness`): a parser that now reads an item a little
    differently, or learns to read one an admin added, does not list it twice; a note
    names both. Likewise a recommendation nearly one deleted by hand stays left out.
    Matched kept rows are removed from ``kept``, so what remains there the report no
    longer reads.
    """
    new: list[EditTracking] = []
    notes: list[str] = []
    unmatched = []
    left_deleted = {key: row for (row_kind, key), row in deleted.items() if row_kind == kind}
    for order, (parsed, key) in enumerate(zip(parsed_rows, keys, strict=True), start=1):
        kept_row = kept.pop(key, None)
        if kept_row is not None:
            if compare is not None:
                notes.extend(compare(kept_row, parsed))
        elif key in left_deleted:
            notes.append(_not_restored(left_deleted.pop(key)))
        else:
            unmatched.append((order, parsed, key))
    same = _closest(
        (likeness, index, key)
        for key, row in kept.items()
        for index, (_, parsed, _) in enumerate(unmatched)
        if _normal(parsed.section) == _normal(row.section)
        and (likeness := _likeness(getattr(parsed, text_field), getattr(row, text_field)))
        >= SAME_ROW_SHARE
    )
    # A judgement deleted by hand is named by its label and grade, which a parser reads
    # the same way again or not at all; a recommendation by its text's opening, which a
    # parser may read a little differently, as it may the kept rows' texts.
    gone = _closest(
        (likeness, index, key)
        for key, row in left_deleted.items()
        if kind == DeletedRow.Kind.RECOMMENDATION
        for index, (_, parsed, _) in enumerate(unmatched)
        if index not in same
        and (likeness := _likeness(_description(parsed, kind), row.description)) >= SAME_ROW_SHARE
    )
    for index, (order, parsed, key) in enumerate(unmatched):
        if index in same:
            kept_row = kept.pop(same[index])
            notes.append(
                f"Kept {kept_row._meta.verbose_name} "
                f"'{Truncator(getattr(kept_row, text_field)).chars(70)}', corrected or added "
                f"by hand, for the report's '{Truncator(getattr(parsed, text_field)).chars(70)}'"
                ", which is nearly the same: check they are one"
            )
        elif index in gone:
            notes.append(_not_restored(left_deleted[gone[index]]))
        else:
            new.append(build(parsed, order, key))
    return new, notes


# How much of the shorter of two texts of one section the longer must hold, in order, to be
# one row read two ways: a theme's tag read out of an item, a word mended, a line joined.
SAME_ROW_SHARE = 0.9
# Texts shorter than this are one row only where their identity says so: "Good" and
# "Safeguarding" are held in too much.
SAME_ROW_SHORTEST = 20
# Nor are texts of very different lengths, the shorter under this share of the longer.
SAME_ROW_LENGTHS = 0.4


def _closest(pairs: Iterable[tuple[float, int, str]]) -> dict[int, str]:
    """(likeness, parsed row's index, kept or deleted row's key) paired likeliest first,
    each row in one pair at most: the key each paired parsed row is."""
    closest: dict[int, str] = {}
    # Stable: of pairs equally alike, the parsed row printed first.
    for _, index, key in sorted(pairs, key=lambda pair: pair[0], reverse=True):
        if index not in closest and key not in closest.values():
            closest[index] = key
    return closest


def _likeness(ours: str, theirs: str) -> float:
    """The share of the shorter text the longer holds in order (difflib's matching
    blocks), case and spacing aside: 1.0 where it holds it whole; 0.0 for texts too short
    or too unlike in length to be compared (:data:`SAME_ROW_SHORTEST`,
    :data:`SAME_ROW_LENGTHS`)."""
    shorter, longer = sorted((_normal(ours), _normal(theirs)), key=len)
    if len(shorter) < SAME_ROW_SHORTEST or len(shorter) < SAME_ROW_LENGTHS * len(longer):
        return 0.0
    if shorter in longer:
        return 1.0
    matcher = difflib.SequenceMatcher(None, shorter, longer, autojunk=False)
    # quick_ratio bounds the characters matched: most pairs are nothing alike.
    if matcher.quick_ratio() * (len(shorter) + len(longer)) / 2 < SAME_ROW_SHARE * len(shorter):
        return 0.0
    return sum(block.size for block in matcher.get_matching_blocks()) / len(shorter)


def _judgement_conflict(kept: Judgement, parsed: ParsedJudgement) -> list[str]:
    if (_normal(kept.label), kept.grade_as_printed, kept.grade or None, kept.area) == (
        _normal(parsed.label),
        parsed.grade_as_printed,
        parsed.grade,
        parsed.area,
    ):
        return []
    reads = (
        f"'{parsed.grade_as_printed}'"
        if _normal(kept.label) == _normal(parsed.label)
        else f"'{parsed.label}': '{parsed.grade_as_printed}'"
    )
    return [
        f"Kept the manual correction of '{kept.label}' ({kept.grade_as_printed}); "
        f"the report now reads {reads}"
    ]


def _not_restored(row: DeletedRow) -> str:
    when = timezone.localtime(row.deleted_at).strftime("%-d %b %Y")
    return (
        f"Not restored: {row.kind} {row.description} was deleted by hand on {when}; "
        "re-parse with restore to bring it back"
    )


def mark_edited(row: EditTracking, user) -> None:
    """Rows saved by an admin survive re-parsing: say who corrected them and when."""
    row.edited_by = user
    row.edited_at = timezone.now()


def record_deleted(row: Judgement | Recommendation, user) -> DeletedRow | None:
    """Remember a parsed row an admin is deleting; rows added by hand need no record."""
    if not row.parsed_key:
        return None
    kind = (
        DeletedRow.Kind.JUDGEMENT if isinstance(row, Judgement) else DeletedRow.Kind.RECOMMENDATION
    )
    deleted, _ = DeletedRow.objects.update_or_create(
        inspection_id=row.inspection_id,
        kind=kind,
        parsed_key=row.parsed_key,
        defaults={
            "description": _description(row, kind),
            "deleted_by": user,
            "deleted_at": timezone.now(),
        },
    )
    return deleted


def _description(row: Any, kind: str) -> str:
    """What a deleted row said, kept to name it (a stored row, or a parsed one to compare)."""
    if kind == DeletedRow.Kind.JUDGEMENT:
        description = f"'{row.label}' ({row.grade_as_printed or 'no grade'})"
    else:
        description = f"'{Truncator(' '.join(row.text.split())).chars(120)}'"
    return Truncator(description).chars(300)


ParsedRow = TypeVar("ParsedRow", Judgement, Recommendation)


def judgement_row(
    inspection: Inspection, parsed: ParsedJudgement, order: int, key: str
) -> Judgement:
    """The unsaved row of a parsed judgement (``key``: its identity, see :func:`row_keys`)."""
    row = Judgement(
        label=parsed.label[:400],
        grade_as_printed=parsed.grade_as_printed[:200],
        grade=parsed.grade or "",
        area=parsed.area,
        source_text=parsed.source_text,
    )
    return _placed(row, inspection, parsed, order, key)


def recommendation_row(
    inspection: Inspection, parsed: ParsedRecommendation, order: int, key: str
) -> Recommendation:
    """The unsaved row of a parsed recommendation."""
    row = Recommendation(
        timescale=parsed.timescale,
        kind=parsed.kind,
        text=parsed.text,
        national_framework=parsed.national_framework,
    )
    return _placed(row, inspection, parsed, order, key)


def _placed(
    row: ParsedRow,
    inspection: Inspection,
    parsed: ParsedJudgement | ParsedRecommendation,
    order: int,
    key: str,
) -> ParsedRow:
    """``row`` with what every parsed row records: its inspection, its identity and where
    the report printed it."""
    row.inspection = inspection
    row.parsed_key = key
    row.section = parsed.section[:200]
    row.order = order
    row.page = parsed.page
    return row
