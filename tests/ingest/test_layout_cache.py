"""The layout-text cache: a re-read of a stored PDF does not extract it again."""

from __future__ import annotations

import pytest

from ingest import layout_cache
from ingest.document import Document
from ingest.load import prepare
from tests.samples import sample_path

K2017_ORIGINAL = "pdf-original/knowsley-2017-sif-reinspection.pdf"


def test_second_prepare_reads_the_cache_and_parses_identically(tmp_path):
    data = sample_path(K2017_ORIGINAL).read_bytes()

    first = prepare(data, "k.pdf", cache=tmp_path)
    second = prepare(data, "k.pdf", cache=tmp_path)

    assert not first.from_cache and second.from_cache
    assert first.report == second.report
    assert second.seconds_extract < first.seconds_extract / 10


def test_no_cache_folder_means_no_cache(tmp_path):
    data = sample_path(K2017_ORIGINAL).read_bytes()
    prepare(data, "k.pdf", cache=None)
    assert not prepare(data, "k.pdf", cache=None).from_cache
    assert list(tmp_path.iterdir()) == []


def test_round_trip_keeps_pages_and_tabs(tmp_path):
    document = Document(pages=("a\tb\nc", "", "d"), paginated=True, name="x.pdf")
    layout_cache.put(tmp_path, "ab" * 32, document)
    assert layout_cache.get(tmp_path, "ab" * 32, name="x.pdf") == document


def test_text_reports_and_unknown_files_are_not_cached(tmp_path):
    layout_cache.put(tmp_path, "cd" * 32, Document(pages=("text",), paginated=False))
    assert layout_cache.get(tmp_path, "cd" * 32, name="x") is None
    assert layout_cache.get(tmp_path, "ef" * 32, name="x") is None


def test_an_unwritable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    # Writing under a regular file fails; the ingest must go on without the cache.
    layout_cache.put(blocker, "ab" * 32, Document(pages=("a",), paginated=True))
    assert layout_cache.get(blocker, "ab" * 32, name="x") is None


@pytest.mark.parametrize("bad", [b"%PDF-1.4 garbage", b"<html>not a pdf</html>"])
def test_refused_files_leave_no_entry(tmp_path, bad):
    prepared = prepare(bad, "bad.pdf", cache=tmp_path)
    assert prepared.error
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


def test_a_part_keeps_its_page_count_and_the_pages_it_skipped(tmp_path):
    document = Document(
        pages=("front", "list", "", "", "signature"),
        paginated=True,
        name="x.pdf",
        complete=False,
        unread=(3, 4),
        page_count=6,
    )
    layout_cache.put(tmp_path, "ab" * 32, document)
    assert layout_cache.get(tmp_path, "ab" * 32, name="x.pdf") == document


def test_a_whole_entry_replaces_a_part_and_what_was_kept_beside_it(tmp_path):
    part = Document(pages=("a", "", "c"), paginated=True, complete=False, unread=(2,), page_count=3)
    layout_cache.put(tmp_path, "ab" * 32, part)
    whole = Document(pages=("a", "b", "c"), paginated=True, name="x.pdf")
    layout_cache.put(tmp_path, "ab" * 32, whole)
    assert layout_cache.get(tmp_path, "ab" * 32, name="x.pdf") == whole
    assert [path.name for path in tmp_path.rglob("*") if path.is_file()] == [f"{'ab' * 32}.txt"]


def test_an_unreadable_extent_is_no_entry(tmp_path):
    part = Document(pages=("a", "", "c"), paginated=True, complete=False, unread=(2,), page_count=3)
    layout_cache.put(tmp_path, "ab" * 32, part)
    next(tmp_path.rglob("*.extent.json")).write_text("{not json")
    assert layout_cache.get(tmp_path, "ab" * 32, name="x.pdf") is None
