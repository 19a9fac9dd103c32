"""Printed on A4, wide tables are not cut off.

On paper nothing scrolls: a table wider than the page loses its right-hand columns. Each
page is laid out as Chromium prints it (print media) at the width A4 leaves inside the 12 mm
margins of site.css's ``@page`` rule (703 px portrait, 1032 px landscape; pages of wide
tables print landscape), and no table, nor anything in it, may reach past that width.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.inspections import factories

MM = 96 / 25.4  # CSS pixels per millimetre
MARGIN_MM = 12  # @page margin in site.css
PORTRAIT = {"width": round((210 - 2 * MARGIN_MM) * MM), "height": round((297 - 2 * MARGIN_MM) * MM)}
LANDSCAPE = {"width": PORTRAIT["height"], "height": PORTRAIT["width"]}

EIGHT = ["knowsley", "liverpool", "st-helens", "wirral", "sefton", "halton", "wigan", "warrington"]
COMPARE_EIGHT = "/compare/?" + "&".join(
    [f"authority={slug}" for slug in EIGHT]
    + [
        f"area={area}"
        for area in ("overall", "help-and-protection", "children-in-care", "care-leavers")
    ]
)

PAGES = [
    ("authority", "/authorities/knowsley/", "portrait"),
    ("compare-eight", COMPARE_EIGHT, "landscape"),
    ("compare-twenty-years", COMPARE_EIGHT + "&from=2006", "landscape"),
    ("judgements", "/judgements/", "portrait"),
    ("england", "/england/", "portrait"),
    ("england-named", "/england/?as_at=2024-03-31&region=north-west&area=overall", "portrait"),
    ("authorities", "/authorities/", "landscape"),
    ("inspections", "/inspections/", "portrait"),
]

# Every table's box and what it holds, against the page; the wrapper of a table is the
# element whose overflow scrolls on screen and is cut off on paper.
MEASURE = """() => {
    const page = document.documentElement.clientWidth;
    return [...document.querySelectorAll('table')].map(table => {
        const wrap = table.parentElement;
        return {
            name: table.id || table.className || 'table',
            caption: (table.caption ? table.caption.textContent : '').trim().slice(0, 60),
            tableRight: Math.round(table.getBoundingClientRect().right),
            wrapRight: Math.round(wrap.getBoundingClientRect().right),
            scrollWidth: wrap.scrollWidth,
            clientWidth: wrap.clientWidth,
            page,
        };
    });
}"""


@pytest.fixture
def eight_authorities(reference_data):
    """Merseyside's inspections and five more authorities': a grid of 15 or more years."""
    factories.merseyside()
    words = ["Good", "Requires improvement to be good", "Inadequate", "Outstanding"]
    for n, slug in enumerate(EIGHT[3:]):
        factories.slac(slug, date(2009 + n, 3, 2), "Good", "Adequate")
        factories.ilacs(slug, date(2013 + n, 5, 6), *[words[n % 4]] * 4)
        factories.ilacs(
            slug, date(2020 + n, 9, 7), *[words[(n + 1) % 4]] * 4, care_leavers=words[n % 4]
        )


@pytest.mark.parametrize(("name", "path", "orientation"), PAGES, ids=[p[0] for p in PAGES])
def test_printed_tables_fit_the_width_of_an_a4_page(
    page, eight_authorities, name, path, orientation
):
    page.goto(page.base_url + path)
    if page.locator("canvas[data-chart]").count():
        page.wait_for_function(
            "() => window.Chart && [...document.querySelectorAll('canvas[data-chart]')]"
            ".every(canvas => Chart.getChart(canvas))"
        )
    page.emulate_media(media="print")
    # The page is printed in the orientation its template asks for.
    named_page = page.evaluate("getComputedStyle(document.body).page")
    assert named_page == ("landscape" if orientation == "landscape" else "auto")
    size = LANDSCAPE if orientation == "landscape" else PORTRAIT
    page.set_viewport_size(size)

    tables = page.evaluate(MEASURE)
    assert tables, f"no table on {path}"
    cut_off = [
        t
        for t in tables
        # 1 px: sub-pixel rounding of fractional column widths.
        if t["scrollWidth"] > t["clientWidth"] + 1 or t["tableRight"] > t["page"]
    ]
    assert not cut_off, (
        f"printed on A4 {orientation} ({size['width']} px wide), tables of {path} run off "
        "the page:\n"
        + "\n".join(
            f"- {t['name']} “{t['caption']}”: content {t['scrollWidth']} px in "
            f"{t['clientWidth']} px, right edge at {t['tableRight']} px of {t['page']}"
            for t in cut_off
        )
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


# Words of grade badges that a line break splits ("Inadequa" / "te"): a word whose letters
# sit on more than one line.
BROKEN_BADGE_WORDS = """() => {
    const broken = [];
    for (const badge of document.querySelectorAll('.grade')) {
        for (const node of badge.childNodes) {
            if (node.nodeType !== Node.TEXT_NODE) continue;
            for (const match of node.textContent.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const tops = new Set([...range.getClientRects()]
                    .filter(rect => rect.width > 0).map(rect => Math.round(rect.top)));
                if (tops.size > 1) broken.push(badge.textContent.trim());
            }
        }
    }
    return broken;
}"""


def _print_layout(page, path, orientation):
    page.goto(page.base_url + path)
    page.emulate_media(media="print")
    page.set_viewport_size(LANDSCAPE if orientation == "landscape" else PORTRAIT)


@pytest.mark.parametrize(("name", "path", "orientation"), PAGES, ids=[p[0] for p in PAGES])
def test_printed_grade_badges_keep_their_words_whole(
    page, eight_authorities, name, path, orientation
):
    _print_layout(page, path, orientation)
    assert page.locator(".grade").count() > 0
    assert page.evaluate(BROKEN_BADGE_WORDS) == []


@pytest.mark.parametrize(
    "path", ["/authorities/knowsley/", COMPARE_EIGHT, "/compare/?authority=knowsley&area=overall"]
)
def test_print_leaves_out_instructions_for_the_mouse(page, eight_authorities, path):
    page.goto(page.base_url + path)
    assert "over" in page.evaluate("document.body.innerText").lower()
    page.emulate_media(media="print")
    assert "hover" not in page.evaluate("document.body.innerText").lower()


def test_no_printed_page_ends_on_a_heading(page, eight_authorities, tmp_path):
    """Printed to PDF by Chromium itself and read back (pdfminer, as ingest does): the last
    line of every page but the last is never a heading or a table's caption."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    page.goto(page.base_url + COMPARE_EIGHT)
    page.emulate_media(media="print")
    headings = {
        " ".join(text.split())
        for text in page.evaluate(
            "[...document.querySelectorAll('h1, h2, h3, caption')].map(h => h.innerText)"
        )
        if text.strip()
    }
    pdf = tmp_path / "compare.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    pages = list(extract_pages(pdf))
    assert len(pages) > 1  # the check means something only across page breaks

    def lines(layout):
        for element in layout:
            if isinstance(element, LTTextContainer):
                for line in element:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        yield line

    for number, layout in enumerate(pages[:-1], start=1):
        last = min(lines(layout), key=lambda line: line.y0)
        text = " ".join(last.get_text().split())
        assert not any(heading.startswith(text) for heading in headings), (
            f"page {number} ends on the heading “{text}”"
        )


# Authority names of the England page's named list that a line break splits within a word
# ("Blackp" / "ool"), or whose cell is cut off by the page's edge.
BROKEN_NAMES = """() => {
    const page = document.documentElement.clientWidth;
    const broken = [];
    for (const link of document.querySelectorAll('.named-list tbody th a')) {
        const node = link.firstChild;
        for (const match of node.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()].filter(rect => rect.width > 0);
            const tops = new Set(rects.map(rect => Math.round(rect.top)));
            if (tops.size > 1 || rects.some(rect => rect.right > page)) broken.push(match[0]);
        }
    }
    return broken;
}"""


def test_the_named_authorities_print_whole(page, eight_authorities):
    path = "/england/?as_at=2024-03-31&area=overall"
    _print_layout(page, path, "portrait")
    names = page.locator(".named-list tbody th a").all_inner_texts()
    assert "Knowsley" in names and "St Helens" in names
    assert page.locator("#named").is_visible()
    assert page.evaluate(BROKEN_NAMES) == []
