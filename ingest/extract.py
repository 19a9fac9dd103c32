"""Turn a report file (PDF or plain text) into layout text.

pdfminer's plain ``extract_text`` emits tables column by column (all labels, then all
grades), which loses the pairing of a label with its grade. So rows are rebuilt from the
layout: the text lines of a page whose vertical extents overlap form one row; within a
row, lines that overlap horizontally are one cell (a label that wraps inside its table
cell), cells are ordered left to right and joined with tabs. That is the same form as the
text samples, so one parser reads both.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

from .content_stream import PageInterpreter
from .document import Document
from .errors import CorruptFile, IngestError, NotAReport
from .lines import Line, LineDevice

SUPPORTED_SUFFIXES = (".pdf", ".txt")

logger = logging.getLogger(__name__)

# boxes_flow=None: no hierarchy of text boxes, which only orders boxes for plain text
# extraction; rows are rebuilt from the text lines, which are the same without it (3% faster).
_LAPARAMS = LAParams(boxes_flow=None)


def read_document(path: Path | str, *, name: str | None = None) -> Document:
    """Read a report file into a :class:`Document`.

    The file's content decides how it is read, not its name: an HTML page saved as
    ``.pdf`` is refused with :class:`NotAReport`; an unreadable PDF raises
    :class:`CorruptFile`.
    """
    path = Path(path)
    data = path.read_bytes()
    return read_bytes(data, name=name or path.name)


def read_bytes(data: bytes, *, name: str) -> Document:
    """Read the bytes of a report file named ``name`` into a :class:`Document`."""
    kind = sniff(data, name)
    if kind == "pdf":
        return pdf_to_document(data, name=name)
    return text_to_document(data, name=name)


# Byte order marks of the wide Unicode encodings a text report may come in (Windows'
# "Unicode" is UTF-16 with one), UTF-32's first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
)

# Archives, by their first bytes. A PDF stored uncompressed inside a ZIP shows "%PDF-" in
# the archive's first kilobyte, where a PDF's header may be; it is still not a PDF.
_ARCHIVES = (
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
)


def wide_encoding(data: bytes) -> str | None:
    """ "utf-16" or "utf-32" for text that begins with that encoding's byte order mark."""
    return next((encoding for bom, encoding in _WIDE_BOMS if data.startswith(bom)), None)


def _archive(data: bytes) -> str | None:
    kind = next((kind for magic, kind in _ARCHIVES if data.startswith(magic)), None)
    if kind is None and data[257:262] == b"ustar":
        kind = "tar archive"
    return kind


def sniff(data: bytes, name: str) -> str:
    """Decide from the content whether ``data`` is a PDF or a text report; refuse anything else."""
    if not data.strip():
        raise NotAReport(f"{name}: the file is empty")
    archive = _archive(data)
    if archive:
        raise NotAReport(
            f"{name}: this file is a {archive}, not a PDF or text report: take the report "
            "out of it and ingest that"
        )
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    wide = wide_encoding(data)
    if wide:
        return _sniff_wide(data, name, wide)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered[:300]:
        raise NotAReport(f"{name}: this file is an HTML page, not a PDF or text report")
    if name.lower().endswith(".pdf"):
        raise NotAReport(f"{name}: this file is not a PDF (it does not start with %PDF)")
    if _looks_like_wide_text(data):
        raise NotAReport(
            f"{name}: this looks like UTF-16 text without the byte order mark that says "
            "which way round its bytes are; save it as UTF-8 (or UTF-16 with a BOM)"
        )
    if not _looks_like_text(data):
        raise NotAReport(f"{name}: this file is neither a PDF nor a text report")
    nul = data.find(b"\x00")
    if nul >= 0:
        # No text report holds a NUL byte; past the sample it means a damaged or binary file.
        raise NotAReport(
            f"{name}: this is not a text report: it holds a NUL byte (at byte {nul:,}), as "
            "damaged or binary files do"
        )
    return "text"


def _sniff_wide(data: bytes, name: str, encoding: str) -> str:
    """The checks of :func:`sniff` for a UTF-16 or UTF-32 text report, on its characters."""
    unit = 4 if encoding == "utf-32" else 2
    sample = data[: 8192 - 8192 % unit].decode(encoding, errors="replace")
    if not sample.strip():
        raise NotAReport(f"{name}: the file is empty")
    lowered = sample[:1024].lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in lowered[:300]:
        raise NotAReport(f"{name}: this file is an HTML page, not a PDF or text report")
    if name.lower().endswith(".pdf"):
        raise NotAReport(f"{name}: this file is not a PDF (it does not start with %PDF)")
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\x0c\r")
    if controls > len(sample) // 100:
        raise NotAReport(f"{name}: this file is neither a PDF nor a text report")
    return "text"


def _looks_like_wide_text(data: bytes) -> bool:
    """UTF-16 without a byte order mark: in English text every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 16:
        return False
    for zeros, chars in ((sample[0::2], sample[1::2]), (sample[1::2], sample[0::2])):
        printable = sum(1 for byte in chars if 32 <= byte < 127 or byte in (9, 10, 13))
        if zeros.count(0) > 0.9 * len(zeros) and printable > 0.9 * len(chars):
            return True
    return False


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the sample's end is still text.
        if error.start < len(sample) - 4:
            return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def text_to_document(data: bytes, *, name: str) -> Document:
    """A text report: UTF-8, or Windows-1252 where not one byte of it reads as UTF-8, or
    UTF-16 or UTF-32 where it begins with that encoding's byte order mark.

    A file that is UTF-8 but for a few bad bytes stays UTF-8 (decoding it all as
    Windows-1252 would garble every accented letter and dash); the bad bytes are replaced,
    and the report carries a warning saying how many and where.
    """
    warnings: tuple[str, ...] = ()
    wide = wide_encoding(data)
    if wide:
        text = data.decode(wide, errors="replace")  # the codec reads and drops the mark
        bad = text.count("\ufffd") - data.decode(wide, errors="ignore").count("\ufffd")
        if bad:
            warnings = (
                f"{bad} place{'s' if bad != 1 else ''} in the file "
                f"{'are' if bad != 1 else 'is'} not valid {wide.upper()} and replaced by "
                "\ufffd: text may be missing there.",
            )
        document = Document.from_text(text, name=name)
        return replace(document, warnings=warnings) if warnings else document
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _has_utf8_sequences(data):
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd") - data.decode("utf-8-sig", "ignore").count("\ufffd")
            warnings = (
                f"{bad} place{'s' if bad != 1 else ''} in the file (the first at byte "
                f"{error.start:,}) {'are' if bad != 1 else 'is'} not valid UTF-8 and "
                "replaced by \ufffd: text may be missing there.",
            )
        else:
            text = data.decode("cp1252", errors="replace")
            if "\ufffd" in text:
                warnings = (
                    "Some bytes of the file are neither UTF-8 nor Windows-1252 text and were "
                    "replaced by \ufffd: text may be missing there.",
                )
    document = Document.from_text(text, name=name)
    return replace(document, warnings=warnings) if warnings else document


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether the bytes hold UTF-8 encoded characters (curly quotes, dashes, accents)."""
    return _UTF8_MULTIBYTE.search(data) is not None


def pdf_to_document(data: bytes, *, name: str) -> Document:
    return PdfReader(data, name=name).read(None)


@contextmanager
def _pdf_errors(name: str) -> Iterator[None]:
    """pdfminer's many error types, as the plain refusal a person can act on."""
    try:
        yield
    except IngestError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise CorruptFile(
            f"{name}: the PDF is password-protected; upload a copy without a password"
        ) from error
    except MemoryError as error:
        raise CorruptFile(
            f"{name}: reading this file needed more memory than allowed and was stopped"
        ) from error
    except Exception as error:  # pdfminer raises many private error types on broken files
        # Its messages ("Invalid dictionary construct: [/'Type'...") help nobody who
        # uploads a file; they go to the log for whoever debugs.
        logger.info("%s: pdfminer failed: %s", name, _describe(error))
        raise CorruptFile(
            f"{name}: the PDF is damaged or incomplete, so it cannot be read"
        ) from error


class PdfReader:
    """A PDF opened once, its pages turned into layout text on demand.

    Extraction is most of an ingest's time, and many reports are read from a few of their
    pages (an ILACS report's opening pages; a focused visit letter's opening pages and its
    last; a letter of a kind the app refuses): ``read(2)`` costs two pages, and a later
    ``read(None)`` extracts only the pages not read yet.
    """

    def __init__(self, data: bytes, *, name: str):
        self.name = name
        self._texts: dict[int, str] = {}  # by page number, from 1
        self._damaged: dict[int, bool] = {}  # pages whose content was not all decompressed
        with _pdf_errors(name):
            document = PDFDocument(PDFParser(io.BytesIO(data)))
            manager = PDFResourceManager(caching=True)
            self._device = LineDevice(manager, _LAPARAMS)
            self._interpreter = PageInterpreter(manager, self._device)
            # The page tree only: cheap next to turning one page into text.
            self._pages = list(PDFPage.create_pages(document))
        if not self._pages:
            raise CorruptFile(f"{name}: the PDF has no pages")

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def keep(self, document: Document) -> None:
        """Take the pages ``document`` read of this PDF (a partial entry of the layout
        cache, by the same extractor) as read, so that they are not extracted again."""
        unread = set(document.unread)
        for number, text in enumerate(document.pages[: self.page_count], start=1):
            if number not in unread:
                self._texts.setdefault(number, text)

    def read(self, pages: int | None) -> Document:
        """The first ``pages`` pages (all with None) as a Document; ``complete`` says if
        that is the whole PDF. A page whose content could not be decompressed whole is
        named in ``warnings``: its text may be missing."""
        count = self.page_count if pages is None else min(pages, self.page_count)
        return self.read_pages(range(1, count + 1))

    def read_pages(self, numbers: Iterable[int]) -> Document:
        """The pages numbered (from 1) in ``numbers``, as a Document of the pages up to the
        last of them; those between that were not asked for are empty and named in its
        ``unread``, so that every page keeps its number. Damage is checked on every page up
        to the last (a cheap test, unlike extraction): a damaged page is a warning whether
        or not its text was needed."""
        wanted = sorted({number for number in numbers if 1 <= number <= self.page_count})
        last = wanted[-1] if wanted else 0
        with _pdf_errors(self.name), _PdfminerLog():
            for number in range(1, last + 1):
                page = self._pages[number - 1]
                if number not in self._damaged:
                    self._damaged[number] = any(_lost(stream) for stream in _content_streams(page))
                if number in wanted and number not in self._texts:
                    self._interpreter.process_page(page)
                    self._texts[number] = layout_rows(self._device.lines)
        texts = tuple(self._texts.get(number, "") for number in range(1, last + 1))
        unread = tuple(number for number in range(1, last + 1) if number not in wanted)
        complete = last == self.page_count and not unread
        if complete and not any(page.strip() for page in texts):
            raise NotAReport(f"{self.name}: the PDF has no text to read (is it a scanned image?)")
        warnings = tuple(
            f"Page {number} of the PDF is damaged: part of its content could not be "
            "decompressed, so text may be missing from it."
            for number in range(1, last + 1)
            if self._damaged[number]
        )
        return Document(
            pages=texts,
            paginated=True,
            name=self.name,
            complete=complete,
            warnings=warnings,
            unread=unread,
            page_count=None if complete else self.page_count,
        )


def _content_streams(page: PDFPage) -> list[PDFStream]:
    """The page's content streams that are still to be decoded, with their raw bytes."""
    contents = page.contents if isinstance(page.contents, list) else [page.contents]
    return [
        stream
        for stream in (resolve1(item) for item in contents)
        if isinstance(stream, PDFStream) and stream.data is None and stream.rawdata
    ]


def _lost(stream: PDFStream) -> bool:
    """Whether inflating the content stream fails, so that pdfminer reads only a part of it
    (or nothing) and says so at most in a log line naming no file."""
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return False
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    try:
        zlib.decompress(data)
    except zlib.error:
        return True
    return False


class _PdfminerLog(logging.Handler):
    """Keeps pdfminer's log lines off stderr during extraction.

    They name no file, so printed in a batch they would only puzzle; what matters in them
    (a page whose content could not be inflated) becomes a warning naming the page.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._logger = logging.getLogger("pdfminer")

    def emit(self, record: logging.LogRecord) -> None:
        pass

    def __enter__(self) -> _PdfminerLog:
        self._propagate = self._logger.propagate
        self._logger.addHandler(self)
        self._logger.propagate = False
        return self

    def __exit__(self, *exc_info) -> None:
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate


def _describe(error: Exception) -> str:
    message = str(error).strip() or error.__class__.__name__
    return message[:200]


@dataclass
class _Row:
    top: float
    bottom: float
    lines: list[Line] = field(default_factory=list)


# Control characters a PDF's text can carry: NUL (which PostgreSQL refuses in text) and a
# form feed (which separates pages in the layout cache) must not reach the layout text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", _CONTROLS.sub("", text)).strip()


def layout_rows(lines: Sequence[Line]) -> str:
    """Group text lines into rows and cells; return them as tab-separated rows."""
    # Each line's text, read once: pdfminer builds it from its characters on every call.
    texts = {id(line): _clean(line.get_text()) for line in lines}
    ordered = sorted(
        (line for line in lines if texts[id(line)]),
        key=lambda line: (-line.y1, line.x0),
    )
    rows: list[_Row] = []
    for line in ordered:
        row = rows[-1] if rows else None
        # Overlap must be substantial: touching baselines of consecutive paragraph
        # lines must not merge them into one row.
        if row is not None:
            overlap = min(row.top, line.y1) - max(row.bottom, line.y0)
            if overlap > 0.25 * min(line.height, row.top - row.bottom):
                row.lines.append(line)
                row.top = max(row.top, line.y1)
                row.bottom = min(row.bottom, line.y0)
                continue
        rows.append(_Row(top=line.y1, bottom=line.y0, lines=[line]))
    return "\n".join(_row_text(row, texts) for row in rows)


def _row_text(row: _Row, texts: dict[int, str]) -> str:
    cells: list[list[Line]] = []
    for line in sorted(row.lines, key=lambda item: item.x0):
        for cell in cells:
            if any(_overlaps_horizontally(line, other) for other in cell):
                cell.append(line)
                break
        else:
            cells.append([line])
    return "\t".join(
        _join_wrapped([texts[id(line)] for line in sorted(cell, key=lambda item: -item.y1)])
        for cell in cells
    )


def _overlaps_horizontally(a: Line, b: Line) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0


def _join_wrapped(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        # A word hyphenated at a line end ("multi-" + "agency") keeps its hyphen.
        text = f"{text}{part}" if text.endswith("-") else f"{text} {part}"
    return text


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES
