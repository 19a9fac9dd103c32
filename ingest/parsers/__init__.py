"""Framework parsers: pure functions from a :class:`~ingest.document.Document` to a ParsedReport.

:func:`detect_framework` recognises the kind of report from its title; :func:`parse` hands
the document to that framework's module. Each module declares a :class:`ParserSpec` as
``SPEC`` and exposes ``parse(document) -> ParsedReport``.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from types import ModuleType

from vocabulary import Area, Framework, expected_areas, is_graded

from ..document import Document
from ..errors import IngestError, OtherReportKind, ParseError, UnknownReportKind
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import implausible_dates, squash

__all__ = [
    "ParsedJudgement",
    "PagesNeeded",
    "ParsedRecommendation",
    "ParsedReport",
    "ParserSpec",
    "detect_framework",
    "parse",
    "pages_needed",
    "parser_for",
    "spec_for",
]

# The parser modules, in the order their titles are tried. Each declares what it reads
# (its kinds of report, the titles that name them, the pages it needs) and its version as
# a ParserSpec named SPEC, and parses with parse(document). A new kind of report is a
# module here and a row in vocabulary.KINDS.
MODULES: tuple[str, ...] = ("apa", "slac", "lac", "sif", "lscb", "ilacs", "focused_visit")


def _spec(module: ModuleType) -> ParserSpec:
    """A parser module's SPEC; a TypeError at import where a module declares none."""
    spec = getattr(module, "SPEC", None)
    if not isinstance(spec, ParserSpec):
        raise TypeError(f"{module.__name__} declares no ParserSpec as SPEC")
    return spec


# Each parser module's spec by the module's name, in the order of MODULES.
_SPECS: dict[str, ParserSpec] = {
    module.__name__: _spec(module)
    for module in (importlib.import_module(f"{__name__}.{name}") for name in MODULES)
}
PARSER_MODULES: dict[str, str] = {
    kind: module for module, spec in _SPECS.items() for kind in spec.kinds
}
# How many opening pages a kind's parser reads everything it needs from; kinds not listed
# need the whole report.
PAGES_NEEDED: dict[str, int] = {
    kind: spec.pages_needed for spec in _SPECS.values() for kind in spec.kinds if spec.pages_needed
}
# How many closing pages a kind's parser reads besides its opening pages (a letter's
# signature); the pages between are not read unless the parser finds it needs them.
LAST_PAGES_NEEDED: dict[str, int] = {
    kind: spec.last_pages_needed for spec in _SPECS.values() for kind in spec.kinds
}
# The pages detection looks at when the first page does not name the kind of report.
DETECTION_PAGES = 3

# Title patterns, tried in order against the opening pages (lower-cased, single-spaced).
_KNOWN_TITLES: tuple[tuple[re.Pattern[str], Framework], ...] = tuple(
    (re.compile(pattern), spec.kinds[0]) for spec in _SPECS.values() for pattern in spec.titles
)

# Ofsted publishes many other kinds of report; name the kind when refusing one.
_OTHER_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"\bmonitoring visit\b", "a monitoring visit letter"),
        (r"joint targeted area inspection", "a joint targeted area inspection (JTAI) letter"),
        (
            r"area send inspection|local area send|special educational needs and/or disabilities",
            "a local area SEND inspection report",
        ),
        (r"children'?s home\b|\bsecure children'?s home", "a children's home inspection report"),
        (
            r"\bschool inspection report\b|\binspection of [a-z' ]+ (?:school|academy)\b",
            "a school inspection report",
        ),
        (r"\bfostering (?:agency|service)\b", "a fostering service inspection report"),
        (r"\badoption (?:agency|support agency)\b", "an adoption agency inspection report"),
        (r"\bfurther education\b|\bskills provider\b", "a further education and skills report"),
        (r"\bchildcare\b|\bchildminder\b|\bnursery\b", "an early years or childcare report"),
        (r"joint area review", "a joint area review report"),
    )
)


def _opening(document: Document, pages: int = DETECTION_PAGES, chars: int = 6000) -> str:
    return squash(" ".join(document.pages[:pages]).replace("\t", " "))[:chars]


def _earliest_title(text: str) -> Framework | str | None:
    """The framework or other kind whose pattern matches earliest in ``text``.

    The title comes first: a monitoring visit letter to an ILACS authority is titled
    "Monitoring visit to X local authority children's services", and a report mentions
    children's homes or schools only after its own title. On a tie the known title wins.
    """
    best: tuple[int, Framework | str] | None = None
    for pattern, outcome in (*_KNOWN_TITLES, *_OTHER_KINDS):
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), outcome)
    return best[1] if best else None


def detect_framework(document: Document) -> Framework:
    """The framework of the report, from its title; raises UnknownReportKind otherwise.

    The first page decides when it names a kind of report; otherwise the opening pages do.
    """
    first_page = squash(document.pages[0].replace("\t", " "))[:3000] if document.pages else ""
    outcome = _earliest_title(first_page) or _earliest_title(_opening(document))
    if isinstance(outcome, Framework):
        return outcome
    if outcome is not None:
        raise OtherReportKind(
            f"{document.name}: this looks like {outcome}, which is not a kind of report "
            "the app reads (it reads inspections of local authority children's services)"
        )
    raise UnknownReportKind(
        f"{document.name}: no inspection judgements found: is this an Ofsted children's "
        "services inspection report?"
    )


@dataclass(frozen=True)
class PagesNeeded:
    """The pages a parser reads everything it needs from, in most reports of its kind: the
    first ``opening`` and the last ``closing``. Where they are not enough the parser says
    so (:attr:`~ingest.parsers.base.ParsedReport.needs_more_pages`) and is given the rest."""

    opening: int
    closing: int = 0

    def numbers(self, page_count: int | None) -> set[int] | None:
        """The page numbers to read of a PDF of ``page_count`` pages; None where that
        count is not known and the closing pages are needed."""
        numbers = set(range(1, self.opening + 1))
        if self.closing:
            if page_count is None:
                return None
            numbers |= set(range(page_count - self.closing + 1, page_count + 1))
        return {number for number in numbers if page_count is None or 1 <= number <= page_count}

    def taken_from(self, document: Document) -> Document | None:
        """``document`` as it reads when only these pages are read (the others empty and
        named as unread), or None when it does not hold them all."""
        numbers = self.numbers(len(document.pages) if document.complete else document.page_count)
        if numbers is None or not numbers <= document.read_pages():
            return None
        return document.only(numbers)


def pages_needed(document: Document) -> PagesNeeded | None:
    """Which pages of this report its parser needs (None: all of them), judged from its
    opening pages; raises UnknownReportKind, as :func:`detect_framework` does."""
    framework = detect_framework(document)
    opening = PAGES_NEEDED.get(framework)
    if opening is None:
        return None
    return PagesNeeded(opening, LAST_PAGES_NEEDED.get(framework, 0))


def parser_for(framework: str) -> ModuleType:
    return importlib.import_module(PARSER_MODULES[framework])


def spec_for(framework: str) -> ParserSpec:
    """The spec of the parser that reads reports of ``framework`` (its version, pages ...)."""
    return _SPECS[PARSER_MODULES[framework]]


def parse(document: Document) -> ParsedReport:
    """Detect the report's framework and parse it.

    Raises an :class:`~ingest.errors.IngestError` subclass for anything the ingest should
    report to a person; an unexpected exception inside a parser becomes a ParseError so the
    file is refused rather than half-read.
    """
    framework = detect_framework(document)
    module = parser_for(framework)
    try:
        report = module.parse(document)
    except IngestError:
        raise
    except Exception as error:
        raise ParseError(
            f"{document.name}: the {Framework(framework).label} report could not be read "
            f"({error.__class__.__name__}: {error})"
        ) from error
    if not report.judgements and is_graded(report.framework):
        raise ParseError(
            f"{document.name}: no inspection judgements found: is this an Ofsted children's "
            "services report?"
        )
    report.warnings[:0] = document.warnings  # text lost in reading comes first
    report.warnings.extend(_missing_areas(report))
    report.warnings.extend(_run_together(report))
    report.warnings.extend(implausible_dates(report))
    return report


# A numbered item inside a recommendation's text, after the end of a sentence: "... plans.
# 30. Ensure that ...". The list's numbering was out of sequence where it was read, so
# items ran together.
_EMBEDDED_ITEM = re.compile(r"[.;:]\s+\(?(?P<number>\d{1,3})[.)]\s+[A-Z]")


def _run_together(report: ParsedReport) -> list[str]:
    warnings = []
    for position, recommendation in enumerate(report.recommendations, start=1):
        match = _EMBEDDED_ITEM.search(recommendation.text)
        if match:
            warnings.append(
                f"Recommendation {position} ('{recommendation.text[:50]}...') holds an item "
                f"numbered {match['number']} inside it: the list's numbering is out of "
                "sequence there and items may have run together; check the report."
            )
    return warnings


def _missing_areas(report: ParsedReport) -> list[str]:
    """A warning for each area the report's framework always judges that was not read."""
    read = {judgement.area for judgement in report.judgements}
    label = Framework(report.framework).label
    return [
        f"No judgement on {Area(area).label.lower()} was read, though every report of this "
        f"kind ({label}) has one: check the report's table of judgements."
        for area in expected_areas(report.framework, report.start_date)
        if area not in read
    ]
