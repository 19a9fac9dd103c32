"""A pdfminer device that turns a page's glyphs straight into text lines.

pdfminer's layout analyzer (``PDFPageAggregator``) builds an ``LTChar`` object per glyph
(its bounding box through a generic matrix product, its font's width and text looked up
again for every glyph), an ``LTRect`` or ``LTCurve`` per path drawn, then groups the
characters into lines, objects again, inserting an ``LTAnno`` per space. Our layout text
needs only each line's box and text, and that per-glyph work was over half of extraction,
which is nearly all of an ingest's time.

:class:`LineDevice` does the same arithmetic, in the same order, on plain numbers: each
glyph's box as ``LTChar`` computes it, the glyphs grouped into lines as
``LTLayoutContainer.group_objects`` groups them (with ``LAParams`` defaults: horizontal
lines only), spaces inserted where ``LTTextLineHorizontal.add`` inserts them. A font's
widths, text and descent are looked up once per glyph code. Paths are not recorded, and
text inside a form XObject is skipped, as the layout analysis (``all_texts`` off) leaves
it out of the page's lines. ``tests/ingest/test_lines.py`` holds its lines to pdfminer's
on every sample report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pdfminer.layout import LAParams, LTChar
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager, PDFTextState
from pdfminer.utils import mult_matrix

INF = float("inf")


class Line:
    """A text line as pdfminer's ``LTTextLineHorizontal`` ends up: its box and its text."""

    __slots__ = ("x0", "y0", "x1", "y1", "_parts", "_last_x1")

    def __init__(self) -> None:
        self.x0 = self.y0 = INF
        self.x1 = self.y1 = -INF
        self._parts: list[str] = []
        self._last_x1 = INF  # right edge of the glyph added last

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def add(self, glyph: _Glyph, word_margin: float) -> None:
        x0, y0, x1, y1, width, height, text = glyph
        # LTTextLineHorizontal.add: a gap wider than word_margin of the glyph is a space.
        if word_margin and self._last_x1 < x0 - word_margin * max(width, height):
            self._parts.append(" ")
        self._last_x1 = x1
        self._parts.append(text)
        # min() and max(), as LTExpandableContainer.add takes them, without the calls.
        if x0 < self.x0:
            self.x0 = x0
        if y0 < self.y0:
            self.y0 = y0
        if x1 > self.x1:
            self.x1 = x1
        if y1 > self.y1:
            self.y1 = y1

    def get_text(self) -> str:
        # LTTextLine.analyze ends every line with a line break.
        return "".join(self._parts) + "\n"


# A glyph's box (x0, y0, x1, y1), its width and height, and its text.
_Glyph = tuple[float, float, float, float, float, float, str]


class LineDevice(PDFTextDevice):
    """Collects a page's text lines; :attr:`lines` holds those of the last page read."""

    def __init__(self, manager: PDFResourceManager, laparams: LAParams) -> None:
        super().__init__(manager)
        if laparams.detect_vertical or laparams.all_texts:
            raise ValueError("LineDevice reads horizontal lines of the page's own text only")
        self.line_overlap = laparams.line_overlap
        self.char_margin = laparams.char_margin
        self.word_margin = laparams.word_margin
        self.lines: list[Line] = []
        self._figures = 0  # depth of form XObjects being executed
        self._previous: _Glyph | None = None
        self._line: Line | None = None
        # Per font: glyph code -> (text, width in text space); and the font's descent.
        self._glyphs: dict[PDFFont, dict[int, tuple[str, float]]] = {}
        self._descents: dict[PDFFont, float] = {}

    def begin_page(self, page: Any, ctm: Any) -> None:
        self.lines = []
        self._figures = 0
        self._previous = None
        self._line = None

    def end_page(self, page: Any) -> None:
        # group_objects: the glyph still pending makes a line of its own, or ends the last.
        if self._previous is not None:
            if self._line is None:
                self._line = Line()
                self._line.add(self._previous, self.word_margin)
            self.lines.append(self._line)
        self._previous = None
        self._line = None

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        self._figures += 1

    def end_figure(self, name: str) -> None:
        self._figures -= 1

    def render_string(
        self,
        textstate: PDFTextState,
        seq: Sequence[Any],
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> None:
        if self._figures:
            return  # a form's text is not in the page's lines (LAParams.all_texts off)
        font = textstate.font
        assert font is not None and self.ctm is not None
        if font.is_vertical():
            super().render_string(textstate, seq, ncs, graphicstate)  # through render_char
            return
        # PDFTextDevice.render_string and render_string_horizontal, with LTChar's box inline.
        matrix = mult_matrix(textstate.matrix, self.ctm)
        fontsize = textstate.fontsize
        rise = textstate.rise
        glyphs = self._glyphs.get(font)
        if glyphs is None:
            glyphs = self._glyphs[font] = {}
            self._descents[font] = font.get_descent()
        descent = self._descents[font] * fontsize
        bottom = descent + rise
        top = descent + rise + fontsize
        a, b, c, d, e, f = matrix
        y = textstate.linematrix[1]
        if b or c:
            self._rotated(_walk(textstate, seq, font, glyphs), matrix, y, bottom, top)
            return
        # Upright (or mirrored) text: translate_matrix and apply_matrix_rect with b = c = 0,
        # where their terms in b and c are zeros and the box's bottom and top are the same
        # for every glyph of the string. The same values as in general (an added zero
        # changes no sum), compared in the same way.
        f1 = y * d + f
        y0, y1 = min(d * bottom + f1, d * top + f1), max(d * bottom + f1, d * top + f1)
        height = y1 - y0
        line_overlap, char_margin, word_margin = (
            self.line_overlap,
            self.char_margin,
            self.word_margin,
        )
        previous, line, lines = self._previous, self._line, self.lines
        for x, adv, text in _walk(textstate, seq, font, glyphs):
            e1 = x * a + e
            right = a * adv + e1
            x0, x1 = (right, e1) if right < e1 else (e1, right)
            width = x1 - x0
            glyph = (x0, y0, x1, y1, width, height, text)
            # _glyph and Line.add, inline: they run once per glyph of every page.
            if previous is not None:
                px0, py0, px1, py1, pwidth, pheight, _ = previous
                if (
                    y0 <= py1
                    and py0 <= y1
                    and (pheight if pheight < height else height) * line_overlap
                    < min(abs(py0 - y1), abs(py1 - y0))
                    and (0 if x0 <= px1 and px0 <= x1 else min(abs(px0 - x1), abs(px1 - x0)))
                    < (pwidth if pwidth > width else width) * char_margin
                ):
                    if line is None:
                        line = Line()
                        line.add(previous, word_margin)
                    line.add(glyph, word_margin)
                elif line is not None:
                    lines.append(line)
                    line = None
                else:
                    alone = Line()
                    alone.add(previous, word_margin)
                    lines.append(alone)
            previous = glyph
        self._previous, self._line = previous, line

    def _rotated(
        self,
        walk: Iterator[tuple[float, float, str]],
        matrix: tuple[float, float, float, float, float, float],
        y: float,
        bottom: float,
        top: float,
    ) -> None:
        """Text turned by its matrix: each glyph's box as LTChar computes it in full."""
        a, b, c, d, e, f = matrix
        for x, adv, text in walk:
            # translate_matrix, then apply_matrix_rect on (0, bottom, adv, top).
            e1 = x * a + y * c + e
            f1 = x * b + y * d + f
            left1, bottom1 = a * 0 + c * bottom + e1, b * 0 + d * bottom + f1
            right1, bottom2 = a * adv + c * bottom + e1, b * adv + d * bottom + f1
            right2, top1 = a * adv + c * top + e1, b * adv + d * top + f1
            left2, top2 = a * 0 + c * top + e1, b * 0 + d * top + f1
            x0 = min(left1, left2, right1, right2)
            y0 = min(bottom1, bottom2, top1, top2)
            x1 = max(left1, left2, right1, right2)
            y1 = max(bottom1, bottom2, top1, top2)
            self._glyph((x0, y0, x1, y1, x1 - x0, y1 - y0, text))

    def render_char(
        self,
        matrix: Any,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        """A glyph of a vertical font (rare in reports): pdfminer's own LTChar gives its box."""
        char = LTChar(
            matrix,
            font,
            fontsize,
            scaling,
            rise,
            _text(font, cid),
            font.char_width(cid),
            font.char_disp(cid),
            ncs,
            graphicstate,
        )
        self._glyph((char.x0, char.y0, char.x1, char.y1, char.width, char.height, char._text))
        return char.adv

    def _glyph(self, glyph: _Glyph) -> None:
        """LTLayoutContainer.group_objects, one glyph at a time (no vertical lines)."""
        previous = self._previous
        self._previous = glyph
        if previous is None:
            return
        px0, py0, px1, py1, pwidth, pheight, _ = previous
        x0, y0, x1, y1, width, height, _ = glyph
        # Aligned: the boxes overlap vertically by more than line_overlap of the lower
        # one's height, and are nearer horizontally than char_margin of the wider's width.
        halign = (
            y0 <= py1
            and py0 <= y1
            and min(pheight, height) * self.line_overlap < min(abs(py0 - y1), abs(py1 - y0))
            and (0 if x0 <= px1 and px0 <= x1 else min(abs(px0 - x1), abs(px1 - x0)))
            < max(pwidth, width) * self.char_margin
        )
        line = self._line
        if halign and line is not None:
            line.add(glyph, self.word_margin)
        elif line is not None:
            self.lines.append(line)
            self._line = None
        elif halign:
            line = self._line = Line()
            line.add(previous, self.word_margin)
            line.add(glyph, self.word_margin)
        else:
            line = Line()
            line.add(previous, self.word_margin)
            self.lines.append(line)


def _walk(
    textstate: PDFTextState,
    seq: Sequence[Any],
    font: PDFFont,
    glyphs: dict[int, tuple[str, float]],
) -> Iterator[tuple[float, float, str]]:
    """PDFTextDevice.render_string_horizontal's walk along a string (a TJ array): yields
    each glyph's x in text space, its advance and its text, with kerning, character and
    word spacing applied as pdfminer applies them, then leaves the text state's line matrix
    where the string ends. ``glyphs`` caches the font's text and width of each glyph code."""
    fontsize = textstate.fontsize
    scaling = textstate.scaling * 0.01
    charspace = textstate.charspace * scaling
    wordspace = 0 if font.is_multibyte() else textstate.wordspace * scaling
    dxscale = 0.001 * fontsize * scaling
    x, y = textstate.linematrix
    needcharspace = False
    for item in seq:
        if isinstance(item, (int, float)):
            x -= item * dxscale
            needcharspace = True
        elif isinstance(item, bytes):
            for cid in font.decode(item):
                if needcharspace:
                    x += charspace
                known = glyphs.get(cid)
                if known is None:
                    known = glyphs[cid] = (_text(font, cid), font.char_width(cid))
                text, textwidth = known
                adv = textwidth * fontsize * scaling
                yield x, adv, text
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
    textstate.linematrix = (x, y)


def _text(font: PDFFont, cid: int) -> str:
    """The glyph's text, as PDFLayoutAnalyzer.render_char reads it."""
    try:
        text = font.to_unichr(cid)
        assert isinstance(text, str), str(type(text))
    except PDFUnicodeNotDefined:
        text = f"(cid:{cid})"
    return text
