"""The line device finds the text lines pdfminer's layout analysis finds, box and text."""

from __future__ import annotations

import io

import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from ingest.extract import _LAPARAMS, layout_rows
from ingest.lines import LineDevice
from tests.pdfgen import make_pdf_from_content
from tests.samples import SAMPLE_REPORTS


class _PdfminerLines(PDFPageAggregator):
    """pdfminer's own analysis, stopped at text lines: LTChar per glyph, group_objects."""

    def end_page(self, page: PDFPage) -> None:
        layout = self.cur_item
        characters = [item for item in layout if isinstance(item, LTChar)]
        self.lines = list(layout.group_objects(self.laparams, characters)) if characters else []
        for line in self.lines:
            line.analyze(self.laparams)


def _lines(device_class: type, data: bytes, pages: int) -> list[list[tuple]]:
    """Each page's lines as (x0, y0, x1, y1, text), and its layout text, by ``device_class``."""
    manager = PDFResourceManager(caching=True)
    if device_class is LineDevice:
        device = LineDevice(manager, _LAPARAMS)
    else:
        device = device_class(manager, laparams=_LAPARAMS)
    interpreter = PDFPageInterpreter(manager, device)
    found = []
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number == pages:
            break
        interpreter.process_page(page)
        lines = device.lines
        found.append(
            [(line.x0, line.y0, line.x1, line.y1, line.get_text()) for line in lines]
            + [layout_rows(lines)]
        )
    return found


# The opening pages of every sample report (every kind of report).
SAMPLES = [(path, 2) for path in sorted((SAMPLE_REPORTS / "pdf-original").glob("*.pdf"))] + [
    (path, 3) for path in sorted((SAMPLE_REPORTS / "pdf").glob("*.pdf"))
]


@pytest.mark.parametrize(("path", "pages"), SAMPLES, ids=lambda value: getattr(value, "stem", ""))
def test_sample_reports_give_pdfminers_lines(path, pages):
    data = path.read_bytes()
    expected = _lines(_PdfminerLines, data, pages)
    assert expected and any(page[:-1] for page in expected)
    assert _lines(LineDevice, data, pages) == expected


# Text as reports set it and as they rarely do: kerning and spacing in TJ arrays, character
# and word spacing, horizontal scaling, rise, a rotated and a mirrored line, two columns
# close together, a line of one glyph, overlapping lines, a vertical font's glyphs.
CONTENT = [
    b"BT /F1 11 Tf 72 770 Td (Hello world) Tj ET",
    b"BT /F1 10 Tf 72 770 Td [(Judge) -250 (ment) 30 (s) -120 (x) -80 (y) -2000 (Good)] TJ ET",
    b"BT /F1 10 Tf 3 Tc 12 Tw 72 700 Td (wide spacing here) Tj 0 Tc 0 Tw (x) Tj ET",
    b"BT /F2 9 Tf 150 Tz 5 Ts 72 600 Td (scaled and risen) Tj 0 Ts (base) Tj ET",
    b"BT /F1 12 Tf 0 1 -1 0 300 300 Tm (rotated text) Tj ET",
    b"BT /F1 12 Tf -1 0 0 1 400 300 Tm (mirrored) Tj ET",
    b"BT /F1 10 Tf 72 500 Td (Left column) Tj 80 0 Td (Right column) Tj ET",
    b"BT /F1 10 Tf 72 500 Td (A) Tj ET BT /F1 30 Tf 74 490 Td (B) Tj ET",
    b"BT /F1 10 Tf 72 400 Td (one) Tj 0 -4 Td (two) Tj 0 -30 Td (three) Tj ET",
    b"2 0 0 2 10 10 cm BT /F2 8 Tf 20 300 Td (under a scaled CTM) Tj ET",
    b"BT /F1 10 Tf 72 300 Td (a) Tj -40 0 Td (b) Tj 200 0 Td (c) Tj ET",
    b"BT /F3 12 Tf 500 700 Td <0041004200430020> Tj /F1 10 Tf 72 200 Td (after) Tj ET",
]


@pytest.mark.parametrize("content", CONTENT)
def test_hand_set_text_gives_pdfminers_lines(content):
    data = make_pdf_from_content(content)
    expected = _lines(_PdfminerLines, data, 1)
    assert expected[0][:-1], "the page has text lines"
    assert _lines(LineDevice, data, 1) == expected


def test_text_inside_a_form_is_left_out_as_pdfminer_leaves_it():
    data = make_pdf_from_content(
        b"BT /F1 12 Tf 72 700 Td (On the page) Tj ET q /Fm1 Do Q "
        b"BT /F1 12 Tf 72 650 Td (After the form) Tj ET",
        form=b"BT /F1 12 Tf 72 600 Td (Inside the form) Tj ET",
    )
    found = _lines(LineDevice, data, 1)
    assert found == _lines(_PdfminerLines, data, 1)
    assert found[0][-1] == "On the page\nAfter the form"


def test_a_device_for_vertical_lines_or_all_texts_is_refused():
    with pytest.raises(ValueError):
        LineDevice(PDFResourceManager(), LAParams(detect_vertical=True))
    with pytest.raises(ValueError):
        LineDevice(PDFResourceManager(), LAParams(all_texts=True))
