"""Correcting what the parser read, and re-parsing without losing the corrections."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from ingest.corrections import mark_edited
from ingest.load import ingest_bytes
from inspections.models import DeletedRow, Inspection, Judgement, Recommendation
from tests.samples import REPO_ROOT
from vocabulary import Area, Grade

from .factories import (
    CHANGELIST_URL,
    K2017_TEXT,
    admin_form_data,
    change_url,
    ingest_sample,
    inline_prefix,
    row_index,
)

pytestmark = pytest.mark.django_db

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture
def inspection(db):
    return ingest_sample(K2017_TEXT)


def adoption_of(inspection) -> Judgement:
    return inspection.judgements.get(area=Area.ADOPTION)


def form_data(client, inspection):
    response = client.get(change_url(inspection))
    assert response.status_code == 200
    return admin_form_data(response)


def save(client, inspection, data):
    response = client.post(change_url(inspection), data)
    assert response.status_code == 302, _errors(response)
    return response


def _errors(response) -> str:
    context = response.context or {}
    errors = [str(context["adminform"].form.errors)] if "adminform" in context else []
    for inline in context.get("inline_admin_formsets", []):
        errors.append(str(inline.formset.errors) + str(inline.formset.non_form_errors()))
    return " ".join(errors)


def set_row(data, model_prefix, row, **values):
    prefix = inline_prefix(data, model_prefix)
    index = row_index(data, prefix, row.pk)
    for field, value in values.items():
        data[f"{prefix}-{index}-{field}"] = value


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def reparse_action(client, inspection, action="reparse_selected"):
    return client.post(
        CHANGELIST_URL, {"action": action, "_selected_action": [inspection.pk]}, follow=True
    )


def test_an_edited_judgement_is_marked_with_who_and_when(editor_client, editor, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, grade=Grade.OUTSTANDING, grade_as_printed="Outstanding")

    save(editor_client, inspection, data)

    adoption.refresh_from_db()
    assert (adoption.grade, adoption.grade_as_printed) == (Grade.OUTSTANDING, "Outstanding")
    assert adoption.edited_by == editor and adoption.edited_at is not None
    untouched = inspection.judgements.exclude(pk=adoption.pk)
    assert not untouched.filter(edited_at__isnull=False).exists()
    page = editor_client.get(change_url(inspection)).content.decode()
    assert "editor, " in page  # the "corrected by" column


def test_label_and_area_can_be_corrected(editor_client, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, label="Adoption (corrected)", area=Area.OTHER)

    save(editor_client, inspection, data)

    adoption.refresh_from_db()
    assert (adoption.label, adoption.area) == ("Adoption (corrected)", Area.OTHER)
    assert adoption.is_edited


def test_a_changed_printed_grade_does_not_recompute_the_grade(editor_client, inspection):
    adoption = adoption_of(inspection)
    assert adoption.grade == Grade.GOOD
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, grade_as_printed="Inadequate")

    response = save(editor_client, inspection, data)

    adoption.refresh_from_db()
    assert (adoption.grade_as_printed, adoption.grade) == ("Inadequate", Grade.GOOD)
    notes = messages_of(response)
    assert any("reads as Inadequate" in note and "Kept as you set it" in note for note in notes)


def test_a_missing_judgement_and_recommendation_can_be_added(editor_client, editor, inspection):
    data = form_data(editor_client, inspection)
    for model, values in (
        (
            "judgements",
            {
                "section": "Summary",
                "label": "Care leavers",
                "grade_as_printed": "Good",
                "grade": Grade.GOOD,
                "area": Area.CARE_LEAVERS,
                "order": "0",
            },
        ),
        (
            "recommendations",
            {
                "section": "Recommendations",
                "timescale": "none-stated",
                "kind": "recommendation",
                "text": "Improve the local offer.",
                "order": "0",
            },
        ),
    ):
        prefix = inline_prefix(data, model)
        index = int(data[f"{prefix}-TOTAL_FORMS"])
        data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
        data[f"{prefix}-{index}-inspection"] = str(inspection.pk)
        for field, value in values.items():
            data[f"{prefix}-{index}-{field}"] = value
    last_order = max(inspection.judgements.values_list("order", flat=True))

    save(editor_client, inspection, data)

    added = inspection.judgements.get(label="Care leavers")
    assert added.edited_by == editor and added.order == last_order + 1
    text = inspection.recommendations.get(text="Improve the local offer.")
    assert text.edited_by == editor


def test_a_wrong_judgement_can_be_deleted(editor_client, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, DELETE="on")

    save(editor_client, inspection, data)

    assert not Judgement.objects.filter(pk=adoption.pk).exists()


def test_reparse_keeps_an_edit_and_reports_the_conflict(editor_client, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, grade=Grade.OUTSTANDING, grade_as_printed="Outstanding")
    save(editor_client, inspection, data)
    other = inspection.judgements.exclude(pk=adoption.pk).first()
    Judgement.objects.filter(pk=other.pk).update(grade="")  # an unedited row the parse restores
    count = inspection.judgements.count()

    response = reparse_action(editor_client, inspection)

    notes = messages_of(response)
    assert any(note.startswith("Re-parsed Knowsley 2017") for note in notes), notes
    conflicts = [note for note in notes if note.startswith("Conflict:")]
    assert len(conflicts) == 1 and "Outstanding" in conflicts[0] and "'Good'" in conflicts[0]
    adoption.refresh_from_db()
    assert (adoption.grade, adoption.grade_as_printed) == (Grade.OUTSTANDING, "Outstanding")
    assert adoption.is_edited
    assert inspection.judgements.count() == count
    assert inspection.judgements.get(label=other.label).grade == other.grade
    inspection.refresh_from_db()
    assert any("manual correction" in warning for warning in inspection.parse_warnings)


def test_a_deleted_row_is_recorded_with_who_and_when(editor_client, editor, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, DELETE="on")

    save(editor_client, inspection, data)

    (deleted,) = DeletedRow.objects.filter(inspection=inspection)
    assert deleted.kind == DeletedRow.Kind.JUDGEMENT
    assert deleted.description == f"'{adoption.label}' ({adoption.grade_as_printed})"
    assert deleted.deleted_by == editor and deleted.deleted_at is not None
    page = editor_client.get(change_url(inspection)).content.decode()
    assert "rows deleted by hand" in page.lower() and adoption.label in page


def test_deleting_a_row_added_by_hand_leaves_no_record(editor_client, editor, inspection):
    added = Recommendation.objects.create(
        inspection=inspection, section="Recommendations", text="Added by hand.", order=99
    )
    mark_edited(added, editor)
    added.save()
    data = form_data(editor_client, inspection)
    set_row(data, "recommendations", added, DELETE="on")

    save(editor_client, inspection, data)

    assert not Recommendation.objects.filter(pk=added.pk).exists()
    assert not DeletedRow.objects.exists()


def test_reparse_leaves_a_row_deleted_by_hand_deleted_and_says_so(editor_client, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, DELETE="on")
    save(editor_client, inspection, data)
    before = set(inspection.judgements.values_list("label", "grade"))

    response = reparse_action(editor_client, inspection)

    notes = messages_of(response)
    assert any(note.startswith("Re-parsed Knowsley 2017") for note in notes), notes
    assert any(
        note.startswith("Conflict: Not restored: judgement") and f"'{adoption.label}'" in note
        for note in notes
    ), notes
    assert set(inspection.judgements.values_list("label", "grade")) == before

    response = reparse_action(editor_client, inspection, "reparse_restoring_deleted")

    assert any("were restored" in note for note in messages_of(response))
    assert inspection.judgements.filter(label=adoption.label).count() == 1
    assert not DeletedRow.objects.filter(inspection=inspection).exists()


def test_reparse_does_not_duplicate_a_relabelled_row_and_reports_it(editor_client, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, label="Adoption performance (relabelled)")
    save(editor_client, inspection, data)
    count = inspection.judgements.count()

    response = reparse_action(editor_client, inspection)

    conflicts = [note for note in messages_of(response) if note.startswith("Conflict:")]
    assert len(conflicts) == 1, conflicts
    assert "'Adoption performance (relabelled)'" in conflicts[0]
    assert f"'{adoption.label}': '{adoption.grade_as_printed}'" in conflicts[0]
    assert inspection.judgements.count() == count
    adoption.refresh_from_db()
    assert adoption.label == "Adoption performance (relabelled)"


def test_the_change_form_can_reparse_restoring_deleted_rows(editor_client, inspection):
    adoption = adoption_of(inspection)
    data = form_data(editor_client, inspection)
    set_row(data, "judgements", adoption, DELETE="on")
    save(editor_client, inspection, data)
    url = f"/admin/inspections/inspection/{inspection.pk}/reparse/"
    assert 'name="restore_deleted"' in editor_client.get(change_url(inspection)).content.decode()

    editor_client.post(url)
    assert not inspection.judgements.filter(label=adoption.label).exists()
    editor_client.post(url, {"restore_deleted": "1"})
    assert inspection.judgements.filter(label=adoption.label).exists()


def test_reparse_of_an_uncorrected_inspection_rereads_it(editor_client, inspection):
    Recommendation.objects.filter(inspection=inspection).first().delete()  # not via the admin
    count = inspection.recommendations.count()

    response = reparse_action(editor_client, inspection)

    assert any(note.startswith("Re-parsed") for note in messages_of(response))
    assert inspection.recommendations.count() == count + 1


def test_the_change_form_reparse_button_posts_only(editor_client, inspection):
    url = f"/admin/inspections/inspection/{inspection.pk}/reparse/"
    assert f'action="{url}"' in editor_client.get(change_url(inspection)).content.decode()
    assert editor_client.get(url).status_code == 405

    response = editor_client.post(url, follow=True)

    assert response.redirect_chain[-1][0] == change_url(inspection)
    assert any(note.startswith("Re-parsed") for note in messages_of(response))


def test_reparse_needs_the_upload_permission(viewer_client, inspection):
    url = f"/admin/inspections/inspection/{inspection.pk}/reparse/"
    assert viewer_client.post(url).status_code == 403
    action_form = viewer_client.get(CHANGELIST_URL).context["action_form"]
    actions = {name for name, _ in action_form.fields["action"].choices} if action_form else set()
    assert "reparse_selected" not in actions


def test_reparse_of_a_missing_file_is_refused_clearly(editor_client, inspection):
    inspection.source_file.delete(save=False)

    response = reparse_action(editor_client, inspection)

    assert any("is missing, so it cannot be re-parsed" in note for note in messages_of(response))


def test_a_viewer_cannot_edit_rows(viewer_client, inspection):
    adoption = adoption_of(inspection)
    response = viewer_client.post(change_url(inspection), {})

    assert response.status_code == 403
    adoption.refresh_from_db()
    assert not adoption.is_edited


def test_the_judgement_admin_marks_edits_too(admin_client, admin_user, inspection):
    adoption = adoption_of(inspection)
    url = f"/admin/inspections/judgement/{adoption.pk}/change/"
    data = {
        "section": adoption.section,
        "label": adoption.label,
        "grade_as_printed": adoption.grade_as_printed,
        "grade": Grade.INADEQUATE,
        "area": adoption.area,
        "order": adoption.order,
        "page": "",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.grade == Grade.INADEQUATE and adoption.edited_by == admin_user
    assert (
        admin_client.get(f"/admin/inspections/judgement/{adoption.pk}/delete/").status_code == 403
    )


def test_a_superuser_can_delete_an_inspection_with_its_rows(admin_client):
    inspection = ingest_sample(K2017_TEXT)
    url = f"/admin/inspections/inspection/{inspection.pk}/delete/"

    confirm = admin_client.get(url)
    page = confirm.content.decode()
    assert confirm.status_code == 200
    assert "doesn’t have permission" not in page and "permission to delete" not in page

    response = admin_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not Inspection.objects.filter(pk=inspection.pk).exists()
    assert not Judgement.objects.filter(inspection_id=inspection.pk).exists()


def test_a_focused_visit_offers_its_recommendations_but_no_judgements(editor_client):
    letter = FIXTURES / "knowsley-2018-11-22-children-s-services-focused-visit.txt"
    visit = ingest_bytes(letter.read_bytes(), letter.name).inspection
    assert not visit.is_graded
    data = form_data(editor_client, visit)
    with pytest.raises(KeyError):
        inline_prefix(data, "judgements")
    prefix = inline_prefix(data, "recommendations")
    first = visit.recommendations.order_by("order").first()
    data[f"{prefix}-{row_index(data, prefix, first.pk)}-text"] = "Consistent assessments."
    save(editor_client, visit, data)
    first.refresh_from_db()
    assert first.text == "Consistent assessments."
    assert not visit.judgements.exists()


def test_row_pages_offer_no_delete(admin_client):
    inspection = ingest_sample(K2017_TEXT)
    judgement = inspection.judgements.first()
    page = admin_client.get(f"/admin/inspections/judgement/{judgement.pk}/change/").content
    assert b"deletelink" not in page
    changelist = admin_client.get("/admin/inspections/judgement/").content.decode()
    assert "delete_selected" not in changelist


def test_a_recommendation_s_national_framework_theme_can_be_corrected(
    editor_client, editor, inspection
):
    row = inspection.recommendations.first()
    data = form_data(editor_client, inspection)
    set_row(data, "recommendations", row, national_framework="outcome 3; enabler 2")

    save(editor_client, inspection, data)

    row.refresh_from_db()
    assert row.national_framework == "outcome 3; enabler 2"
    assert row.edited_by == editor


def test_a_theme_the_framework_lacks_is_refused_in_the_admin(editor_client, inspection):
    row = inspection.recommendations.first()
    data = form_data(editor_client, inspection)
    set_row(data, "recommendations", row, national_framework="outcome 9")

    response = editor_client.post(change_url(inspection), data)

    assert response.status_code == 200
    assert "Not a national framework theme: outcome 9" in _errors(response)
    row.refresh_from_db()
    assert row.national_framework == ""
