"""Re-parse under hostile conditions (issue 21): a stored file holding another report's
bytes (medium 7) and a selection too large for one request (medium 6)."""

from __future__ import annotations

import time

import pytest
from django.contrib.messages import get_messages

from ingest import reparse as reparse_module
from ingest import sandbox
from ingest.reparse import reparse, reparse_many
from inspections.models import Inspection
from tests.samples import sample_path

from .factories import CHANGELIST_URL, K2006_TEXT, K2010_TEXT, K2017_TEXT, ingest_sample

pytestmark = pytest.mark.django_db

ST_HELENS = "text/st-helens-2012-safeguarding-and-looked-after-children.txt"
LIVERPOOL = "text/liverpool-2011-safeguarding-and-looked-after-children.txt"


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def snapshot(inspection: Inspection) -> tuple:
    inspection.refresh_from_db()
    return (
        inspection.updated_at,
        inspection.start_date,
        inspection.sha256,
        inspection.is_published,
        list(inspection.judgements.values_list("label", "grade")),
        list(inspection.recommendations.values_list("text", flat=True)),
    )


def overwrite_stored_file(inspection: Inspection, relative: str) -> None:
    """The stored file of ``inspection`` now holds another report (a restore from the wrong
    backup, a file copied over by hand)."""
    with open(inspection.source_file.path, "wb") as handle:
        handle.write(sample_path(relative).read_bytes())


def test_a_stored_file_holding_another_reports_bytes_rewrites_neither():
    first = ingest_sample(K2017_TEXT)  # the review's #11
    second = ingest_sample(K2006_TEXT)  # the review's #17
    overwrite_stored_file(first, K2006_TEXT)
    before = snapshot(first), snapshot(second)

    result = reparse(first)

    assert not result.ok
    assert f"(#{first.pk})" in result.message
    assert "is not the one" in result.message and "SHA-256" in result.message
    assert f"they are the file of Knowsley 2006 APA (#{second.pk})" in result.message
    assert "Nothing was changed" in result.message
    assert (snapshot(first), snapshot(second)) == before


def test_a_stored_file_holding_an_unstored_report_creates_nothing():
    draft = ingest_sample(K2017_TEXT, publish=False)
    overwrite_stored_file(draft, K2010_TEXT)
    before = snapshot(draft)

    result = reparse(draft)

    assert not result.ok
    assert "no inspection was read from them" in result.message
    assert Inspection.objects.count() == 1
    assert not Inspection.objects.published().exists()
    assert snapshot(draft) == before


def test_the_admin_action_says_the_file_is_not_the_inspections(editor_client):
    first = ingest_sample(K2017_TEXT)
    second = ingest_sample(K2006_TEXT)
    overwrite_stored_file(first, K2006_TEXT)
    before = snapshot(second)

    response = editor_client.post(
        CHANGELIST_URL,
        {"action": "reparse_selected", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )

    assert response.status_code == 200
    notes = messages_of(response)
    assert any(
        note.startswith("Knowsley 2017 ") and "not re-parsed" in note and "SHA-256" in note
        for note in notes
    ), notes
    assert any(note.startswith("Re-parsed Knowsley 2006") for note in notes), notes
    assert snapshot(second)[1:] == before[1:]  # re-read from its own, unchanged file


@pytest.fixture
def five():
    return [
        ingest_sample(relative)
        for relative in (K2006_TEXT, K2010_TEXT, K2017_TEXT, ST_HELENS, LIVERPOOL)
    ]


def test_the_action_stops_at_its_deadline_and_says_which_are_left(editor_client, five, monkeypatch):
    """Each store appears to take a minute: within 150 seconds three begin, two are left."""
    started = time.monotonic()
    calls = {"count": 0}

    def clock() -> float:
        calls["count"] += 1
        return started + 60 * (calls["count"] - 1)

    monkeypatch.setattr(reparse_module, "_now", clock)
    ids = sorted(inspection.pk for inspection in five)

    response = editor_client.post(
        CHANGELIST_URL, {"action": "reparse_selected", "_selected_action": ids}, follow=True
    )

    assert response.status_code == 200
    notes = messages_of(response)
    done = [note for note in notes if note.startswith("Re-parsed")]
    assert len(done) == 3, notes
    (left,) = [note for note in notes if note.startswith("Not re-parsed, for lack of time")]
    assert "(one request may take 150 seconds): 2 of the 5 selected, unchanged" in left
    for pk in ids[3:]:
        assert f"(#{pk})" in left
    for pk in ids[:3]:
        assert f"(#{pk})" not in left
    assert "python manage.py ingest --replace --all" in left
    link = f"{CHANGELIST_URL}?id__in={','.join(map(str, ids[3:]))}"
    assert f'href="{link}"' in left
    listed = editor_client.get(link)
    assert listed.status_code == 200
    assert sorted(obj.pk for obj in listed.context["cl"].result_list) == ids[3:]


def test_a_parse_cut_by_the_deadline_is_left_not_failed(five, settings, monkeypatch):
    monkeypatch.setattr(sandbox, "PREPARE_FUNCTION", "tests.ingest.workers:sleep_forever")
    before = [snapshot(inspection) for inspection in five]
    started = time.monotonic()

    batch = reparse_many(five, deadline=time.monotonic() + 2, jobs=2)

    assert time.monotonic() - started < 15
    assert batch.results == []
    assert batch.left == five
    assert [snapshot(inspection) for inspection in five] == before


def test_many_reparsed_are_named_in_one_message(editor_client, five, monkeypatch):
    monkeypatch.setattr("review.admin.REPARSE_MESSAGES_EACH", 3)
    ids = sorted(inspection.pk for inspection in five)

    response = editor_client.post(
        CHANGELIST_URL, {"action": "reparse_selected", "_selected_action": ids}, follow=True
    )

    notes = messages_of(response)
    (summary,) = [note for note in notes if note.startswith("Re-parsed")]
    assert summary.startswith("Re-parsed 5 inspections: ")
    assert all(f"(#{pk})" in summary for pk in ids)


def test_the_command_rereading_stored_files_rewrites_no_other_inspection(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    first = ingest_sample(K2017_TEXT)
    second = ingest_sample(K2006_TEXT)
    overwrite_stored_file(first, K2006_TEXT)
    before = snapshot(first), snapshot(second)
    out = StringIO()

    with pytest.raises(SystemExit):
        call_command("ingest", "--replace", "--all", stdout=out)

    assert "failed: the stored file is not the one Knowsley 2017" in out.getvalue()
    assert f"they are the file of Knowsley 2006 APA (#{second.pk})" in out.getvalue()
    assert "1 replaced, 1 failed" in out.getvalue()
    assert snapshot(first) == before[0]
    assert snapshot(second)[1:] == before[1][1:]  # re-read from its own file
