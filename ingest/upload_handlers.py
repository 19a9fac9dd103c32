"""A request body limit enforced while an upload streams in.

Django stores uploaded files as they arrive and only then lets a view look at their size,
so a 2 GB upload would be read and written to disk whole before being refused. This
handler, first in ``FILE_UPLOAD_HANDLERS``, stops reading as soon as the request says (by
its Content-Length) or shows (by the bytes received) that it is over the limits: a file
over ``INGEST_MAX_UPLOAD_BYTES``, or a request over ``INGEST_MAX_REQUEST_BYTES``. The form
fields before the files (the CSRF token among them) are still read, and the view finds the
reason on ``request.upload_refusal``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.template.defaultfilters import filesizeformat


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0
        self.refusal = ""
        limit = settings.INGEST_MAX_REQUEST_BYTES
        if content_length and content_length > limit:
            self.refusal = (
                f"The upload is {filesizeformat(content_length)}, more than the "
                f"{filesizeformat(limit)} one upload may be: upload fewer or smaller files."
            )
        return None  # the other handlers read the request

    def new_file(self, field_name, file_name, *args, **kwargs) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        self.file_bytes = 0
        if self.refusal:
            self._stop()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.file_bytes += len(raw_data)
        self.received += len(raw_data)
        if self.file_bytes > settings.INGEST_MAX_UPLOAD_BYTES:
            if self.request is not None:
                skipped = getattr(self.request, "upload_skipped", [])
                skipped.append(
                    (
                        self.file_name,
                        f"{self.file_name}: the file is larger than the limit of "
                        f"{filesizeformat(settings.INGEST_MAX_UPLOAD_BYTES)}",
                    )
                )
                self.request.upload_skipped = skipped
            raise SkipFile
        if self.received > settings.INGEST_MAX_REQUEST_BYTES:
            self.refusal = (
                f"The upload is more than the {filesizeformat(settings.INGEST_MAX_REQUEST_BYTES)} "
                "one upload may be: upload fewer or smaller files."
            )
            self._stop()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file

    def _stop(self) -> None:
        if self.request is not None:
            self.request.upload_refusal = self.refusal
        raise StopUpload(connection_reset=True)
