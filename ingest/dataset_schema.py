"""What a line of the national dataset may hold: the checks :func:`ingest.dataset.read` runs.

The dataset is the app's own, so every value must be one the vocabulary knows and fit the
model field it is stored in; anything else refuses the whole load, naming the file, the
line and the field. Each file has a schema, a tuple of :class:`Field`: a field's check takes
the JSON value and returns the value to keep, or raises :class:`Invalid` saying in words
what is wrong. A new file of the dataset declares its schema here from the same checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from inspections.models import Inspection, Judgement, Recommendation
from vocabulary import themes

# The first annual performance assessments: nothing the app reads is older.
EARLIEST_DATE = date(2005, 1, 1)
# A misread date range (a year printed wrong) is the likeliest source of a long one; the
# parsers warn from a few weeks, the longest in the dataset (so flagged) is 366 days.
LONGEST_INSPECTION_DAYS = 400
# Free text (a recommendation, a visit's focus, where a grade was read): the longest in the
# national dataset is under 1,000 characters; far more is not a report's text, and a
# 50 MB one made every search slow.
LONGEST_TEXT = 20_000
LONGEST_WARNING = 2_000
MOST_WARNINGS = 200
# Pages and positions in a report: tens in practice; the database's integer ends at 2**31.
LARGEST_NUMBER = 100_000
# A line is read whole before it is checked: bounded, so a damaged file cannot take the
# memory; far above what LONGEST_TEXT allows, so an over-long field is still named.
LONGEST_LINE_BYTES = 64 * 1024**2


class Invalid(ValueError):
    """A value the dataset may not hold; the message says why (the caller names the field)."""


Check = Callable[[Any], Any]


@dataclass(frozen=True)
class Field:
    name: str
    check: Check
    required: bool = True
    default: Any = None  # the value of an optional field left out


@dataclass
class Problems:
    """Every problem found, each naming its file, line and (where it is one) field."""

    messages: list[str] = field(default_factory=list)

    def add(self, path: Path, line: int | None, message: str, field: str | None = None) -> None:
        where = shown_path(path) if line is None else f"{shown_path(path)}, line {line}"
        if field:
            where += f", field {field}"
        self.messages.append(f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.messages)

    def __len__(self) -> int:
        return len(self.messages)


def shown_path(path: Path) -> str:
    """``dataset/judgements.jsonl`` when run from the repository, as it usually is."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def shown(value: Any) -> str:
    """A value as a message quotes it, short whatever its size."""
    if isinstance(value, str):
        if len(value) > 60:
            return f"{value[:40]!r}... ({len(value):,} characters)"
        return repr(value)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else f"{text[:40]}..."


# --------------------------------------------------------------------------- checks

# Control characters have no place in a one-line value; NUL and lone surrogates (which
# JSON can spell as escapes) nowhere: PostgreSQL and UTF-8 refuse them, mid-load.
_NEVER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_NOT_ONE_LINE = re.compile("[\t\n\r\x85\u2028\u2029]")


def text(max_length: int, *, blank: bool = True, one_line: bool = True) -> Check:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise Invalid(f"{shown(value)} is not text")
        if len(value) > max_length:
            raise Invalid(f"{len(value):,} characters, more than the {max_length:,} it may have")
        if not blank and not value.strip():
            raise Invalid("empty; it must be given")
        bad = _NEVER.search(value) or (one_line and _NOT_ONE_LINE.search(value))
        if bad:
            raise Invalid(
                f"holds the character {bad.group()!r} at {bad.start() + 1}, which it may not"
            )
        return value

    return check


def model_text(model: type[models.Model], name: str, *, one_line: bool = True) -> Check:
    """Text that fits the model's field: its max_length, and given unless the field may be blank."""
    model_field = model._meta.get_field(name)
    return text(model_field.max_length or LONGEST_TEXT, blank=model_field.blank, one_line=one_line)


def model_choice(model: type[models.Model], name: str, what: str) -> Check:
    """One of the values the model's field may hold, empty too where the field may be
    blank (``what`` names the vocabulary they come from: "a grade")."""
    model_field = model._meta.get_field(name)
    blank = model_field.blank
    values = frozenset(value for value, _ in model_field.choices)
    listed = ", ".join(value for value, _ in model_field.choices) + (", or empty" if blank else "")

    def check(value: Any) -> str:
        if isinstance(value, str) and (value in values or (blank and value == "")):
            return value
        raise Invalid(f"{shown(value)} is not {what} (one of {listed})")

    return check


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(*, nullable: bool = False) -> Check:
    """A date in the calendar, from EARLIEST_DATE to today: the dataset records reports
    already published."""

    def check(value: Any) -> date | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise Invalid(f"{shown(value)} is not a date (YYYY-MM-DD)")
        try:
            day = date.fromisoformat(value)
        except ValueError as error:
            raise Invalid(f"{value} is not a date in the calendar ({error})") from None
        today = date.today()
        if not EARLIEST_DATE <= day <= today:
            raise Invalid(
                f"{value} is outside the years the dataset can hold "
                f"({EARLIEST_DATE.isoformat()} to today, {today.isoformat()})"
            )
        return day

    return check


def number(*, nullable: bool = False) -> Check:
    """A whole number from 1 to LARGEST_NUMBER (a page, a position in a report)."""

    def check(value: Any) -> int | None:
        if value is None and nullable:
            return None
        # bool is an int to Python, not to the dataset.
        if not isinstance(value, int) or isinstance(value, bool):
            raise Invalid(f"{shown(value)} is not a whole number")
        if not 1 <= value <= LARGEST_NUMBER:
            raise Invalid(f"{value} is outside 1 to {LARGEST_NUMBER:,}")
        return value

    return check


_SHA256 = re.compile(r"[0-9a-f]{64}")


def sha256(value: Any) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise Invalid(f"{shown(value)} is not a SHA-256 (64 lower-case hexadecimal digits)")
    return value


def web_address(max_length: int) -> Check:
    """An http or https address, or empty: it is shown as a link."""
    validate = URLValidator(schemes=["http", "https"])
    as_text = text(max_length)

    def check(value: Any) -> str:
        value = as_text(value)
        if value:
            try:
                validate(value)
            except ValidationError:
                raise Invalid(f"{shown(value)} is not an http or https address") from None
        return value

    return check


# "ilacs-2", "focused-visit-3": the parser's name, then its version number.
PARSER_VERSION = re.compile(r"(?P<name>[a-z][a-z0-9]*(?:-[a-z0-9]+)*?)-(?P<number>\d{1,6})")


def parser_version(max_length: int) -> Check:
    as_text = text(max_length, blank=False)

    def check(value: Any) -> str:
        value = as_text(value)
        if not PARSER_VERSION.fullmatch(value):
            raise Invalid(
                f"{shown(value)} is not a parser version (a parser's name and a number, "
                "e.g. 'ilacs-2')"
            )
        return value

    return check


def national_framework(max_length: int) -> Check:
    """Blank, or national framework themes, each once ("outcome 4", "outcome 3; enabler 2")."""
    as_text = text(max_length)
    listed = ", ".join(themes.Theme.values)

    def check(value: Any) -> str:
        value = as_text(value)
        if themes.invalid_themes(value) or value != themes.join(themes.split(value)):
            raise Invalid(
                f"{shown(value)} is not national framework themes (one or more of {listed}, "
                f"separated by {themes.SEPARATOR!r})"
            )
        return value

    return check


def warnings(value: Any) -> list[str]:
    """A list of warnings, each a piece of text (a bare string is not a list of them)."""
    if not isinstance(value, list):
        raise Invalid(f"{shown(value)} is not a list of warnings")
    if len(value) > MOST_WARNINGS:
        raise Invalid(f"{len(value):,} warnings, more than the {MOST_WARNINGS} it may have")
    as_text = text(LONGEST_WARNING, blank=False, one_line=False)
    for number_, warning in enumerate(value, start=1):
        try:
            as_text(warning)
        except Invalid as error:
            raise Invalid(f"warning {number_}: {error}") from None
    return list(value)


# --------------------------------------------------------------------------- schemas

INSPECTION_SCHEMA: tuple[Field, ...] = (
    Field("authority", text(100, blank=False)),  # a slug; checked against the database
    Field("authority_name", text(150, blank=False)),
    Field("framework", model_choice(Inspection, "framework", "a kind of report")),
    Field("inspection_type", model_choice(Inspection, "inspection_type", "an inspection type")),
    Field("title", model_text(Inspection, "title")),
    Field("start_date", iso_date()),
    Field("end_date", iso_date()),
    Field("published_on", iso_date(nullable=True)),
    Field(
        "published_on_source",
        model_choice(Inspection, "published_on_source", "a source of the date"),
    ),
    Field("lead_inspector", model_text(Inspection, "lead_inspector")),
    # Datasets written before focused visits joined have none.
    Field("focus", text(LONGEST_TEXT, one_line=False), required=False, default=""),
    Field("sha256", sha256),
    Field("source_filename", model_text(Inspection, "source_filename")),
    Field("ofsted_url", web_address(Inspection._meta.get_field("ofsted_url").max_length or 200)),
    Field(
        "parser_version",
        parser_version(Inspection._meta.get_field("parser_version").max_length or 40),
    ),
    Field("parse_warnings", warnings),
)

JUDGEMENT_SCHEMA: tuple[Field, ...] = (
    Field("inspection", sha256),
    Field("order", number()),
    Field("section", model_text(Judgement, "section")),
    Field("label", model_text(Judgement, "label")),
    Field("grade_as_printed", model_text(Judgement, "grade_as_printed")),
    # Empty: the printed grade could not be read (flagged for review, never guessed).
    Field("grade", model_choice(Judgement, "grade", "a grade")),
    Field("area", model_choice(Judgement, "area", "an area")),
    Field("page", number(nullable=True)),
    Field("source_text", text(LONGEST_TEXT, one_line=False)),
)

RECOMMENDATION_SCHEMA: tuple[Field, ...] = (
    Field("inspection", sha256),
    Field("order", number()),
    Field("section", model_text(Recommendation, "section")),
    Field("timescale", model_choice(Recommendation, "timescale", "a timescale")),
    Field("kind", model_choice(Recommendation, "kind", "a kind of recommendation")),
    Field("text", text(LONGEST_TEXT, blank=False, one_line=False)),
    Field("page", number(nullable=True)),
    # Written only where a theme is printed (2025 on): older lines and datasets lack it.
    Field(
        "national_framework",
        national_framework(Recommendation._meta.get_field("national_framework").max_length or 100),
        required=False,
        default="",
    ),
)


def check_record(
    schema: tuple[Field, ...], record: dict[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The record's values, checked, and every (field, problem) found in it."""
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for schema_field in schema:
        if schema_field.name not in record:
            if schema_field.required:
                problems.append((schema_field.name, "missing"))
            else:
                values[schema_field.name] = schema_field.default
            continue
        try:
            values[schema_field.name] = schema_field.check(record[schema_field.name])
        except Invalid as error:
            problems.append((schema_field.name, str(error)))
    known = {schema_field.name for schema_field in schema}
    problems.extend(
        (name, "not a field of this file; nothing may be left unread")
        for name in sorted(record.keys() - known)
    )
    return values, problems


# --------------------------------------------------------------------------- reading lines


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise Invalid(f"the field {twice!r} is given twice")
    return record


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys)


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # as read, for telling a duplicate line
    record: dict[str, Any]


def json_lines(path: Path, problems: Problems) -> Iterator[Line]:
    """Each line of a JSON Lines file that holds a JSON object; every other line (not
    UTF-8, not JSON, too long, blank) is a problem, and reading goes on."""
    try:
        stream = path.open("rb")
    except OSError as error:
        problems.add(path, None, f"cannot be read ({error.strerror})")
        return
    with stream:
        number_ = 0
        while True:
            raw = stream.readline(LONGEST_LINE_BYTES + 1)
            if not raw:
                return
            number_ += 1
            if len(raw) > LONGEST_LINE_BYTES and not raw.endswith(b"\n"):
                while (rest := stream.readline(1024**2)) and not rest.endswith(b"\n"):
                    pass  # the rest of the line, not read into memory
                problems.add(path, number_, f"longer than {LONGEST_LINE_BYTES:,} bytes; not read")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                problems.add(path, number_, f"not UTF-8 (byte {error.start + 1})")
                continue
            if not line.strip():
                problems.add(path, number_, "blank; every line holds one record")
                continue
            try:
                record = _DECODER.decode(line)
            except json.JSONDecodeError as error:
                problems.add(path, number_, f"not JSON ({error.msg})")
                continue
            except Invalid as error:
                problems.add(path, number_, str(error))
                continue
            except RecursionError:
                problems.add(path, number_, "not a record: nested too deeply")
                continue
            if not isinstance(record, dict):
                problems.add(path, number_, f"{shown(record)} is not a record (a JSON object)")
                continue
            yield Line(number_, line.rstrip("\r\n"), record)
