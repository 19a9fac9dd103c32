"""The correction rule across a re-parse: rows an admin edited or added are kept once, also
where the new reading words them a little differently."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.corrections import mark_edited, record_deleted, store_rows
from ingest.parsers.base import ParsedRecommendation, ParsedReport
from inspections.models import Recommendation
from tests.inspections.factories import make_inspection
from vocabulary import Framework, InspectionType, RecommendationKind, Timescale

pytestmark = pytest.mark.django_db

SECTION = "What needs to improve?"
PLANS = "Improve the quality and timeliness of plans for children in care, and their review."
SUPERVISION = "Strengthen the supervision of social workers so that it challenges practice."


def _report(*texts: str) -> ParsedReport:
    return ParsedReport(
        framework=Framework.ILACS,
        inspection_type=InspectionType.STANDARD,
        authority_name="Knowsley",
        title="Inspection of Knowsley local authority children's services",
        start_date=date(2024, 11, 18),
        end_date=date(2024, 11, 29),
        published_on=None,
        lead_inspector="A Inspector",
        parser_version="ilacs-3",
        recommendations=[
            ParsedRecommendation(
                SECTION, Timescale.NONE_STATED, RecommendationKind.RECOMMENDATION, text
            )
            for text in texts
        ],
    )


def _texts(inspection) -> list[str]:
    return list(inspection.recommendations.order_by("order", "id").values_list("text", flat=True))


@pytest.fixture
def inspection():
    inspection = make_inspection("knowsley", Framework.ILACS, date(2024, 11, 18))
    store_rows(inspection, _report(PLANS, SUPERVISION), replacing=False, restore_deleted=False)
    return inspection


def _edit(inspection, old: str, new: str) -> None:
    row = inspection.recommendations.get(text=old)
    row.text = new
    mark_edited(row, None)
    row.save()


def test_an_edited_row_the_parser_now_reads_with_its_tag_read_out_is_kept_once(inspection):
    """The first reading kept Ofsted's theme in the text; the admin mended a word; the
    parser now reads the theme out of it. One row: the admin's."""
    tagged = f"{PLANS} (Outcome 1, national framework)"
    inspection.recommendations.all().delete()
    store_rows(inspection, _report(tagged, SUPERVISION), replacing=False, restore_deleted=False)
    mended = tagged.replace("timeliness", "timeliness,")
    _edit(inspection, tagged, mended)

    notes = store_rows(
        inspection, _report(PLANS, SUPERVISION), replacing=True, restore_deleted=False
    )

    assert sorted(_texts(inspection)) == sorted([mended, SUPERVISION])
    assert len(notes) == 1 and "nearly the same" in notes[0], notes


def test_a_row_added_by_hand_and_later_read_in_other_words_is_kept_once(inspection):
    added = "Ensure that return home interviews are offered to every child who goes missing."
    Recommendation.objects.create(
        inspection=inspection,
        section=SECTION,
        timescale=Timescale.NONE_STATED,
        kind=RecommendationKind.RECOMMENDATION,
        text=added,
        order=3,
        edited_at=inspection.created_at,
    )
    read = "Ensure that return home interviews are offered to every child that goes missing."

    notes = store_rows(
        inspection, _report(PLANS, SUPERVISION, read), replacing=True, restore_deleted=False
    )

    assert sorted(_texts(inspection)) == sorted([PLANS, SUPERVISION, added])
    assert any("nearly the same" in note for note in notes), notes


def test_an_edited_row_is_not_taken_for_another_item(inspection):
    """Nothing alike: the edited row the report no longer reads is kept and named, and
    the new item is stored beside it."""
    _edit(inspection, SUPERVISION, f"{SUPERVISION} (corrected)")
    other = "Make sure that care leavers are told about their entitlements in good time."

    notes = store_rows(inspection, _report(PLANS, other), replacing=True, restore_deleted=False)

    assert sorted(_texts(inspection)) == sorted([PLANS, other, f"{SUPERVISION} (corrected)"])
    assert any("no longer reads it" in note for note in notes), notes
    assert not any("nearly the same" in note for note in notes), notes


def test_of_two_alike_items_the_likelier_one_is_the_edited_row(inspection):
    """Two new items are both near the edited one: the nearer is taken for it, the other
    is stored."""
    _edit(inspection, SUPERVISION, SUPERVISION.replace("challenges", "challenge"))
    near = SUPERVISION.replace("so that it", "so it")
    nearer = SUPERVISION.replace("challenges", "challenged")
    first_notes = store_rows(
        inspection, _report(PLANS, near, nearer), replacing=True, restore_deleted=False
    )

    assert sorted(_texts(inspection)) == sorted(
        [PLANS, near, SUPERVISION.replace("challenges", "challenge")]
    )
    assert len([n for n in first_notes if "nearly the same" in n]) == 1


def test_a_recommendation_deleted_by_hand_stays_deleted_when_read_in_other_words(inspection):
    """The admin deleted an item; the parser now reads it with its theme read out. It is
    not brought back, and the note says it was deleted by hand."""
    record_deleted(inspection.recommendations.get(text=SUPERVISION), None)
    inspection.recommendations.get(text=SUPERVISION).delete()
    reworded = SUPERVISION.replace("so that it", "so it")

    notes = store_rows(inspection, _report(PLANS, reworded), replacing=True, restore_deleted=False)

    assert _texts(inspection) == [PLANS]
    assert any(note.startswith("Not restored: recommendation") for note in notes), notes

    restored = store_rows(
        inspection, _report(PLANS, reworded), replacing=True, restore_deleted=True
    )
    assert _texts(inspection) == [PLANS, reworded] and restored == []
