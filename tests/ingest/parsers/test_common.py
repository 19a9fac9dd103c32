"""The parsers' shared helpers (ingest/parsers/common.py): dates, names, front-page fields,
rows. One rule per test; the parsers' own tests show them at work on whole reports."""

from datetime import date

import pytest

from ingest.document import Document
from ingest.errors import ParseError
from ingest.parsers.common import (
    LEAD_INSPECTOR,
    FrontPage,
    FrontPageFields,
    Row,
    clean_person_name,
    clean_text,
    field_value,
    join_wrapped,
    labelled_values,
    line_cells,
    next_row,
    parse_date,
    parse_date_range,
    parse_failure,
    previous_row,
)


def rows_of(text: str) -> list[Row]:
    return [Row.of(line) for line in Document.from_text(text).lines()]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1 -12 February 2010", date(2010, 2, 1), date(2010, 2, 12)),
        ("25 June – 6 July 2012", date(2012, 6, 25), date(2012, 7, 6)),
        ("21 February 2011 to 04 March 2011", date(2011, 2, 21), date(2011, 3, 4)),
        ("8 to 19 January 2018", date(2018, 1, 8), date(2018, 1, 19)),
        ("12/09/2016 to 06/10/2016", date(2016, 9, 12), date(2016, 10, 6)),
        ("29 December - 9 January 2015", date(2014, 12, 29), date(2015, 1, 9)),
        ("3 Sept 2013", date(2013, 9, 3), date(2013, 9, 3)),
    ],
)
def test_inspection_dates_read_as_printed(text, start, end):
    assert parse_date_range(text) == (start, end)


def test_no_date_or_an_impossible_one_reads_as_none():
    assert parse_date_range("during the spring") == (None, None)
    assert parse_date("31 February 2014") is None


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Martin Ayres HMI", "Martin Ayres"),
        ("Paula Thomson -Jones, Her Majesty’s Inspector", "Paula Thomson-Jones"),
        ("Jo Smith, His Majesty's Inspector.", "Jo Smith"),
        (": Ann Lee, Ofsted Inspector", "Ann Lee"),
    ],
)
def test_a_name_loses_its_title_and_odd_spacing(printed, name):
    assert clean_person_name(printed) == name


# --------------------------------------------------------------------------- front page


def test_a_field_value_is_the_rest_of_its_labels_row():
    rows = rows_of("Lead inspector: Jo Smith HMI\nSomething else")
    assert field_value(rows, 1, " Jo Smith HMI ") == ("Jo Smith HMI", 1)


def test_a_field_printed_under_its_label_is_read_from_the_next_row_with_text():
    rows = rows_of("Lead inspector:\n\nJo Smith HMI\nPublished: 1 May 2014")
    assert field_value(rows, 1, "") == ("Jo Smith HMI", 3)


def test_a_field_with_nothing_near_it_is_empty():
    rows = rows_of("Lead inspector:\n\n\n\nJo Smith")
    assert field_value(rows, 1, "") == ("", 1)


def test_labelled_values_reads_each_matching_row_in_order():
    rows = rows_of("Title\nLead inspector: A One\nLead inspector:\nB Two")
    assert list(labelled_values(rows, LEAD_INSPECTOR)) == ["A One", "B Two"]
    assert list(labelled_values(rows, LEAD_INSPECTOR, start=2)) == ["B Two"]
    assert list(labelled_values(rows, LEAD_INSPECTOR, stop=1)) == []


# --------------------------------------------------------------------------- rows


def test_cells_lose_markup_and_table_rules_are_no_cells():
    lines = Document.from_text("**Overall**\t<b>Good</b>\n--\t---").lines()
    first, rule = list(lines)
    assert line_cells(first) == ["Overall", "Good"]
    assert line_cells(rule) == []
    assert clean_text("(cid:127) Ensure  that") == "Ensure that"


def test_a_row_carries_its_plain_text_and_heading_key():
    (row,) = rows_of("The Local Authority’s\tGood")
    assert (row.cells, row.plain, row.key) == (
        ("The Local Authority’s", "Good"),
        "The Local Authority’s Good",
        "the local authority's good",
    )


def test_wrapped_lines_join_and_hyphenated_words_are_mended():
    assert join_wrapped(["Improve multi-", "agency", "", "work"]) == "Improve multi-agency work"
    assert join_wrapped(["16 -", "and 17-year-olds"]) == "16 - and 17-year-olds"


def test_next_and_previous_row_skip_blank_rows_and_optionally_page_numbers():
    rows = rows_of("Name\n\n3\nRole")
    assert next_row(rows, 1, within=3).plain == "3"
    assert next_row(rows, 1, within=3, skip_page_numbers=True).plain == "Role"
    assert next_row(rows, 1, within=1) is None
    assert previous_row(rows, 3, within=3).plain == "3"
    assert previous_row(rows, 3, within=3, skip_page_numbers=True).plain == "Name"
    assert previous_row(rows, 3, within=1, skip_page_numbers=True) is None


def test_parse_failure_names_the_document_and_the_report():
    fail = parse_failure("ILACS report")
    error = fail(Document.from_text("", name="knowsley.pdf"), "has no title")
    assert isinstance(error, ParseError)
    assert str(error) == "knowsley.pdf: the ILACS report has no title"


def test_front_page_fields_printed_on_one_row_are_each_read():
    fields = FrontPageFields()
    fields.take(4, "Age group: All Published: 8 April 2011")
    fields.take(5, "Inspection dates 1 -12 February 2010 Reporting inspector Martin Ayres HMI")
    assert (fields.start, fields.end, fields.published, fields.inspector, fields.after) == (
        date(2010, 2, 1),
        date(2010, 2, 12),
        date(2011, 4, 8),
        "Martin Ayres",
        6,
    )


def test_front_page_fields_keep_the_first_value_of_each_and_cut_a_following_field():
    fields = FrontPageFields()
    fields.take(0, "Lead inspector: Jo Smith Age group: All")
    fields.take(1, "Lead inspector: Someone Else")
    assert (fields.inspector, fields.after) == ("Jo Smith", 1)


def test_a_front_page_begins_the_parsed_report():
    front = FrontPage("Inspection of Knowsley", "Knowsley", date(2021, 10, 11), None, None)
    report = front.report("ilacs", "standard", "ilacs-2", warnings=["checked"])
    assert (report.framework, report.inspection_type, report.parser_version) == (
        "ilacs",
        "standard",
        "ilacs-2",
    )
    assert (report.title, report.authority_name, report.start_date, report.end_date) == (
        "Inspection of Knowsley",
        "Knowsley",
        date(2021, 10, 11),
        None,
    )
    assert (report.lead_inspector, report.warnings) == ("", ["checked"])
    assert front.report("sif", "full", "sif-2", lead_inspector="Jo Smith").lead_inspector == (
        "Jo Smith"
    )
