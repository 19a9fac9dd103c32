"""Every page's database work is bounded: the number of queries does not grow with the
number of authorities or inspections."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from authorities.models import Authority
from inspections.models import Inspection

from .factories import bulk_national

pytestmark = pytest.mark.django_db

# url builder (given the authority and inspection under test) and the most queries allowed.
# Latest grades (home, authority list) read each authority's latest full inspection too (1),
# to tell an authority without an overall grade (2026 framework) from one with an old one;
# they are kept per data version for every worker (inspections.shared_results), which costs
# 1 query to read the version (these counts are after a change of the data: the latest
# grades are read again; until the next change that query replaces them). The home
# page's counts are kept the same way: after a change, 1 for the version, 4 for the counts,
# 4 for the grade distribution (its latest grades read the version again), 1 for the
# latest inspections; until the next change, 2 queries.
PAGES = {
    "home": (lambda a, i: "/", 12),
    "authority-list": (lambda a, i: "/authorities/", 5),
    "authority-list-filtered": (
        lambda a, i: "/authorities/?region=north-east&grade_area=overall&grade=good&sort=-overall",
        5,
    ),
    # 7 for the timeline; where it stands in England: 2 to check the kept national data
    # (inspections.england.national) and, when the data changed, 3 to read it again.
    # + its recommendations counted by national framework theme (1).
    "authority-detail": (
        lambda a, i: f"/authorities/{a.slug}/",
        14,
    ),  # + the listed events (ofsted.queries.listed_events)
    "england": (lambda a, i: "/england/?as_at=2024-03-31", 5),
    # Every export: first the data version (its ETag and Last-Modified), then its rows.
    "england-csv": (lambda a, i: "/england.csv?as_at=2024-03-31", 6),
    # The data version, the outline's key and the outline it counts and pages by
    # (inspections.paging: rows by inspection, then the inspections in order; read again
    # here, the data having grown), the page.
    "judgements-json": (lambda a, i: "/judgements.json?page_size=50", 5),
    # The data version, the outline's key and outline (a small workbook is built in
    # memory), the rows.
    "judgements-xlsx": (lambda a, i: "/judgements.xlsx?area=overall", 5),
    "authorities-json": (lambda a, i: "/authorities.json", 6),
    "inspection-list": (lambda a, i: "/inspections/?sort=newest", 3),
    # 4, and Ofsted's official statistics rows on the inspection with their grades (2).
    "inspection-detail": (lambda a, i: i.get_absolute_url(), 6),
    "inspection-by-id": (lambda a, i: f"/inspections/{i.pk}/", 1),
    "compare-region": (
        lambda a, i: (
            "/compare/?"
            + "&".join(
                f"authority={s}"
                for s in Authority.objects.current()
                .order_by("pk")
                .values_list("slug", flat=True)[:40]
            )
            + "&area=overall&area=help-and-protection"
        ),
        # 4 for the grids, 2 + 3 for England's and the regions' latest grades beside them.
        9,
    ),
    # Two more than a COUNT: the outline's key (inspections.paging) and its two queries.
    "judgement-list": (lambda a, i: "/judgements/?area=overall&grade=good", 5),
    # As the judgements, and the counts by national framework theme.
    "recommendation-list": (lambda a, i: "/recommendations/?q=recommendation", 7),
    "judgements-csv": (lambda a, i: "/judgements.csv", 2),
    "recommendations-csv": (lambda a, i: "/recommendations.csv?q=recommendation", 2),
    "inspections-csv": (lambda a, i: "/inspections.csv", 2),
    "compare-csv": (lambda a, i: f"/compare.csv?authority={a.slug}&area=overall", 3),
}


def fetch(client, url: str) -> None:
    response = client.get(url)
    expected = 301 if re.match(r"/inspections/\d+/", url) else 200  # by id: a redirect
    assert response.status_code == expected, (url, response.status_code)
    if response.streaming:
        b"".join(response.streaming_content)
    else:
        response.content  # noqa: B018


@pytest.mark.parametrize("name", PAGES)
def test_queries_do_not_grow_with_authorities_or_inspections(
    client, name, django_assert_max_num_queries
):
    make_url, limit = PAGES[name]
    bulk_national(authorities=2, inspections_each=1, first_year=2018)
    authority = Authority.objects.current().order_by("pk").first()
    inspection = Inspection.objects.filter(authority=authority).first()
    url = make_url(authority, inspection)
    with CaptureQueriesContext(connection) as small:
        fetch(client, url)

    # Twenty times the authorities, six times the inspections of the one under test.
    bulk_national(authorities=40, inspections_each=5, first_year=2019)
    assert Inspection.objects.count() == 202
    with django_assert_max_num_queries(limit), CaptureQueriesContext(connection) as large:
        fetch(client, url)
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
