"""Write a minimal, valid PDF with the given lines of text (for bad-input tests)."""

from __future__ import annotations

import zlib


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(
    lines: list[str],
    *more_pages: list[str],
    compress: bool = False,
    damage: frozenset = frozenset(),
    password_protected: bool = False,
) -> bytes:
    """A PDF whose first page prints ``lines``; each of ``more_pages`` is another page.

    ``compress`` deflates the pages' content streams (as real PDFs do); the pages numbered
    (from 1) in ``damage`` get a deflated stream cut short and garbled half way, so that
    part of their text cannot be inflated. ``password_protected`` adds an encryption
    dictionary whose user password is not the empty one, as a PDF that asks for a password.
    """
    pages = [lines, *more_pages]
    count = len(pages)
    # Objects: 1 catalog, 2 page tree, 3 font, then a page and its content for each page.
    kids = " ".join(f"{4 + 2 * index} 0 R" for index in range(count)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, page_lines in enumerate(pages):
        content = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for line in page_lines:
            content.append(f"({_escape(line)}) Tj T*")
        content.append("ET")
        stream = "\n".join(content).encode("latin-1")
        attributes = b""
        if compress or index + 1 in damage:
            stream = zlib.compress(stream)
            attributes = b" /Filter /FlateDecode"
            if index + 1 in damage:
                half = len(stream) // 2
                stream = stream[:half] + bytes(byte ^ 0x5A for byte in stream[half : half + 8])
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * index)
        )
        objects.append(
            b"<< /Length %d%s >>\nstream\n" % (len(stream), attributes) + stream + b"\nendstream"
        )
    return _assemble(objects, password_protected=password_protected)


def make_pdf_from_content(content: bytes, *, form: bytes | None = None) -> bytes:
    """A one-page PDF whose page content is ``content`` (fonts /F1 Helvetica, /F2 Times,
    /F3 a vertical CID font, two bytes a glyph); ``form``, if given, is the content of a
    form XObject the page may draw as /Fm1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        b"<< /F1 5 0 R /F2 6 0 R /F3 8 0 R >> /XObject << /Fm1 7 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    form = form or b""
    objects.append(
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font "
        b"<< /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(form) + form + b"\nendstream"
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Vert /Encoding /Identity-V "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Vert "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /Vert /Flags 4 "
        b"/FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 "
        b"/CapHeight 700 /StemV 80 >> /DW 1000 >>] >>"
    )
    return _assemble(objects)


def _assemble(objects: list[bytes], *, password_protected: bool = False) -> bytes:
    """The numbered ``objects`` (from 1; the first the catalog) as a PDF file."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    encrypt = b""
    if password_protected:
        offsets.append(len(out))
        number = len(objects) + 1
        out += b"%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>\nendobj\n" % (
            number,
            b"11" * 32,
            b"22" * 32,
        )
        encrypt = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (number, b"33" * 16, b"33" * 16)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        encrypt,
        xref,
    )
    return bytes(out)
