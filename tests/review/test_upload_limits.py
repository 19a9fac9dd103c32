"""The request body limit holds while an upload streams in, not after it has all arrived."""

from __future__ import annotations

import io

import pytest
from django.http.multipartparser import MultiPartParser
from django.test import RequestFactory

from ingest.upload_handlers import LimitedUploadHandler
from inspections.models import Inspection

from .factories import K2017_TEXT, UPLOAD_URL, db_snapshot, sample_upload, upload_file

pytestmark = pytest.mark.django_db

BOUNDARY = "BoUnDaRy"


class CountingStream(io.BytesIO):
    """A request body that counts how much of it was read."""

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read = getattr(self, "bytes_read", 0) + len(data)
        return data


def _multipart(file_bytes: int) -> bytes:
    return (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\ntoken\r\n'
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="files"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + b"%PDF-1.4 "
        + b"x" * file_bytes
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def _parse(body: bytes, content_length: int, settings):
    request = RequestFactory().post("/")
    stream = CountingStream(body)
    meta = {
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(content_length),
    }
    handlers = [LimitedUploadHandler(request)]
    from django.core.files.uploadhandler import MemoryFileUploadHandler

    handlers.append(MemoryFileUploadHandler(request))
    post, files = MultiPartParser(meta, stream, handlers).parse()
    return request, stream, post, files


def test_a_file_over_the_limit_is_dropped_as_it_passes_the_limit(settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 100_000
    body = _multipart(5_000_000)

    request, stream, post, files = _parse(body, len(body), settings)

    assert request.upload_skipped == [
        ("big.pdf", "big.pdf: the file is larger than the limit of 97.7\xa0KB")
    ]
    assert "files" not in files  # not a byte of it kept
    assert post["csrfmiddlewaretoken"] == "token"
    assert not getattr(request, "upload_refusal", "")


def test_a_request_declared_too_large_is_not_read(settings):
    settings.INGEST_MAX_REQUEST_BYTES = 1_000_000
    body = _multipart(5_000_000)

    request, stream, post, files = _parse(body, len(body), settings)

    assert request.upload_refusal.startswith("The upload is 4.8\xa0MB, more than the 976.6\xa0KB")
    assert stream.bytes_read < 500_000
    assert "files" not in files


def test_a_file_within_the_limits_is_read_whole(settings):
    body = _multipart(50_000)
    request, stream, post, files = _parse(body, len(body), settings)
    assert not getattr(request, "upload_refusal", "")
    assert files["files"].size == len(b"%PDF-1.4 ") + 50_000


def test_an_upload_over_the_request_limit_says_why_and_stores_nothing(editor_client, settings):
    settings.INGEST_MAX_REQUEST_BYTES = 100_000
    before = db_snapshot()

    response = editor_client.post(
        UPLOAD_URL, {"files": [upload_file("big.pdf", b"%PDF-1.4 " + b"x" * 200_000)]}
    )

    assert response.status_code == 200
    assert response.templates[0].name == "admin/inspections/inspection/upload.html"
    page = response.content.decode()
    assert "more than the 97.7\xa0KB one upload may be" in page
    assert db_snapshot() == before
    assert Inspection.objects.count() == 0


def test_an_oversized_file_is_refused_and_the_others_read(editor_client, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 200_000
    small = sample_upload(K2017_TEXT)
    big = upload_file("big.pdf", b"%PDF-1.4 " + b"x" * 500_000)

    response = editor_client.post(UPLOAD_URL, {"files": [big, small]})

    results = {result.name: result for result in response.context["results"]}
    assert results["big.pdf"].reason == "the file is larger than the limit of 195.3\xa0KB"
    assert results[small.name].outcome == "created"
