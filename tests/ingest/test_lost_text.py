"""Text lost in reading a file is a warning or a refusal, never a quiet "created"."""

from __future__ import annotations

import pytest

from ingest.extract import read_bytes
from ingest.load import Status, ingest_bytes
from inspections.models import Inspection
from tests.pdfgen import make_pdf
from tests.samples import sample_path

pytestmark = pytest.mark.django_db

K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"


def _with_bytes_after(data: bytes, extra: bytes, offset: int = 9000) -> bytes:
    """``extra`` put into ``data`` at the next line break past ``offset`` (past the sniffer's
    8 KB sample)."""
    at = data.index(b"\n", offset)
    return data[:at] + extra + data[at:]


def test_one_bad_byte_past_8_kb_keeps_the_file_utf8_and_warns():
    clean = sample_path(K2017_TEXT).read_bytes()
    assert "’".encode() in clean  # UTF-8 apostrophes: a cp1252 reading would garble them

    result = ingest_bytes(_with_bytes_after(clean, b" \xff"), "k.txt")

    assert result.status == Status.CREATED, result.message
    inspection = result.inspection
    assert inspection.judgements.count() == 6
    assert inspection.recommendations.count() == 8
    assert any("not valid UTF-8" in warning for warning in inspection.parse_warnings)
    assert "â€™" not in inspection.title + "".join(
        inspection.recommendations.values_list("text", flat=True)
    )


def test_a_windows_1252_file_is_read_as_such_without_warning():
    text = "Plain opening line.\n" * 500 + "Children’s services – “good”"
    document = read_bytes(text.encode("cp1252"), name="w.txt")
    assert document.text == text
    assert document.warnings == ()


def test_a_nul_byte_past_8_kb_is_refused_naming_the_file_and_nothing_is_stored():
    data = _with_bytes_after(sample_path(K2017_TEXT).read_bytes(), b"\x00")

    result = ingest_bytes(data, "k.txt")

    assert result.status == Status.FAILED
    assert result.message.startswith("k.txt: this is not a text report: it holds a NUL byte")
    assert Inspection.objects.count() == 0


def test_a_pdf_page_that_cannot_be_inflated_is_a_warning_naming_it():
    page = ["Some text on this page", "and more text", *(f"line {n}" for n in range(40))]
    data = make_pdf(page, page, page, compress=True, damage=frozenset({2}))

    document = read_bytes(data, name="d.pdf")

    assert len(document.pages) == 3
    assert document.warnings == (
        "Page 2 of the PDF is damaged: part of its content could not be decompressed, so "
        "text may be missing from it.",
    )


def test_an_intact_compressed_pdf_has_no_warning():
    data = make_pdf(["Some text"], ["More text"], compress=True)
    assert read_bytes(data, name="ok.pdf").warnings == ()


def test_pdfminer_log_lines_stay_off_stderr(capfd):
    page = ["text", *(f"line {n}" for n in range(40))]
    read_bytes(make_pdf(page, page, compress=True, damage=frozenset({1})), name="d.pdf")
    assert capfd.readouterr().err == ""


def test_a_password_protected_pdf_is_refused_in_plain_words():
    result = ingest_bytes(make_pdf(["Secret"], password_protected=True), "locked.pdf")
    assert result.status == Status.FAILED
    assert result.message == (
        "locked.pdf: the PDF is password-protected; upload a copy without a password"
    )


def test_a_broken_pdf_message_carries_no_pdfminer_internals():
    original = sample_path("pdf-original/knowsley-2017-sif-reinspection.pdf").read_bytes()
    result = ingest_bytes(original[: len(original) // 3], "broken.pdf")
    assert result.status == Status.FAILED
    assert result.message == "broken.pdf: the PDF is damaged or incomplete, so it cannot be read"
