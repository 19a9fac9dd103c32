"""Judgements and recommendations are paged by their inspections' outline
(inspections.paging): every page holds exactly the rows, in exactly the order, that sorting
and slicing the whole filtered list would give, and a deep page is read by seeking its
inspections, not by skipping every row before it."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from inspections import views
from inspections.filters import JudgementFilter, RecommendationFilter
from inspections.models import Inspection, Judgement
from inspections.paging import Outline, build
from inspections.queries import published_judgements, published_recommendations

from .factories import authority, bulk_national, ilacs

pytestmark = pytest.mark.django_db

PAGE = 7  # small, so that pages begin and end inside inspections


def test_span_names_the_inspections_of_rows_and_what_comes_before_the_first():
    outline = Outline(inspections=(10, 20, 30), ends=(3, 8, 9))  # rows 0-2, 3-7, 8
    assert outline.count == 9
    assert outline.span(0, 3) == ((10,), 0)
    assert outline.span(2, 4) == ((10, 20), 2)
    assert outline.span(3, 8) == ((20,), 0)
    assert outline.span(5, 100) == ((20, 30), 2)
    assert outline.span(8, 9) == ((30,), 0)
    assert outline.span(9, 12) == ((), 0)
    assert Outline((), ()).span(0, 5) == ((), 0) and Outline((), ()).count == 0


@pytest.fixture
def national():
    bulk_national(authorities=6, inspections_each=3)
    # A draft's rows are never listed, nor counted.
    draft = ilacs(authority("knowsley"), date(2021, 5, 1), "good", "good", "good", "good")
    Inspection.objects.filter(pk=draft.pk).update(is_published=False)


def _expected(filter_class, base, query: str) -> list[int]:
    filterset = filter_class(QueryDict(query), queryset=base())
    return list(filterset.qs.values_list("pk", flat=True))


def _page_ids(client, query: str, page: int) -> list[int]:
    response = client.get(f"/judgements/?{query}&page={page}")
    assert response.status_code == 200
    return [row.pk for row in response.context["page_obj"]]


@pytest.mark.parametrize(
    "query",
    ["", "sort=newest", "sort=oldest", "grade=good", "area=overall&sort=newest", "section=Judg"],
)
def test_every_page_of_the_list_is_the_slice_of_the_whole_order(
    client, national, monkeypatch, query
):
    monkeypatch.setattr(views, "PAGE_SIZE", PAGE)
    expected = _expected(JudgementFilter, published_judgements, query)
    assert len(expected) > 2 * PAGE
    pages = -(-len(expected) // PAGE)
    response = client.get(f"/judgements/?{query}")
    assert response.context["paginator"].count == len(expected)
    assert response.context["paginator"].num_pages == pages
    listed = [pk for page in range(1, pages + 1) for pk in _page_ids(client, query, page)]
    assert listed == expected


def test_a_page_past_the_last_is_the_last_and_nonsense_is_the_first(client, national, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", PAGE)
    expected = _expected(JudgementFilter, published_judgements, "")
    last = -(-len(expected) // PAGE)
    assert _page_ids(client, "", 9999) == expected[(last - 1) * PAGE :]
    assert _page_ids(client, "", "x") == expected[:PAGE]


def test_a_filter_nothing_matches_lists_nothing(client, national):
    response = client.get("/judgements/?authority=knowsley&grade=not-read")
    assert response.context["paginator"].count == 0
    assert list(response.context["page_obj"]) == []


def test_the_last_page_skips_no_more_than_one_inspections_rows(client, national, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", PAGE)
    expected = _expected(JudgementFilter, published_judgements, "")
    largest = max(Judgement.objects.filter(inspection=i).count() for i in Inspection.objects.all())
    with CaptureQueriesContext(connection) as queries:
        _page_ids(client, "", -(-len(expected) // PAGE))
    offsets = [int(m) for q in queries for m in re.findall(r"OFFSET (\d+)", q["sql"])]
    assert all(offset < largest for offset in offsets), offsets


def test_json_pages_are_the_slices_of_the_whole_order(client, national):
    filterset = JudgementFilter(QueryDict("sort=newest"), queryset=published_judgements())
    rows = filterset.qs.values_list(
        "inspection__authority__name", "inspection__start_date", "label"
    )
    expected = [(name, start.isoformat(), label) for name, start, label in rows]
    listed = []
    page, url = 1, "/judgements.json?sort=newest&page_size=6"
    while url:
        body = json.loads(b"".join(client.get(url).streaming_content))
        assert body["count"] == len(expected) and body["page"] == page
        listed += [(r["la_name"], r["inspection_start"], r["label"]) for r in body["results"]]
        url, page = body["next"], page + 1
    assert page > 3 and listed == expected


def test_recommendations_page_by_outline_too(client, national, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", PAGE)
    expected = _expected(RecommendationFilter, published_recommendations, "sort=oldest")
    pages = -(-len(expected) // PAGE)
    listed = []
    for page in range(1, pages + 1):
        response = client.get(f"/recommendations/?sort=oldest&page={page}")
        listed += [row.pk for row in response.context["page_obj"]]
    assert listed == expected


def test_the_count_follows_a_change_of_the_data(
    client, national, django_capture_on_commit_callbacks
):
    before = client.get("/judgements/").context["paginator"].count
    inspection = Inspection.objects.filter(is_published=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        Judgement.objects.filter(inspection=inspection).first().delete()
    assert client.get("/judgements/").context["paginator"].count == before - 1
    # Bulk writes (synthetic data) bump no version: the newest row's id tells.
    Judgement.objects.bulk_create(
        [Judgement(inspection=inspection, section="S", label="Added", order=99)]
    )
    assert client.get("/judgements/").context["paginator"].count == before


def test_outline_orders_inspections_as_the_list_does(national):
    filterset = JudgementFilter(QueryDict("sort=newest"), queryset=published_judgements())
    outline = build(filterset.qs, filterset.listing_order())
    in_order = list(dict.fromkeys(filterset.qs.values_list("inspection_id", flat=True)))
    assert list(outline.inspections) == in_order
    assert outline.count == filterset.qs.count()
