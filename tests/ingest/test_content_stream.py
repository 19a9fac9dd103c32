"""The faster content-stream reader gives pdfminer's interpreter what pdfminer's own would."""

from __future__ import annotations

import io

import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSEOF

from ingest.content_stream import ContentParser, PageInterpreter, _NotHere, objects
from ingest.extract import _LAPARAMS
from ingest.lines import LineDevice
from tests.pdfgen import make_pdf_from_content
from tests.samples import SAMPLE_REPORTS


def _read(parser_class: type, streams: list) -> list:
    try:
        parser = parser_class(streams)
    except PSEOF:
        return []
    found = []
    while True:
        try:
            found.append(parser.nextobject()[1])
        except PSEOF:
            return found


def _streams(*datas: bytes) -> list[PDFStream]:
    return [PDFStream({}, data) for data in datas]


# Each kind of token, with pdfminer's quirks: numbers it drops ("-", "."), names with "#"
# escapes (and a "#" without digits, dropped), strings nested and escaped (an unknown
# escape drops its character; a line break after a backslash continues the line), hex
# strings with spaces and an odd last digit, comments, NUL bytes, a lone ">".
STREAMS = [
    b"BT /F1 11 Tf 14 TL 72 770 Td (Hello) Tj T* ET",
    b"1 -2 +3 .5 -.5 5. - . 1.2.3 007 q Q 0 0 1 rg",
    b"true false null /A#20B /C# /D## /E#4 /\xff\xfe [/A 1 (x)] <</K 1 /L [2 3]>> d0",
    b"(a (nested) string) Tj (esc \\n\\t\\(\\)\\\\ \\101\\1011 \\x end) Tj",
    b"(line \\\r\ncontinues \\\nhere) Tj (\\0) Tj ('quote) ' (dq) \" ",
    b"<48 65 6C6C 6F> Tj <414> Tj <> Tj % a comment\n(after) Tj \x00 > 1 w",
    b"[(A) -120 (B) 33.5 (C)] TJ <</MCID 0>> BDC EMC",
]


@pytest.mark.parametrize("data", STREAMS)
def test_each_kind_of_token_reads_as_pdfminer_reads_it(data):
    streams = _streams(data)
    assert objects(streams) == _read(PDFContentParser, streams)


def test_streams_of_one_page_read_as_one():
    streams = _streams(b"BT /F1 11 Tf (a) Tj\n", b"(b) Tj ET")
    assert objects(streams) == _read(PDFContentParser, streams)


@pytest.mark.parametrize(
    "datas",
    [
        (b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",),  # an inline image
        (b"{ 1 2 add } 3",),  # a procedure
        (b"1 ] 2 >> 3",),  # brackets out of place
        (b"<</A 1 /B>> 2",),  # a dictionary with a key and no value
        (b"(not closed",),
        (b"(\\777) Tj",),  # an octal escape over 255
        (b"(a) Tj (b", b"c) Tj"),  # a string that goes on in the next stream
        (b"1 /Na", b"me 2"),  # a stream ending in a token the next one continues
    ],
)
def test_what_it_is_not_sure_of_is_left_to_pdfminer(datas):
    streams = _streams(*datas)
    if datas[0].startswith((b"BI", b"{", b"1 ]", b"<<", b"(not", b"(\\777")):
        with pytest.raises(_NotHere):
            objects(streams)
    try:
        expected = _read(PDFContentParser, streams)
    except Exception as error:  # pdfminer's own failure is the answer here too
        with pytest.raises(type(error)):
            _read(ContentParser, streams)
        return
    # By repr: an inline image is a PDFStream, which has no equality of its own.
    assert repr(_read(ContentParser, streams)) == repr(expected)


def test_every_page_of_the_sample_reports_reads_as_pdfminer_reads_it():
    pages = 0
    for path in sorted(SAMPLE_REPORTS.glob("pdf*/*.pdf")):
        document = PDFDocument(PDFParser(io.BytesIO(path.read_bytes())))
        for page in PDFPage.create_pages(document):
            contents = page.contents if isinstance(page.contents, list) else [page.contents]
            streams = [resolve1(item) for item in contents if item is not None]
            assert _read(ContentParser, streams) == _read(PDFContentParser, streams), (
                f"{path.name}, page {pages}"
            )
            pages += 1
    assert pages > 250


# Operators run as pdfminer's own loop runs them: operands left over stay on the stack for
# the next operator; one with too few arguments takes them and does nothing; an unknown
# operator is skipped; text after each is where pdfminer puts it.
RUNS = [
    b"BT /F1 12 Tf 72 700 Td (a) Tj 0 -20 Td (b) Tj ET",
    b"BT /F1 12 Tf 5 72 700 Td (a) Tj 1 2 3 Td (b) Tj Td (c) Tj 9 Td 10 0 Td (d) Tj ET",
    b"BT /F1 12 Tf 72 600 Td xyz (e) Tj 2 Tz 14 TL T* (f) ' 1 2 (g) \" ET",
    b"q 1 0 0 1 50 50 cm BT /F2 10 Tf 20 500 Td [(h) -300 (i)] TJ ET Q BT /F1 8 Tf (j) Tj ET",
]


def _text_by(interpreter_class: type, content: bytes) -> list[tuple]:
    manager = PDFResourceManager(caching=True)
    device = LineDevice(manager, _LAPARAMS)
    interpreter = interpreter_class(manager, device)
    document = PDFDocument(PDFParser(io.BytesIO(make_pdf_from_content(content))))
    (page,) = PDFPage.create_pages(document)
    interpreter.process_page(page)
    return [(line.x0, line.y0, line.get_text()) for line in device.lines]


@pytest.mark.parametrize("content", RUNS)
def test_operators_run_as_pdfminers_interpreter_runs_them(content):
    expected = _text_by(PDFPageInterpreter, content)
    assert expected
    assert _text_by(PageInterpreter, content) == expected
