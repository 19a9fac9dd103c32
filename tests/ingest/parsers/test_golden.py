"""Golden tests: each report parses to exactly what a person read off its pages.

Each module in ``tests/ingest/parsers/golden/`` holds an ``EXPECTED`` dict written by reading
the report (not by printing the parser's output):

    EXPECTED = {
        "sources": ["text/x.txt", "pdf/x.pdf"],        # under sample_data/reports
        "framework": "slac", "inspection_type": "full",
        "authority_name": "Knowsley",                  # as printed
        "title": "Inspection of safeguarding ...",     # optional: startswith check
        "start_date": date(...), "end_date": date(...), "published_on": date(...) or None,
        "lead_inspector": "Martin Ayres",
        "focus": "Inspectors looked at ...",            # focused visits: first words, or None
        "judgements": [(section, label, grade_as_printed, grade, area), ...],   # in order
        "recommendations": [(section, timescale, kind, "first words"), ...],     # in order
        "national_framework": ["outcome 3", "", ...],  # optional: each recommendation's
                                                      # theme as printed (2025 on), in order
        "warnings": ["substring", ...],                # optional: each must appear in a warning
    }

Every source of one report must give the same judgements and recommendations.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from ingest.errors import ParseError
from ingest.parsers import PAGES_NEEDED, pages_needed, parse
from tests.ingest.parsers import golden
from tests.samples import sample_document


def _golden_cases():
    for info in sorted(pkgutil.iter_modules(golden.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{golden.__name__}.{info.name}")
        for source in module.EXPECTED["sources"]:
            yield pytest.param(module.EXPECTED, source, id=f"{info.name}:{source.split('/')[0]}")


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


@pytest.mark.parametrize(("expected", "source"), list(_golden_cases()))
def test_report_matches_golden(expected, source):
    report = parse(sample_document(source))

    assert report.framework == expected["framework"]
    assert report.inspection_type == expected["inspection_type"]
    assert _norm(report.authority_name) == _norm(expected["authority_name"])
    if "title" in expected:
        assert _norm(report.title).lower().startswith(_norm(expected["title"]).lower())
    assert report.start_date == expected["start_date"]
    assert report.end_date == expected["end_date"]
    assert report.published_on == expected["published_on"]
    assert report.lead_inspector == expected["lead_inspector"]
    if "focus" in expected:  # what a visit looked at: its first words, or None for none
        if expected["focus"] is None:
            assert report.focus == ""
        else:
            assert _norm(report.focus).startswith(_norm(expected["focus"])), report.focus

    got_judgements = [
        (_norm(j.section), _norm(j.label), _norm(j.grade_as_printed), j.grade, j.area)
        for j in report.judgements
    ]
    want_judgements = [
        (_norm(s), _norm(label), _norm(printed), grade, area)
        for s, label, printed, grade, area in expected["judgements"]
    ]
    assert got_judgements == want_judgements

    got_recommendations = [(_norm(r.section), r.timescale, r.kind) for r in report.recommendations]
    want_recommendations = [(_norm(s), t, k) for s, t, k, _ in expected["recommendations"]]
    assert got_recommendations == want_recommendations
    for parsed, (_, _, _, first_words) in zip(
        report.recommendations, expected["recommendations"], strict=True
    ):
        assert _norm(parsed.text).startswith(_norm(first_words)), parsed.text
    if "national_framework" in expected:
        assert [r.national_framework for r in report.recommendations] == expected[
            "national_framework"
        ]
        # The theme is read out of the item: its text no longer repeats it.
        assert not [r.text for r in report.recommendations if "framework" in r.text.lower()]

    for fragment in expected.get("warnings", []):
        assert any(fragment in warning for warning in report.warnings), report.warnings


@pytest.mark.parametrize(
    ("expected", "source"),
    [case for case in _golden_cases() if case.values[0]["framework"] in PAGES_NEEDED],
)
def test_the_pages_a_parser_needs_read_as_the_whole_report(expected, source):
    """A parser that needs only some pages (its opening pages, and for a letter its last:
    ingest.reading) reads the same from them as from the whole report, or says it needs
    more, and is given one page more at a time as ingest.load.prepare does: never fewer
    recommendations quietly."""
    document = sample_document(source)
    if not document.paginated:
        pytest.skip("a text report without pages: read whole")
    part = pages_needed(document).taken_from(document)
    while not part.complete:
        report = _parsed(part)
        if report is not None and not report.needs_more_pages:
            break
        part = document.only(part.read_pages() | {part.first_unread()})
    whole = parse(document)
    report = parse(part)
    report.needs_more_pages = whole.needs_more_pages
    assert report == whole


def _parsed(document):
    try:
        return parse(document)
    except ParseError:
        return None
