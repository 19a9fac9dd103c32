"""Two ingests of one report at once, and an ingest killed half way: stored once, no orphans."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.core.files.storage import default_storage

from ingest import load as load_module
from ingest.load import Status, ingest_bytes
from inspections.models import Inspection
from tests.samples import REPO_ROOT, sample_path

K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"


def _stored_files() -> list[str]:
    root = default_storage.location
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )


def _blind_once(lookup):
    calls = []

    def blind(*args):
        calls.append(args)
        return None if len(calls) == 1 else lookup(*args)

    return blind


@pytest.mark.django_db
def test_losing_a_race_is_unchanged_naming_the_winner(monkeypatch):
    data = sample_path(K2017_TEXT).read_bytes()
    winner = ingest_bytes(data, "first.txt").inspection
    # The second ingest looked before the first committed: its first look saw nothing.
    for name in ("_same_file", "_same_inspection"):
        monkeypatch.setattr(load_module, name, _blind_once(getattr(load_module, name)))

    result = ingest_bytes(data, "second.txt")

    assert result.status == Status.UNCHANGED, result.message
    assert "stored meanwhile by another ingest" in result.message
    assert f"#{winner.pk}" in result.message
    assert "duplicate key" not in result.message and "UNIQUE" not in result.message
    assert Inspection.objects.filter(sha256=winner.sha256).count() == 1
    assert _stored_files() == [winner.source_file.name]


@pytest.mark.django_db
def test_a_file_left_by_a_killed_ingest_is_used_not_stored_again():
    data = sample_path(K2017_TEXT).read_bytes()
    first = ingest_bytes(data, "k.txt").inspection
    name = first.source_file.name
    first.delete()  # as if its transaction had never committed: the file alone is left
    assert _stored_files() == [name]

    again = ingest_bytes(data, "k.txt").inspection

    assert again.source_file.name == name
    assert _stored_files() == [name]


KILL_INSIDE_THE_TRANSACTION = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {repo!r})
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"
    import django
    django.setup()
    from django.conf import settings
    settings.DATABASES["default"]["NAME"] = {database!r}
    settings.MEDIA_ROOT = {media!r}
    from inspections.models import Judgement
    from ingest.load import ingest_bytes

    def killed(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    Judgement.objects.bulk_create = killed
    ingest_bytes(open({report!r}, "rb").read(), "k.txt")
    """
)


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a second process shares the test database on PostgreSQL only",
)
@pytest.mark.django_db(transaction=True)
def test_kill_inside_the_transaction_then_rerun_stores_once(reference_data):
    from django.db import connection

    script = KILL_INSIDE_THE_TRANSACTION.format(
        repo=str(REPO_ROOT),
        database=connection.settings_dict["NAME"],
        media=str(settings.MEDIA_ROOT),
        report=str(sample_path(K2017_TEXT)),
    )
    completed = subprocess.run([sys.executable, "-c", script], env={**os.environ})

    assert completed.returncode == -9  # killed, half way through storing
    assert Inspection.objects.count() == 0  # the transaction never committed
    left = _stored_files()
    assert len(left) == 1  # the file it saved before its rows

    result = ingest_bytes(sample_path(K2017_TEXT).read_bytes(), "k.txt")

    assert result.status == Status.CREATED, result.message
    assert Inspection.objects.count() == 1
    assert _stored_files() == left == [result.inspection.source_file.name]
