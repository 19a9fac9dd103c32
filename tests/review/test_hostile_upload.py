"""Upload wording under failure (issue 21, low): "Nothing was stored." said once."""

from __future__ import annotations

import pytest

from ingest import pipeline

from .factories import K2017_TEXT, UPLOAD_URL, sample_upload

pytestmark = pytest.mark.django_db


def test_an_unexpected_error_says_nothing_was_stored_once(editor_client, monkeypatch):
    def broken_load(*args, **kwargs):
        raise RuntimeError("the loader broke")

    monkeypatch.setattr(pipeline, "load", broken_load)

    response = editor_client.post(UPLOAD_URL, {"files": [sample_upload(K2017_TEXT)]})

    page = response.content.decode()
    assert response.status_code == 200
    assert "An unexpected error stopped it (RuntimeError: the loader broke). Nothing was" in page
    assert page.lower().count("nothing was stored") == 1
