"""List reading with end detection (ingest/parsers/lists.py), one rule per test."""

from ingest.document import Document
from ingest.parsers.common import Row
from ingest.parsers.lists import (
    Item,
    ListRows,
    ends_sentence,
    looks_like_heading,
    recommendations,
    split_inline_bullets,
    split_timescale,
)
from vocabulary import RecommendationKind, Timescale


def rows_of(*pages: str) -> list[Row]:
    return [Row.of(line) for line in Document(pages=pages, paginated=True).lines()]


def test_list_rows_pass_over_blank_rows_and_page_numbers():
    rows = rows_of("Heading\n\n• First item\n3\n• Second item")
    assert [row.plain for row in ListRows(rows, 1)] == ["• First item", "• Second item"]


def test_list_rows_pass_over_what_the_parser_calls_furniture():
    rows = rows_of("• First item\nInspection of Knowsley 2\n• Second item")
    reader = ListRows(rows, 0, is_furniture=lambda row: row.key.startswith("inspection of"))
    assert [row.plain for row in reader] == ["• First item", "• Second item"]


def test_after_a_footnote_the_rest_of_its_page_is_passed_over_and_the_list_goes_on():
    rows = rows_of(
        "• An item that wraps\n1 A footnote\nthat runs on\n12",
        "onto the next page.\n• Another item.",
    )
    reader = ListRows(rows, 0)
    read = []
    for row in reader:
        if row.plain.startswith("1 A footnote"):
            reader.skip_rest_of_page(row)
            continue
        read.append(row.plain)
    assert read == ["• An item that wraps", "onto the next page.", "• Another item."]


def test_stop_skipping_reads_the_rest_of_the_page_again():
    rows = rows_of("1 A footnote\nA heading\nMore")
    reader = ListRows(rows, 0)
    read = []
    for row in reader:
        if row.plain == "1 A footnote":
            reader.skip_rest_of_page(row)
            reader.stop_skipping()
        else:
            read.append(row.plain)
    assert read == ["A heading", "More"]


def test_a_text_report_without_pages_skips_only_the_footnote_line():
    rows = [Row.of(line) for line in Document.from_text("1 A footnote\nNext line").lines()]
    reader = ListRows(rows, 0)
    read = []
    for row in reader:
        if row.plain == "1 A footnote":
            reader.skip_rest_of_page(row)
            continue
        read.append(row.plain)
    assert read == ["Next line"]


def test_rows_left_on_page_counts_only_that_page():
    rows = rows_of("a\nb\nc", "d\ne")
    assert ListRows(rows, 0).rows_left_on_page(rows[0]) == 2
    assert ListRows(rows, 0).rows_left_on_page(rows[3]) == 1


def test_a_short_capitalised_unpunctuated_line_looks_like_a_heading():
    assert looks_like_heading("Summary for children", longest=70)


def test_closing_punctuation_lower_case_or_length_make_a_line_text():
    for text in ("Ensure that plans are reviewed.", "The quality of oversight of:", "(page 4)"):
        assert not looks_like_heading(text, longest=70), text
    assert not looks_like_heading("ensure that", longest=70)
    assert not looks_like_heading("A" * 71, longest=70)


def test_a_line_the_next_row_continues_in_lower_case_is_not_a_heading():
    following = rows_of("continues the sentence")[0]
    assert not looks_like_heading("Help and protection for", longest=70, following=following)
    capital = rows_of("The next paragraph")[0]
    assert looks_like_heading("Help and protection", longest=70, following=capital)


def test_an_item_is_finished_when_its_last_line_ends_a_sentence():
    line = rows_of("x")[0].line
    assert Item(["Ensure that", "plans are reviewed. "], line).finished
    assert not Item(["Ensure that plans are", "reviewed"], line).finished
    assert ends_sentence("Is it? ") and not ends_sentence("it is;")


def test_an_items_text_joins_its_lines_and_hyphenated_words():
    line = rows_of("x")[0].line
    assert Item(["Improve multi-", "agency work"], line).text == "Improve multi-agency work"


def test_inline_bullets_split_items_printed_on_one_line():
    assert split_inline_bullets("Review plans • ensure visits") == ["Review plans", "ensure visits"]


def test_recommendations_carry_each_items_list_and_page_and_drop_empty_texts():
    line = rows_of("x", "y")[1].line
    items = [
        Item(["Ensure visits."], line, "What needs to improve", RecommendationKind.RECOMMENDATION),
        Item([""], line),
    ]
    (only,) = recommendations(items)
    assert (only.section, only.kind, only.timescale, only.text, only.page) == (
        "What needs to improve",
        RecommendationKind.RECOMMENDATION,
        Timescale.NONE_STATED,
        "Ensure visits.",
        2,
    )


def test_recommendations_take_a_parsers_texts_for_each_item():
    line = rows_of("x")[0].line
    items = [Item(["First. Second."], line)]
    found = recommendations(items, lambda item: item.text.split(" "))
    assert [each.text for each in found] == ["First.", "Second."]


def test_a_timescale_heading_gives_its_timescale_and_the_text_after_it():
    assert split_timescale("Immediately: ensure that plans are reviewed") == (
        Timescale.IMMEDIATELY,
        "ensure that plans are reviewed",
    )
    assert split_timescale("Within 6 months") == (Timescale.WITHIN_SIX_MONTHS, "")
    assert split_timescale("Within three months:")[0] == Timescale.WITHIN_THREE_MONTHS
    assert split_timescale("Immediately after the visit, staff") == (
        None,
        "Immediately after the visit, staff",
    )
