"""The pages in a real browser (Chromium through Playwright): charts drawn, the comparison
grid and its CSV, the explorer filters, keyboard use. Screenshots of every page are saved
under test-artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from tests.inspections import factories

# From 2010: every year of their inspections (the default is the last ten years).
COMPARE = (
    "/compare/?authority=knowsley&authority=liverpool&authority=st-helens&area=children-in-care"
    "&from=2010"
)


@pytest.fixture
def merseyside(reference_data):
    return factories.merseyside()


def watch_errors(page) -> list[str]:
    """Collect JavaScript errors and failed requests of the page."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
    return errors


def assert_cells_on_screen(row, width: int = 390) -> None:
    """Every cell of a table row lies within the screen's width: none scrolled away."""
    for cell in row.locator("th, td").all():
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, cell.inner_text()


def cell_names(row) -> list[str]:
    """What each data cell of a stacked row prints before its content (its data-label)."""
    return row.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )


def test_knowsley_timeline_draws_a_chart_of_six_inspections(page, merseyside, screenshot):
    errors = watch_errors(page)
    page.goto(page.base_url + "/authorities/knowsley/")
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.getElementById('timeline-chart'))"
    )
    chart = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.getElementById('timeline-chart'));
            return {
                labels: chart.data.labels,
                series: chart.data.datasets.map(d => d.label),
                overall: chart.data.datasets[0].points.map(p => p && p.printed),
                width: chart.width,
                // Where the 2006 (Outstanding) and 2014 (Inadequate) points are drawn,
                // against where the axis puts those grades.
                drawn: [0, 2].map(i => chart.getDatasetMeta(0).data[i].y),
                axis: [1, 4].map(rank => chart.scales.y.getPixelForValue(rank)),
            };
        }"""
    )
    assert chart["labels"] == [
        "2006 APA",
        "2010 Safeguarding and looked after children",
        "2014 SIF",
        "2017 SIF re-inspection",
        "2021 ILACS standard",
        "2024 ILACS standard",
    ]
    assert chart["series"][:3] == [
        "Overall effectiveness",
        "Help and protection / safeguarding",
        "Children in care / looked after",
    ]
    assert chart["overall"][0] == "4" and chart["overall"][1] is None
    assert chart["width"] > 600
    for drawn, expected in zip(chart["drawn"], chart["axis"], strict=True):
        assert abs(drawn - expected) < 12  # on its grade's line (series are nudged a little)
    assert chart["drawn"][0] < chart["drawn"][1]  # better is higher
    # The same data as a table, one row per inspection.
    assert page.locator("table.timeline-table tbody tr").count() == 6
    screenshot(page, "authority-knowsley-timeline")
    assert errors == []


def test_timeline_tooltip_shows_printed_grade_and_framework(page, merseyside):
    page.goto(page.base_url + "/authorities/knowsley/")
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.getElementById('timeline-chart'))"
    )
    lines = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.getElementById('timeline-chart'));
            chart.tooltip.setActiveElements([{datasetIndex: 0, index: 0}], {x: 0, y: 0});
            chart.update();
            const item = chart.tooltip.dataPoints[0];
            const callbacks = chart.options.plugins.tooltip.callbacks;
            return [callbacks.label(item), ...callbacks.afterLabel(item)];
        }"""
    )
    assert lines[0] == "Overall effectiveness: Outstanding"
    assert lines[1] == "Printed: 4"
    assert lines[2].startswith("2006 APA — APA scale: 4 = excellent/outstanding (best)")


def test_compare_grid_and_its_csv_hold_the_same_rows(page, merseyside, screenshot, tmp_path):
    errors = watch_errors(page)
    page.goto(page.base_url + COMPARE)
    grid = page.locator("table.compare-grid")
    assert grid.count() == 1
    rows = grid.locator("tbody tr")
    assert [rows.nth(i).locator("th").inner_text().strip() for i in range(rows.count())] == [
        "Knowsley",
        "Liverpool",
        "St Helens",
    ]
    shown = set()
    years = [h.strip() for h in grid.locator("thead th").all_inner_texts()[1:]]
    for i in range(rows.count()):
        row = rows.nth(i)
        name = row.locator("th").inner_text().strip()
        for column, cell in enumerate(row.locator("td").all()):
            for badge in cell.locator(".grade").all_inner_texts():
                shown.add((name, years[column], " ".join(badge.split())))
    assert len(shown) == 10
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]'))"
    )
    screenshot(page, "compare-merseyside-children-in-care")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    path = tmp_path / "compare.csv"
    download_info.value.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    exported = {
        (row["la_name"], row["inspection_start"][:4], row["grade"])
        for row in csv.DictReader(io.StringIO(text))
    }
    assert len(list(csv.DictReader(io.StringIO(text)))) == 10
    assert exported == shown

    # Its Excel twin: the same rows, dates as dates, the source on a second sheet.
    import openpyxl

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Excel").click()
    assert download_info.value.suggested_filename == "compare.xlsx"
    workbook_path = tmp_path / "compare.xlsx"
    download_info.value.save_as(workbook_path)
    book = openpyxl.load_workbook(workbook_path)
    sheet = book["compare"]
    header = [cell.value for cell in sheet[1]]
    rows = [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert {(r["la_name"], str(r["inspection_start"].year), r["grade"]) for r in rows} == shown
    source = {row[0]: row[1] for row in book["Source"].iter_rows(values_only=True)}
    assert source["Exported from"].endswith(COMPARE.replace("/compare/", "/compare.xlsx"))
    assert errors == []


def test_judgement_filters_narrow_the_table(page, merseyside, screenshot):
    page.goto(page.base_url + "/judgements/")
    table_rows = page.locator("#judgements-table tbody tr")
    before = table_rows.count()
    assert before == 50  # first page of many
    page.get_by_label("Area").select_option("help-and-protection")
    page.get_by_label("Comparable grade").select_option("inadequate")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/judgements/?*area=help-and-protection*")
    after = table_rows.count()
    assert 0 < after < before
    areas = {t.strip() for t in table_rows.locator("td:nth-child(7)").all_inner_texts()}
    assert areas == {"Help and protection / safeguarding"}
    grades = {t.strip() for t in table_rows.locator("td:nth-child(6)").all_inner_texts()}
    assert grades == {"Inadequate"}
    # The CSV link carries the filters.
    href = page.get_by_role("link", name="Download CSV").get_attribute("href")
    assert href.startswith("/judgements.csv?") and "area=help-and-protection" in href
    screenshot(page, "judgements-filtered")


def test_keyboard_reaches_skip_link_navigation_and_filters(page, merseyside):
    page.goto(page.base_url + "/recommendations/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.get_by_label("Text contains").focus()
    page.keyboard.type("care leavers")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=care+leavers*")
    assert page.locator("#recommendations-table tbody tr").count() >= 3


def test_home_search_finds_an_authority_by_another_name(page, merseyside, screenshot):
    errors = watch_errors(page)
    page.goto(page.base_url + "/")
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.getElementById('distribution-chart'))"
    )
    screenshot(page, "home")
    page.get_by_label("Any of its names or codes").fill("Knowsley Metropolitan Borough Council")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/authorities/knowsley/")  # one match: its page opens
    assert page.locator("h1").inner_text().startswith("Knowsley")
    assert errors == []


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("authorities", "/authorities/?region=north-west"),
        ("inspections", "/inspections/"),
        ("inspection-slac-2010", None),
        (
            "compare-neighbours",
            "/compare/?neighbours_of=knowsley&area=overall&area=children-in-care",
        ),
        ("judgements", "/judgements/"),
        ("recommendations", "/recommendations/?authority=knowsley&q=care+leavers"),
    ],
)
def test_every_page_renders_without_errors(page, merseyside, screenshot, name, path):
    errors = watch_errors(page)
    if path is None:
        path = merseyside["knowsley"][1].get_absolute_url()
    page.goto(page.base_url + path)
    assert page.locator("h1").count() == 1
    assert page.title().endswith("· Inspection Explorer")
    if page.locator("canvas[data-chart]").count():
        page.wait_for_function(
            "window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]'))"
        )
    screenshot(page, name)
    assert errors == []


def test_judgement_tables_stack_on_a_phone_and_the_england_chart_draws(
    page, merseyside, screenshot
):
    errors = watch_errors(page)
    page.set_viewport_size({"width": 390, "height": 844})
    inspection = merseyside["knowsley"][-1]
    page.goto(page.base_url + inspection.get_absolute_url())
    row = page.locator(".judgement-table tbody tr").first
    boxes = [cell.bounding_box() for cell in row.locator("th, td").all()]
    # Stacked: each cell below the one before, none wider than the screen.
    assert all(
        later["y"] >= earlier["y"] + earlier["height"] - 1
        for earlier, later in zip(boxes, boxes[1:], strict=False)
    )
    assert all(box["x"] + box["width"] <= 390 for box in boxes)
    named = row.locator("td").first.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert named == '"Grade as printed: "'  # each stacked cell says what it is
    screenshot(page, "inspection-390")

    page.goto(page.base_url + "/england/?as_at=2024-03-31")
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.getElementById('shares-chart'))"
    )
    labels = page.evaluate(
        "() => Chart.getChart(document.getElementById('shares-chart')).data.labels"
    )
    assert labels[0] == "2014-03-31" and labels[-1] == "2024-03-31"
    screenshot(page, "england-390")
    assert errors == []


def test_charts_use_a_time_axis_break_at_unjudged_inspections_and_download(
    page, merseyside, screenshot
):
    errors = watch_errors(page)
    page.goto(page.base_url + "/authorities/knowsley/")
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.getElementById('timeline-chart'))"
    )
    facts = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.getElementById('timeline-chart'));
            const x = chart.scales.x;
            const gap = (a, b) => x.getPixelForValue(b) - x.getPixelForValue(a);
            return {
                type: x.type,
                // One year is as wide in 2010-2011 as in 2014-2015.
                years: [gap(2010, 2011), gap(2014, 2015), gap(2014, 2017)],
                legend: chart.data.datasets.map(d => d.label),
                spanGaps: chart.data.datasets.map(d => d.spanGaps),
            };
        }"""
    )
    assert facts["type"] == "linear"
    assert abs(facts["years"][0] - facts["years"][1]) < 1
    assert abs(facts["years"][2] - 3 * facts["years"][1]) < 2
    assert not any(facts["spanGaps"])  # an inspection that did not judge an area breaks it
    link = page.get_by_role("link", name="Download this chart (PNG)").first
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "timeline-chart.png"
    assert errors == []


def test_a_compare_chart_draws_the_starting_authority_against_the_group(page, merseyside):
    page.goto(page.base_url + COMPARE)
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]'))"
    )
    datasets = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.querySelector('canvas[data-chart]'));
            return chart.data.datasets.map(d => ({
                label: d.label, width: d.borderWidth, ys: d.data.map(p => p.y)
            }));
        }"""
    )
    focus, median, group = datasets
    assert (focus["label"], focus["width"]) == ("Knowsley", 4)
    # Every point on a grade line: no nudging between lines.
    assert focus["ys"] == [2, 3, 3, 3, 3]
    assert set(median["ys"]) <= {1, 2, 3, 4} and set(group["ys"]) <= {1, 2, 3, 4}
    assert group["label"].startswith("Authorities of the group")
    # The grid keeps the authority names in sight when it scrolls to its newest years.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + COMPARE)
    name = page.locator("table.compare-grid tbody th").first
    assert page.locator(".compare-area .table-wrap").first.evaluate("w => w.scrollLeft") > 0
    box = name.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    newest = page.locator("table.compare-grid thead th").last
    assert newest.inner_text().strip() == "2024"
    newest_box = newest.bounding_box()
    assert newest_box["x"] + newest_box["width"] <= 390


def test_focused_visits_are_markers_at_their_dates_below_the_grade_lines(
    page, merseyside, screenshot
):
    factories.focused_visit("knowsley", date(2018, 10, 30))
    factories.focused_visit("knowsley", date(2019, 5, 1), priority=["Delays in case allocation."])
    errors = watch_errors(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/authorities/knowsley/")
    page.wait_for_function(
        "window.Chart && Chart.getChart(document.getElementById('timeline-chart'))"
    )
    markers = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.getElementById('timeline-chart'));
            return chart.data.datasets
                .map((d, i) => ({d, i}))
                .filter(({d}) => d.key && d.key.startsWith('visits'))
                .map(({d, i}) => ({
                    label: d.label,
                    x: d.data.map(p => p.x),
                    below: chart.getDatasetMeta(i).data.every(
                        el => el.y > chart.scales.y.getPixelForValue(4)),
                    inside: chart.getDatasetMeta(i).data.every(
                        el => el.x >= chart.chartArea.left && el.x <= chart.chartArea.right),
                }));
        }"""
    )
    assert [m["label"] for m in markers] == [
        "Focused visit (not graded)",
        "Focused visit with areas for priority action",
    ]
    assert markers[0]["x"][0] == pytest.approx(2018.83, abs=0.01)
    assert all(m["below"] and m["inside"] for m in markers)
    assert page.locator("tr.visit").count() == 2
    assert page.locator("tr.visit .priority-flag").inner_text() == "1 area for priority action"
    screenshot(page, "authority-knowsley-visits-390")
    assert errors == []


def test_what_happened_next_shows_each_visit_and_its_sequel_on_a_phone(
    page, merseyside, screenshot
):
    factories.focused_visit("knowsley", date(2019, 5, 1), priority=["Delays in allocation."])
    errors = watch_errors(page)
    for width, name in ((1280, "what-happened-next"), (390, "what-happened-next-390")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(page.base_url + "/what-happened-next/?priority_actions=on")
        screenshot(page, name)
        row = page.locator("table.table--stack tbody tr").first
        assert "Knowsley" in row.inner_text()
        assert "ILACS" in row.inner_text() and "11 Oct 2021" in row.inner_text()
        # Every cell of the row, the grades included, is on the screen: none scrolled away.
        assert_cells_on_screen(row, width)
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(page.base_url + "/what-came-before/")
    row = page.locator("table.table--stack tbody tr").first
    assert "Inadequate" in row.inner_text()
    assert_cells_on_screen(row)
    screenshot(page, "what-came-before-390")
    assert errors == []


@pytest.mark.parametrize(
    "path",
    [
        "/authorities/",
        "/judgements/",
        "/recommendations/",
        "/inspections/",
        "/what-happened-next/?kind=inspection",
        "/new/",
    ],
)
def test_on_a_phone_the_data_comes_first_and_stays_on_screen(page, merseyside, screenshot, path):
    """At 390 px the filters start folded, the first row is on the first screen, and every
    cell of it (each named) is within the screen's width; no visible caption is clipped."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + path)
    assert page.locator("details.filters-panel").evaluate("d => d.open") is False
    row = page.locator("table.table--stack tbody tr").first
    assert row.bounding_box()["y"] < 844, "the first row is below the first screen"
    assert_cells_on_screen(row)
    names = cell_names(row)
    assert all(name.endswith(': "') for name in names), names
    captions = page.evaluate(
        """() => [...document.querySelectorAll('caption')]
            .filter(c => !c.classList.contains('visually-hidden'))
            .map(c => Math.round(c.getBoundingClientRect().right))"""
    )
    assert all(right <= 390 for right in captions)
    # Unfolded, the filters are all there.
    page.locator("details.filters-panel > summary").click()
    assert page.locator("form.filters button[type=submit]").is_visible()
    screenshot(page, "phone-" + path.strip("/").split("/")[0].split("?")[0])


def test_on_a_phone_an_inspections_official_record_is_a_named_card_on_screen(
    page, merseyside, screenshot
):
    """The inspection page's table of Ofsted's official statistics stacks at 390 px too:
    every cell of its row within the screen, each named."""
    inspection = merseyside["knowsley"][-1]
    factories.official_record(inspection, [("Overall effectiveness", "Good")])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + inspection.get_absolute_url())
    row = page.locator("section[aria-labelledby=official] tbody tr").first
    assert_cells_on_screen(row)
    names = cell_names(row)
    assert names == [
        '"As the table gives it: "',
        '"Date: "',
        '"Published: "',
        '"Grades or theme: "',
    ]
    assert "Overall effectiveness: Good" in row.inner_text()
    screenshot(page, "inspection-official-390")


def test_on_a_phone_the_home_counts_are_named_cards_on_screen(page, merseyside, screenshot):
    """At 390 px each count of the home page's table of latest grades is a named cell within
    the screen, and the caption runs the screen's width rather than a word a line."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/")
    table = page.locator("table.table--stack", has=page.locator("caption", has_text="latest grade"))
    row = table.locator("tbody tr").first
    assert_cells_on_screen(row)
    names = cell_names(row)
    assert '"Authorities judged: "' in names and all(n.endswith(': "') for n in names), names
    assert table.locator("caption").bounding_box()["width"] > 300
    screenshot(page, "home-390")


def test_on_a_wide_screen_the_filters_are_open_without_a_fold(page, merseyside):
    page.goto(page.base_url + "/judgements/")
    assert page.locator("details.filters-panel").evaluate("d => d.open") is True
    assert not page.locator("details.filters-panel > summary").is_visible()
    assert page.locator("form.filters button[type=submit]").is_visible()


def test_on_a_phone_the_england_counts_stay_on_screen(page, merseyside, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/england/?as_at=2024-03-31")
    tables = page.locator("table.table--stack")
    assert tables.count() >= 2  # the counts of each area and the published figures
    for index in range(tables.count()):
        row = tables.nth(index).locator("tbody tr").first
        assert_cells_on_screen(row)
    screenshot(page, "england-counts-390")


def test_on_a_phone_the_authorities_behind_a_count_are_named_on_screen(
    page, merseyside, screenshot
):
    """'Which North West authorities were inadequate?': one tap on the count, and the
    answer is the first thing under the form, each name readable at 390 px."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/england/?as_at=2024-03-31")
    overall = page.locator("table.table--stack").first
    north_west = overall.locator("tbody tr", has_text="North West")
    north_west.locator("td[data-label='Inadequate'] a").click()
    page.wait_for_url("**region=north-west**grade=inadequate**")
    heading = page.locator("#named-title")
    assert heading.inner_text().startswith("The 1 North West authority judged inadequate")
    assert heading.is_visible()
    name = page.locator(".named-list tbody th a").first
    assert name.inner_text() == "Liverpool"
    box = name.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] < 844 * 2  # within two screens of the top, not below every table
    size = float(name.evaluate("a => getComputedStyle(a).fontSize").removesuffix("px"))
    assert size >= 14
    assert_cells_on_screen(page.locator(".named-list tbody tr").first)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "england-named-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "england-named-1280")


def test_the_england_chart_says_its_base_in_the_tooltip(page, merseyside):
    page.goto(page.base_url + "/england/?as_at=2024-03-31")
    page.wait_for_function("() => window.Chart && Chart.getChart('shares-chart')")
    footer = page.evaluate(
        """() => {
            const chart = Chart.getChart('shares-chart');
            const last = chart.data.labels.length - 1;
            return chart.options.plugins.tooltip.callbacks.footer([{ dataIndex: last }]);
        }"""
    )
    assert footer[0] == "n = 3 of 153 authorities judged"
    assert footer[1] == "Fewer than half judged yet: shares of a few"
    legend = page.evaluate(
        "() => Chart.getChart('shares-chart').legend.legendItems.map(item => item.text)"
    )
    assert legend[-1] == "Under half of authorities judged (hatched)"
