"""The names behind every count: each count of the England page, of a region's figures and
of the home page links to the authorities it counts, and that list is exactly the count."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html import unescape
from io import StringIO
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command

from inspections import england
from inspections.queries import LIST_AREAS
from vocabulary import Framework

from .factories import J, make_inspection, merseyside

pytestmark = pytest.mark.django_db

# A count of the England page's tables: <a href="?as_at=...#named" ...>12</a>.
COUNT_LINK = re.compile(r'<a href="\?(as_at=[^"#]*)#named"[^>]*>(\d+)</a>')


def _count_links(html: str) -> list[tuple[dict[str, str], int]]:
    return [(dict(parse_qsl(unescape(query))), int(n)) for query, n in COUNT_LINK.findall(html)]


def _csv_names(client, query: dict[str, str]) -> list[tuple[str, str, str]]:
    response = client.get("/england.csv", query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [(r["la_name"], r["area"], r["grade_rank"]) for r in csv.DictReader(io.StringIO(text))]


def _page_names(response) -> list[tuple[str, str, str]]:
    from vocabulary import GRADE_RANKS, Area

    return [
        (row.authority.name, Area(row.standing.area).label, str(GRADE_RANKS[row.standing.grade]))
        for row in response.context["named"].rows
    ]


@pytest.fixture
def north_west():
    def overall(slug, framework, start, printed, published):
        make_inspection(
            slug,
            framework,
            start,
            [J("Overall effectiveness", printed, "Judgements")],
            published_on=published,
        )

    overall("knowsley", Framework.SIF, date(2014, 4, 29), "Inadequate", date(2014, 6, 30))
    overall("liverpool", Framework.ILACS, date(2019, 3, 4), "Inadequate", date(2019, 5, 2))
    overall("st-helens", Framework.ILACS, date(2019, 9, 23), "Inadequate", date(2019, 11, 4))
    overall("leeds", Framework.ILACS, date(2019, 2, 4), "Outstanding", date(2019, 3, 22))
    # Published after the cut-off for 31 March 2020 (30 June): not counted then.
    overall("wirral", Framework.ILACS, date(2020, 3, 2), "Inadequate", date(2020, 7, 10))


def test_each_count_links_to_the_authorities_behind_it(client, north_west):
    page = client.get("/england/", {"as_at": "2020-03-31"}).content.decode()
    links = _count_links(page)
    assert (
        {"as_at": "2020-03-31", "region": "north-west", "area": "overall", "grade": "inadequate"},
        3,
    ) in links
    assert ({"as_at": "2020-03-31", "area": "overall", "grade": "inadequate"}, 3) in links
    # The "authorities judged" total: no grade.
    assert ({"as_at": "2020-03-31", "region": "north-west", "area": "overall"}, 3) in links
    assert ({"as_at": "2020-03-31", "area": "overall"}, 4) in links
    # A zero is not a link to an empty list.
    assert not [query for query, n in links if query.get("region") == "london"]
    assert all(n > 0 for _, n in links)


def test_the_named_list_answers_the_question_in_one_view(client, north_west):
    query = {"as_at": "2020-03-31", "region": "north-west", "area": "overall"}
    response = client.get("/england/", {**query, "grade": "inadequate"})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "The 3 North West authorities judged inadequate for overall effectiveness as at "
        "31 March 2020" in html
    )
    assert _page_names(response) == [
        ("Knowsley", "Overall effectiveness", "4"),
        ("Liverpool", "Overall effectiveness", "4"),
        ("St Helens", "Overall effectiveness", "4"),
    ]
    # Each authority and the inspection that gave its grade are linked.
    assert 'href="/authorities/st-helens/"' in html
    assert 'href="/authorities/st-helens/inspections/2019-09-23-ilacs/"' in html
    assert 'href="/authorities/knowsley/inspections/2014-04-29-sif/"' in html
    # The list's own exports, and the form keeps what was chosen.
    exports = "as_at=2020-03-31&amp;region=north-west&amp;area=overall&amp;grade=inadequate"
    for path in ("/england.csv?", "/england.xlsx?", "/england.json?"):
        assert f'href="{path}{exports}"' in html
    assert '<option value="north-west" selected>' in html
    assert '<option value="inadequate" selected>' in html
    assert _csv_names(client, {**query, "grade": "inadequate"}) == _page_names(response)


def test_without_a_grade_the_list_names_those_not_yet_judged_too(client, north_west):
    response = client.get(
        "/england/", {"as_at": "2020-03-31", "region": "north-west", "area": "overall"}
    )
    named = response.context["named"]
    assert named.describe() == (
        "The 3 North West authorities with a grade counted for overall effectiveness as at "
        "31 March 2020"
    )
    not_judged = {authority.slug for authority in named.not_judged}
    assert "wirral" in not_judged and "leeds" not in not_judged
    assert {a.region for a in named.not_judged} == {"north-west"}
    # The region's existing authorities: those judged and those not, once each.
    existing = england.national().existing(date(2020, 3, 31))
    region = {a.slug for a in existing if a.region == "north-west"}
    judged = {row.authority.slug for row in named.rows}
    assert not judged & not_judged and judged | not_judged == region


def test_a_bad_region_area_or_grade_is_a_400_saying_why(client, north_west):
    response = client.get("/england/", {"as_at": "2020-03-31", "grade": "superb"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem with the count asked for" in html
    assert "The grade must be one of outstanding, good, requires-improvement, inadequate." in html
    assert client.get("/england/", {"region": "mars"}).status_code == 400
    assert client.get("/england/", {"area": "outcomes"}).status_code == 400


def test_the_page_cache_keeps_the_chosen_count(client, north_west):
    """Parameters a page does not register are dropped before the view: these are kept,
    and two orders of the same query are one page."""
    first = client.get(
        "/england/", {"as_at": "2020-03-31", "grade": "inadequate", "region": "north-west"}
    )
    again = client.get(
        "/england/", {"region": "north-west", "as_at": "2020-03-31", "grade": "inadequate"}
    )
    for response in (first, again):
        assert "The 3 judgements of 3 North West authorities judged inadequate" in (
            response.content.decode()
        )


def test_the_chart_gives_its_base_and_marks_dates_with_few_judged(client, north_west):
    response = client.get("/england/", {"as_at": "2020-03-31"})
    chart = response.context["chart"]
    data = england.national()
    for index, label in enumerate(chart["labels"]):
        as_at = date.fromisoformat(label)
        judged = sum(1 for s in data.standings(as_at) if s.area == "overall")
        existing = len(data.existing(as_at))
        assert (chart["judged"][index], chart["existing"][index]) == (judged, existing)
        assert chart["few"][index] == (2 * judged < existing)
    html = response.content.decode()
    assert "n = 4 of 151" in html and "few judged" in html
    assert chart["few_label"] in html  # the chart's legend says it in words


def test_region_figures_link_to_the_same_lists(client):
    data = merseyside()
    assert data
    england.forget()
    # The authority page: its region's and England's grades, named on the England page.
    html = client.get("/authorities/knowsley/").content.decode()
    today = date.today().isoformat()
    links = [
        dict(parse_qsl(urlsplit(unescape(href)).query))
        for href in re.findall(r'class="name-them" href="([^"]+)"', html)
    ]
    assert {"as_at": today, "region": "north-west", "area": "overall"} in links
    assert {"as_at": today, "area": "overall"} in links
    # The comparison's year by year: "x% of N" in the region, N a link naming them.
    html = client.get(
        "/compare/", {"authority": ["knowsley", "liverpool"], "area": "overall", "from": "2019"}
    ).content.decode()
    region_links = re.findall(
        r'<a href="/england/\?(as_at=[^"#]+&amp;region=north-west&amp;area=overall)#named"'
        r"[^>]*>(\d+)</a>",
        html,
    )
    assert region_links
    for query, count in region_links:
        response = client.get("/england/", dict(parse_qsl(unescape(query))))
        assert response.context["named"].authority_count == int(count), query


def test_home_counts_name_the_authorities_they_count(client):
    merseyside()
    html = client.get("/").content.decode()
    links = re.findall(r'<a href="/authorities/\?(grade_area=[^"]+)"[^>]*>(\d+)</a>', html)
    assert links
    # The "Authorities judged" totals link too, each to the list of every judged authority.
    judged = [query for query, _ in links if query.endswith("grade=judged")]
    assert len(judged) == len(LIST_AREAS)
    for query, count in links:
        response = client.get("/authorities/", dict(parse_qsl(unescape(query))))
        assert len(response.context["rows"]) == int(count), query
    # The home page says where to name authorities at a past date, with the example.
    example = (
        "/england/?as_at=2020-03-31&amp;region=north-west&amp;area=overall&amp;grade=inadequate"
    )
    assert f'href="{example}"' in html


def test_the_national_dataset_every_count_is_its_list(client):
    """On the national data, at several dates: each count of the page (every region, area
    and grade) is the length of its named list, which is england.csv so filtered."""
    call_command("load_dataset", stdout=StringIO())
    england.forget()
    data = england.national()
    for as_at in ("2016-03-31", "2020-03-31", "2025-03-31"):
        html = client.get("/england/", {"as_at": as_at}).content.decode()
        links = _count_links(html)
        assert len(links) > 100, as_at
        day = date.fromisoformat(as_at)
        for query, count in links:
            chosen = {k: v for k, v in query.items() if k in england.FILTERS}
            named = england.named(data, day, None, chosen)
            assert named.authority_count == len(named.rows) == count, query
        # A few followed through the page and the CSV.
        for query, count in links[:: len(links) // 5]:
            response = client.get("/england/", query)
            assert response.context["named"].authority_count == count, query
            assert _csv_names(client, query) == _page_names(response), query
    # The question of the issue, answered from the reports themselves.
    response = client.get(
        "/england/",
        {"as_at": "2020-03-31", "region": "north-west", "area": "overall", "grade": "inadequate"},
    )
    assert [name for name, _, _ in _page_names(response)] == ["Blackpool", "St Helens", "Trafford"]


def test_the_group_chart_gives_each_bubble_its_base(client):
    merseyside()
    html = client.get(
        "/compare/", {"authority": ["knowsley", "liverpool", "st-helens"], "area": "overall"}
    ).content.decode()
    found = re.search(
        r'<script id="compare-chart-overall" type="application/json">(.*?)</script>', html, re.S
    )
    bubbles = json.loads(found.group(1))["bubbles"]
    judged: dict[str, int] = {}
    for bubble in bubbles:
        judged[bubble["as_at"]] = judged.get(bubble["as_at"], 0) + bubble["count"]
    assert bubbles and all(bubble["judged"] == judged[bubble["as_at"]] for bubble in bubbles)
