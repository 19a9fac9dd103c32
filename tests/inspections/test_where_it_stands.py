"""An authority's page: where it stands against neighbours, region and England; waits."""

from __future__ import annotations

from datetime import date

import pytest

from inspections.england import England, waits_by_grade, where_it_stands
from vocabulary import Area, Framework

from .factories import J, authority, make_inspection

pytestmark = pytest.mark.django_db


def _overall(slug, start, printed, published):
    make_inspection(
        slug,
        Framework.ILACS,
        start,
        [J("Overall effectiveness", printed, "Judgements")],
        published_on=published,
    )


@pytest.fixture
def north_west():
    _overall("knowsley", date(2019, 1, 7), "Inadequate", date(2019, 3, 1))
    _overall("knowsley", date(2021, 10, 11), "Requires improvement", date(2021, 12, 3))
    _overall("st-helens", date(2022, 1, 10), "Inadequate", date(2022, 3, 1))  # neighbour
    _overall("halton", date(2022, 5, 9), "Good", date(2022, 7, 1))  # neighbour
    _overall("lancashire", date(2022, 6, 6), "Outstanding", date(2022, 8, 1))  # region only
    _overall("kent", date(2022, 5, 16), "Inadequate", date(2022, 7, 1))  # England only


def test_the_latest_grade_is_placed_among_neighbours_region_and_england(north_west):
    knowsley = authority("knowsley")
    neighbours = [n.pk for n in knowsley.ordered_neighbours()]

    rows = where_it_stands(England(), knowsley, neighbours, date(2024, 1, 1))

    overall = next(row for row in rows if row.area == Area.OVERALL)
    assert overall.standing.grade == "requires-improvement"
    neighbours_, region, england = overall.comparisons
    assert (neighbours_.better, neighbours_.same, neighbours_.worse) == (1, 0, 1)
    assert region.group == "North West"
    assert (region.better, region.same, region.worse) == (1, 0, 2)
    assert (england.better, england.same, england.worse) == (2, 0, 2)


def test_waits_for_the_next_inspection_come_from_the_national_data(north_west):
    waits = waits_by_grade(England())
    inadequate = waits["inadequate"]
    assert inadequate.cases == 1
    # Knowsley: the 2019 inspection ended 11 days after it started; the next began 2021-10-11.
    assert inadequate.median_days == (date(2021, 10, 11) - date(2019, 1, 18)).days


def test_the_page_shows_where_it_stands_and_the_days_since(client, north_west):
    page = client.get("/authorities/knowsley/").content.decode()
    assert "Where Knowsley stands today" in page
    assert "better than 1 of 2, the same as 0, worse than 1" in page
    assert "days ago" in page
    # Its latest grade (requires improvement) has no case of a next inspection yet.
    assert "There are no cases yet of authorities inspected again after that grade." in page


def test_a_grade_on_an_earlier_scale_is_labelled_not_compared(client, merseyside):
    page = client.get("/authorities/knowsley/").content.decode()
    # 2014 SIF against 2010 safeguarding and looked after children: other scales.
    assert "was graded on another scale (Grade 1-4)" in page
    assert "2010 on another scale" in page
    # 2021 ILACS against 2017 SIF: one scale, compared.
    assert "than 2017" in page or "same as 2017" in page


def test_compare_grids_show_england_and_region_rows_and_who_has_no_judgement(client, north_west):
    response = client.get(
        "/compare/?authority=knowsley&authority=st-helens&authority=wirral&area=overall",
        follow=True,
    )
    page = response.content.decode()
    assert "No published judgement in this area for: Wirral." in page
    grid, missing, lines, summary = response.context["sections"][0]
    assert missing == ["Wirral"]
    assert [line.name for line in lines] == ["England", "North West"]
    england_line = lines[0]
    assert england_line.total == 5  # Knowsley, St Helens, Halton, Lancashire, Kent
