"""What a parser declares about itself and what it returns: plain dataclasses, no Django
models."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vocabulary import Framework


@dataclass(frozen=True)
class ParserSpec:
    """What :mod:`ingest.parsers` needs to know of a parser module besides its
    ``parse(document)``: each module declares one, as ``SPEC``."""

    # Stored with every report it reads ("ilacs-3"); a higher number when what it reads
    # changes, so that `ingest --replace` re-reads the files an older version read.
    version: str
    # The kinds of report it reads (rows of vocabulary.KINDS); its titles name the first.
    kinds: tuple[Framework, ...]
    # Patterns (lower-cased, single-spaced text) of the titles that say a report is of the
    # first kind, tried in the order of ingest.parsers.MODULES.
    titles: tuple[str, ...]
    # How many opening pages it reads everything from in most reports; None: the whole
    # report. A parser given too few says so (ParsedReport.needs_more_pages).
    pages_needed: int | None = None
    # How many closing pages it reads besides its opening pages (a letter's signature).
    last_pages_needed: int = 0


@dataclass
class ParsedJudgement:
    section: str  # as printed, e.g. "Safeguarding services"
    label: str  # as printed, e.g. "Capacity for improvement"
    grade_as_printed: str  # e.g. "4", "Grade 2 (Good)", "Requires improvement to be good"
    grade: str | None  # vocabulary.Grade value; None = could not be read (flagged)
    area: str  # vocabulary.Area value
    page: int | None = None
    source_text: str = ""  # the line or sentence the grade was read from


@dataclass
class ParsedRecommendation:
    section: str
    timescale: str  # vocabulary.Timescale value
    kind: str  # vocabulary.RecommendationKind value
    text: str
    page: int | None = None
    # The national framework themes printed with it ("outcome 4"; several joined by "; ",
    # see vocabulary.themes), read out of its text; "" where none is printed.
    national_framework: str = ""


@dataclass
class ParsedReport:
    framework: str  # vocabulary.Framework value
    inspection_type: str  # vocabulary.InspectionType value
    authority_name: str  # as printed; resolved against reference data by the loader
    title: str  # as printed
    start_date: date | None
    end_date: date | None
    published_on: date | None
    lead_inspector: str
    parser_version: str
    # What a visit looked at, as printed (focused visits); inspections leave it empty.
    focus: str = ""
    judgements: list[ParsedJudgement] = field(default_factory=list)
    recommendations: list[ParsedRecommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Set by a parser handed only a report's opening pages (Document.complete False) when
    # what it read may go on past them: the report is then read whole and parsed again.
    needs_more_pages: bool = False
