"""Errors the ingest raises on purpose. Anything else escaping the ingest is a bug."""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be ingested; ``str(error)`` is a plain-words reason for a person."""


class NotAReport(IngestError):
    """The file is not a PDF or text report at all (empty, HTML, an image, random bytes)."""


class CorruptFile(IngestError):
    """The file claims to be a PDF but cannot be read."""


class UnknownReportKind(IngestError):
    """The text was read but is not a kind of report the app can parse."""


class OtherReportKind(UnknownReportKind):
    """The report names its kind, and it is one the app does not read (a focused visit...).

    ``document`` is what was read of it when it was refused, if the reader kept it.
    """

    document = None


class ParseError(IngestError):
    """The report's kind was recognised but its content could not be read."""


class UnknownAuthority(IngestError):
    """The report names an authority that is not in the reference data."""


class DuplicateInspection(IngestError):
    """The inspection is already stored (found by SHA-256 or by authority, framework, dates)."""


class ParseTimeout(IngestError):
    """Reading the file took longer than the configured limit."""


class FileNotStored(IngestError):
    """The report's file could not be written to the media folder (a full disk...)."""
