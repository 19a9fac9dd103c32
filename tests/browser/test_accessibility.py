"""axe-core on every public page, at a desktop width (1280 px) and a phone width (390 px).

axe-core comes inside the ``axe-playwright-python`` wheel (a dev dependency), so nothing is
downloaded at test time. The rules run are those tagged ``wcag2a``, ``wcag2aa``, ``wcag21a``,
``wcag21aa`` (WCAG 2.1 levels A and AA) and ``best-practice`` (one main landmark, unique
landmarks, all content inside landmarks, one ``h1``...); a page passes only with no violation.
No rule is switched off and no element excluded: Chart.js's canvases carry their own
``role="img"`` and label, and pass.

Pages with charts are checked once Chart.js has drawn every chart, so that axe sees the page
as a person does. The phone width matters: there the wide tables scroll sideways.
"""

from __future__ import annotations

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from authorities.models import Authority
from ofsted.models import Publication
from tests.inspections import factories

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WIDTHS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}

COMPARE = (
    "/compare/?authority=knowsley&authority=liverpool&authority=st-helens"
    "&area=overall&area=children-in-care"
)

# name -> address; None: the page of an inspection (its address is built from its data).
PAGES = {
    "home": "/",
    "authorities": "/authorities/",
    "authority": "/authorities/knowsley/",
    "inspection": None,
    "visit": None,
    "inspections": "/inspections/",
    "judgements": "/judgements/",
    "recommendations": "/recommendations/",
    "compare": COMPARE,
    "compare-empty": "/compare/",
    "england": "/england/",
    # The authorities behind one count, and behind a region's total (with those not judged).
    "england-named": "/england/?as_at=2024-03-31&region=north-west&area=overall&grade=inadequate",
    "england-region": "/england/?as_at=2024-03-31&region=north-west&area=children-in-care",
    "england-bad-count": "/england/?as_at=2024-03-31&grade=superb",
    "api": "/api/",
    "what-happened-next": "/what-happened-next/",
    "what-came-before": "/what-came-before/",
    "new": "/new/",
    "search-authorities": "/authorities/?q=north",
    "search-recommendations": "/recommendations/?q=care+leavers",
    "not-found": "/authorities/nowhere-at-all/",
    # An impossible date: the error summary above an empty table.
    "invalid-filter": "/judgements/?date_from=2024-13-45",
}

CHARTS_DRAWN = """() => window.Chart && [...document.querySelectorAll('canvas[data-chart]')]
    .every(canvas => Chart.getChart(canvas))"""


@pytest.fixture
def merseyside(reference_data):
    """Merseyside's inspections, and two focused visits of Knowsley between them (one with
    areas for priority action) so that the timeline's visit rows and markers are checked."""
    data = factories.merseyside()
    data["visits"] = [
        factories.focused_visit("knowsley", date(2018, 10, 30)),
        factories.focused_visit(
            "knowsley", date(2019, 5, 1), priority=["Delays in case allocation."]
        ),
    ]
    # A national framework theme (printed from 2025), so that the authority's counts by theme
    # and the recommendations page's are on the pages checked.
    data["visits"][1].recommendations.update(national_framework="outcome 4; enabler 2")
    # A publication the app does not read, as the sync records it: a row of the timeline.
    Publication.objects.create(
        url="https://files.ofsted.gov.uk/v1/file/1",
        authority=Authority.objects.get(slug="knowsley"),
        listed_as="Monitoring visit",
        published_on=date(2019, 1, 15),
        is_read_kind=False,
        status=Publication.Status.LISTED,
    )
    return data


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = "; ".join(targets[:4]) + (
            f"; … {len(targets) - 4} more" if len(targets) > 4 else ""
        )
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    {len(targets)} element(s): {shown}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(page, merseyside, name, width):
    path = (
        PAGES[name]
        or (
            merseyside["visits"][1] if name == "visit" else merseyside["knowsley"][1]
        ).get_absolute_url()
    )
    page.set_viewport_size(WIDTHS[width])
    response = page.goto(page.base_url + path)
    expected = {"not-found": 404, "england-bad-count": 400}.get(name, 200)
    assert response.status == expected
    if name in ("invalid-filter", "england-bad-count"):
        assert page.locator(".error-summary").is_visible()
    if page.locator("canvas[data-chart]").count():
        page.wait_for_function(CHARTS_DRAWN)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": RULE_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    # Not an axe rule: the page itself never scrolls sideways (WCAG 1.4.10, reflow); a wide
    # table scrolls inside its own region.
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= WIDTHS[width]["width"], f"{path} is {page_width} px wide at {width} px"
    assert not violations, (
        f"axe: {len(violations)} rule(s) broken on {path} at {width} px:\n" + describe(violations)
    )
