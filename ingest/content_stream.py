"""A faster reader of a PDF page's content streams, for pdfminer's page interpreter.

pdfminer turns a page's content stream into operands and operators with a tokenizer that
steps through a state machine a few bytes at a time; on the reports this app reads that is
about 40% of extraction, which is nearly all of an ingest's time. :class:`ContentParser`
reads the same tokens with one regular expression over the whole stream and hands the
interpreter exactly the objects pdfminer's own ``PDFContentParser`` would: the same
numbers, strings, names, keywords, arrays and dictionaries, in the same order, with
pdfminer's own quirks (an unknown escape in a string drops the character after the
backslash; a hex string's odd last digit is a byte of its own).

Whatever it is not sure to read the same way it leaves to pdfminer, for that page: an
inline image (``BI ... ID ... EI``), a procedure (``{ }``), a bracket or dictionary out of
place, a stream that ends inside a token that the next stream continues.
``tests/ingest/test_content_stream.py`` holds it against pdfminer's tokenizer on every
sample report and on hand-made streams of each kind of token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any

from pdfminer import pdfinterp, settings
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import (
    KEYWORD_ARRAY_BEGIN,
    KEYWORD_ARRAY_END,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    KWD,
    LIT,
    PSEOF,
    PSKeyword,
    keyword_name,
    literal_name,
)
from pdfminer.utils import choplist


class _NotHere(Exception):
    """This stream holds something left to pdfminer's own tokenizer."""


# One token per match, as pdfminer's PSBaseParser splits them (psparser._parse_main and the
# state each first character leads to), after any white space and NUL bytes (skipped). A
# group per kind; no group at the end of the data. A string with no escape and no nested
# parentheses is matched whole ("plain"); any other is read on by _string from its "(".
_TOKEN = re.compile(
    rb"""
    [\s\x00]*
    (?:
      (?P<comment>%[^\r\n]*)
    | (?P<number>[-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*)
    | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
    | /(?P<name>(?:[^#/%\[\]()<>{}\s]|\#[0-9a-fA-F]{0,2})*)
    | \((?P<plain>[^()\\]*)\)
    | (?P<string>\()
    | (?P<dict_begin><<)
    | <(?P<hex>[\s0-9a-fA-F]*)
    | (?P<dict_end>>>)
    | (?P<close>>)
    | (?P<other>[^\s\x00])
    )?
    """,
    re.VERBOSE | re.DOTALL,
)
_NAME_HEX = re.compile(rb"#([0-9a-fA-F]{0,2})")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.", re.DOTALL)
_SPACE = re.compile(rb"\s")
_STRING_STOP = re.compile(rb"[()\\]")
_OCTAL = b"01234567"
_ESCAPES = {
    ord("b"): 8,
    ord("t"): 9,
    ord("n"): 10,
    ord("f"): 12,
    ord("r"): 13,
    ord("("): 40,
    ord(")"): 41,
    ord("\\"): 92,
}
# Where a stream may end inside a token that the next stream continues (pdfminer goes on
# reading it there; joining the streams with a line break would end it).
_OPEN_AT_END = tuple(b"(<>/\\#")
_KEYWORD_BI = KWD(b"BI")
_PROC_BEGIN = KWD(b"{")
_PROC_END = KWD(b"}")
_TRUE, _FALSE = b"true", b"false"


def _name(raw: bytes) -> Any:
    if b"#" in raw:  # "#20" is a byte; a "#" without hex digits is dropped
        raw = _NAME_HEX.sub(lambda hex: bytes((int(hex[1], 16),)) if hex[1] else b"", raw)
    try:
        return LIT(str(raw, "utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)


def _string(data: bytes, position: int) -> tuple[bytes, int]:
    """A literal string whose "(" ends before ``position``: its bytes, and where it ends."""
    stop = _STRING_STOP.search(data, position)
    if stop is not None and data[stop.start()] == 0x29:  # ")": no nesting, no escape
        return data[position : stop.start()], stop.end()
    parts: list[bytes] = []
    depth, end = 1, len(data)
    while True:
        stop = _STRING_STOP.search(data, position)
        if stop is None:
            raise _NotHere  # runs to the end of the stream
        parts.append(data[position : stop.start()])
        position = stop.end()
        char = data[stop.start()]
        if char == 0x28:  # "("
            depth += 1
            parts.append(b"(")
        elif char == 0x29:  # ")"
            depth -= 1
            if not depth:
                return b"".join(parts), position
            parts.append(b")")
        else:  # a backslash: what follows it, as psparser._parse_string_1 reads it
            if position >= end:
                raise _NotHere
            digits = b""
            while position < end and data[position] in _OCTAL and len(digits) < 3:
                digits += data[position : position + 1]
                position += 1
            if digits:
                code = int(digits, 8)
                if code > 255:
                    raise _NotHere  # pdfminer stops on it (an assertion)
                parts.append(bytes((code,)))
                continue
            char = data[position]
            if char in _ESCAPES:
                parts.append(bytes((_ESCAPES[char],)))
            elif data[position : position + 2] == b"\r\n":
                position += 1
            position += 1  # any other character after a backslash is dropped, with it


def objects(streams: Sequence[object]) -> list[Any]:
    """The operands and operators of a page's content streams, in order, as pdfminer's
    PSBaseParser tokenizes them and its PSStackParser builds them into arrays and
    dictionaries; raises :class:`_NotHere`.

    One loop does both (a generator of tokens between them cost a fifth of the time):
    only a bracket, a dictionary's ``<<`` or ``>>``, or a keyword (``BI``) can open or
    close anything or be left to pdfminer, so every other token goes straight into the
    array being built.
    """
    datas = [stream_value(stream).get_data() for stream in streams]
    for data in datas[:-1]:
        if data and data[-1] in _OPEN_AT_END:
            raise _NotHere
    data = b"\n".join(datas)
    result: list[Any] = []
    stack: list[tuple[Any, list[Any]]] = []  # open arrays and dictionaries
    current = result
    position, end = 0, len(data)
    finditer = _TOKEN.finditer
    while position < end:
        for found in finditer(data, position):
            kind = found.lastgroup
            if kind == "number":
                text = found.group("number")
                try:
                    number = float(text) if b"." in text else int(text)
                except ValueError:  # "-" or "." alone: pdfminer makes no token of it
                    continue
                current.append(number)
            elif kind == "keyword":
                text = found.group("keyword")
                if text in (_TRUE, _FALSE):
                    current.append(text == _TRUE)
                else:
                    keyword = KWD(text)
                    if keyword is _KEYWORD_BI:
                        raise _NotHere
                    current.append(keyword)
            elif kind == "plain":
                current.append(found.group("plain"))
            elif kind == "string":
                # Read on from the "(" by hand, then match tokens again from its end.
                text, position = _string(data, found.end())
                current.append(text)
                break
            elif kind == "other":
                keyword = KWD(found.group("other"))
                if keyword is KEYWORD_ARRAY_BEGIN:
                    stack.append((keyword, current))
                    current = []
                elif keyword is KEYWORD_ARRAY_END:
                    current = _close(stack, keyword, current)
                elif keyword is _PROC_BEGIN or keyword is _PROC_END:
                    raise _NotHere
                else:
                    current.append(keyword)
            elif kind == "name":
                current.append(_name(found.group("name")))
            elif kind == "hex":
                if found.end() >= end:  # not closed: pdfminer makes no token of it
                    raise _NotHere
                current.append(
                    _HEX_PAIR.sub(
                        lambda pair: bytes((int(pair.group(), 16),)),
                        _SPACE.sub(b"", found.group("hex")),
                    )
                )
            elif kind == "dict_begin":
                stack.append((KEYWORD_DICT_BEGIN, current))
                current = []
            elif kind == "dict_end":
                current = _close(stack, KEYWORD_DICT_END, current)
            # None (white space at the end), a comment, or "close": a lone ">" is read and
            # dropped, as pdfminer does
        else:
            break  # every token matched
    if stack:
        raise _NotHere
    return result


def _close(stack: list[tuple[Any, list[Any]]], closing: Any, current: list[Any]) -> list[Any]:
    """The array or dictionary ``current`` closed by ``closing`` ("]" or ">>"), added to the
    one it is in, which is returned."""
    if not stack:
        raise _NotHere
    opened, outer = stack.pop()
    if closing is KEYWORD_ARRAY_END:
        if opened is not KEYWORD_ARRAY_BEGIN:
            raise _NotHere
        value: Any = current
    else:
        if opened is not KEYWORD_DICT_BEGIN or len(current) % 2:
            raise _NotHere
        value = {literal_name(key): item for key, item in choplist(2, current) if item is not None}
    outer.append(value)
    return outer


class ContentParser(pdfinterp.PDFContentParser):
    """pdfminer's content parser, serving what :func:`objects` read where it could.

    Made by :class:`PageInterpreter` with the interpreter to run: where :func:`objects`
    read the streams, the first call of :meth:`nextobject` runs every operator of them on
    the interpreter (:func:`run`) and ends the stream, so that pdfminer's ``execute`` keeps
    its checks of the streams (circular references) but not its own loop, which built each
    operator's method name again for every operator of every page.
    """

    def __init__(self, streams: Sequence[object], interpreter: Any = None) -> None:
        super().__init__(streams)  # raises PSEOF for a page with no content, as pdfminer's
        self._interpreter = interpreter
        try:
            self._objects: Iterator[Any] | None = iter(objects(streams))
        except _NotHere:
            self._objects = None

    def nextobject(self) -> Any:
        if self._objects is None:
            return super().nextobject()
        if self._interpreter is not None:
            run(self._interpreter, self._objects)
        for value in self._objects:
            return 0, value  # the interpreter does not use the position
        raise PSEOF("end of the content stream")


def run(interpreter: pdfinterp.PDFPageInterpreter, found: Iterable[Any]) -> None:
    """``found`` (operands and operators) run on ``interpreter`` as the loop of pdfminer's
    ``PDFPageInterpreter.execute`` runs them: an operand goes on the argument stack; an
    operator takes as many arguments from its top as its method has parameters, and is not
    run when there are fewer; an unknown operator is skipped (an error in strict mode)."""
    operators = interpreter.__dict__.setdefault("_operators", {})
    stack = interpreter.argstack
    for item in found:
        if not isinstance(item, PSKeyword):
            stack.append(item)
            continue
        try:
            method, count = operators[item]
        except KeyError:
            method, count = operators[item] = _operator(interpreter, item)
        if method is None:
            continue
        if count:
            # PDFPageInterpreter.pop: the top ``count`` arguments, taken off the stack.
            arguments = stack[-count:]
            del stack[-count:]
            if len(arguments) == count:
                method(*arguments)
        else:
            method()
        stack = interpreter.argstack  # an operator may have set a new stack (pop does)


def _operator(interpreter: pdfinterp.PDFPageInterpreter, keyword: PSKeyword) -> tuple[Any, int]:
    """The interpreter's method for an operator and its number of arguments, found by name
    as pdfminer finds it; (None, 0) for an operator it does not know."""
    name = keyword_name(keyword)
    method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
    if hasattr(interpreter, method):
        function = getattr(interpreter, method)
        return function, function.__code__.co_argcount - 1
    if settings.STRICT:
        raise pdfinterp.PDFInterpreterError(f"Unknown operator: {name!r}")
    return None, 0


class PageInterpreter(pdfinterp.PDFPageInterpreter):
    """pdfminer's page interpreter, reading and running content streams with
    :class:`ContentParser`."""

    def execute(self, streams: Sequence[object]) -> None:
        with _content_parser(partial(ContentParser, interpreter=self)):
            super().execute(streams)


@contextmanager
def _content_parser(parser: Callable[..., Any]) -> Iterator[None]:
    # pdfminer's interpreter makes its parser by this module-level name and offers no other
    # way to choose it; it is set only while one page (or form) is executed, and reading
    # a PDF happens in one thread of a sandbox worker.
    original = pdfinterp.PDFContentParser
    pdfinterp.PDFContentParser = parser
    try:
        yield
    finally:
        pdfinterp.PDFContentParser = original
