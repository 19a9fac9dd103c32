"""England at any date: the counting rule, the tables, the CSV/JSON, bad dates."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from authorities.models import Authority
from inspections.england import England, quarters, rule_for
from vocabulary import Framework

from .factories import J, make_inspection

pytestmark = pytest.mark.django_db


def _overall(slug, framework, start, printed, published, **kwargs):
    return make_inspection(
        slug,
        framework,
        start,
        [J("Overall effectiveness", printed, "Judgements")],
        published_on=published,
        **kwargs,
    )


@pytest.fixture
def three():
    _overall("knowsley", Framework.SIF, date(2014, 4, 29), "Inadequate", date(2014, 6, 30))
    _overall(
        "knowsley", Framework.ILACS, date(2021, 10, 11), "Requires improvement", date(2021, 12, 3)
    )
    _overall("liverpool", Framework.ILACS, date(2023, 3, 13), "Inadequate", date(2023, 5, 2))
    # A 2010 inspection graded on another scale never counts.
    _overall("sefton", Framework.SLAC, date(2010, 6, 1), "Grade 1 (Outstanding)", date(2010, 8, 1))
    # Published after Ofsted's cut-off for 31 March 2024 (30 June): counts at later dates.
    _overall("liverpool", Framework.ILACS, date(2024, 3, 4), "Good", date(2024, 7, 10))


def _grades(as_at, published_by=None):
    return {
        (Authority.objects.get(pk=s.authority_id).slug, s.grade)
        for s in England().standings(as_at, published_by)
        if s.area == "overall"
    }


def test_each_authority_counts_with_its_latest_published_judgement(three):
    assert _grades(date(2020, 3, 31)) == {("knowsley", "inadequate")}
    assert _grades(date(2024, 3, 31)) == {
        ("knowsley", "requires-improvement"),
        ("liverpool", "inadequate"),
    }
    assert _grades(date(2024, 6, 30)) == {
        ("knowsley", "requires-improvement"),
        ("liverpool", "good"),
    }


def test_each_release_date_follows_that_releases_publication_cut_off():
    # Ended 15 March, published 20 June: in Ofsted's "as at 31 March 2024" (by 30 June).
    _overall("halton", Framework.ILACS, date(2024, 3, 4), "Good", date(2024, 6, 20))
    # Ended 12 April: after the date, whenever it was published.
    _overall("sefton", Framework.ILACS, date(2024, 4, 1), "Good", date(2024, 4, 25))
    # Ended 15 March, published 2 July: after the cut-off.
    _overall("wirral", Framework.ILACS, date(2024, 3, 4), "Good", date(2024, 7, 2))
    assert _grades(date(2024, 3, 31)) == {("halton", "good")}
    # A cut-off of one's own: published by 30 April 2024.
    assert _grades(date(2024, 3, 31), published_by=date(2024, 4, 30)) == set()
    # The 2023 release counted reports published by 30 April.
    _overall("bolton", Framework.ILACS, date(2023, 3, 6), "Good", date(2023, 5, 2))
    assert _grades(date(2023, 3, 31)) == set()
    # Other dates: Ofsted's current rule, three months after (31 May -> 31 August).
    assert _grades(date(2024, 5, 31)) == {
        ("halton", "good"),
        ("sefton", "good"),
        ("wirral", "good"),
        ("bolton", "good"),
    }
    assert rule_for(date(2024, 5, 31)).published_by == date(2024, 8, 31)
    assert rule_for(date(2019, 8, 31)).published_by == date(2019, 9, 30)


def test_an_area_the_latest_inspection_did_not_judge_has_no_grade():
    make_inspection(
        "knowsley",
        Framework.SIF,
        date(2017, 1, 9),
        [J("Overall effectiveness", "Good", ""), J("Care leavers", "Good", "")],
        published_on=date(2017, 3, 1),
    )
    # An ILACS inspection before 2023 judged care leavers with children in care.
    _overall("knowsley", Framework.ILACS, date(2021, 10, 11), "Inadequate", date(2021, 12, 3))
    areas = {s.area: s.grade for s in England().standings(date(2022, 3, 31))}
    assert areas == {"overall": "inadequate"}


def test_an_authority_counts_while_it_exists_and_a_successor_from_its_first_inspection():
    _overall("cumbria", Framework.ILACS, date(2022, 5, 9), "Good", date(2022, 7, 1))
    _overall("cumberland", Framework.ILACS, date(2025, 2, 3), "Inadequate", date(2025, 4, 1))
    # Cumbria existed until 31 March 2023: counted then, and only then.
    assert _grades(date(2023, 3, 31)) == {("cumbria", "good")}
    # Its successors, as in Ofsted's tables, count once inspected themselves.
    assert _grades(date(2024, 3, 31)) == set()
    assert _grades(date(2025, 6, 30)) == {("cumberland", "inadequate")}
    waiting = [a.slug for a in England().not_yet_judged(date(2025, 6, 30))]
    assert "westmorland-and-furness" in waiting and "cumberland" not in waiting


def test_only_authorities_that_existed_on_the_date_are_counted():
    _overall("poole", Framework.SIF, date(2017, 9, 4), "Requires improvement", date(2017, 11, 24))
    _overall("knowsley", Framework.SIF, date(2017, 9, 4), "Good", date(2017, 11, 24))
    assert _grades(date(2019, 3, 31)) == {("poole", "requires-improvement"), ("knowsley", "good")}
    # Poole became part of BCP on 1 April 2019.
    assert _grades(date(2019, 4, 1)) == {("knowsley", "good")}
    data = England()
    assert len(data.existing(date(2018, 8, 31))) == 152
    assert len(data.existing(date(2025, 3, 31))) == 153


def test_the_page_shows_counts_and_shares_for_england_and_regions(client, three):
    response = client.get("/england/", {"as_at": "2024-03-31"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "England as at 31 March 2024" in page
    lines = dict(response.context["areas"])
    overall = next(lines for area, lines in response.context["areas"] if area == "overall")
    england, north_west = overall[0], overall[2]
    assert (england.name, england.counts, england.total) == ("England", [0, 0, 1, 1], 2)
    assert england.shares == [0, 0, 50, 50]
    assert north_west.name == "North West" and north_west.total == 2
    assert "inspections ended by 31 March 2024 whose report was published by 30 June 2024" in page
    chart = response.context["chart"]
    assert chart["labels"][0] == "2014-03-31" and chart["labels"][-1] == "2024-03-31"
    assert lines  # every headline area has a table


def test_the_csv_lists_every_counted_judgement(client, three):
    response = client.get("/england.csv", {"as_at": "2024-03-31"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "la_name", "old_la_code", "new_la_code", "region_name", "area", "framework",
        "inspection_start", "inspection_end", "published", "grade", "grade_rank",
        "inspection_url",
    ]  # fmt: skip
    overall = [row for row in rows if row["area"] == "Overall effectiveness"]
    assert [(row["la_name"], row["grade"], row["published"]) for row in overall] == [
        ("Knowsley", "Requires improvement", "2021-12-03"),
        ("Liverpool", "Inadequate", "2023-05-02"),
    ]
    assert overall[1]["inspection_url"].endswith(
        "/authorities/liverpool/inspections/2023-03-13-ilacs/"
    )


def test_the_export_names_the_authorities_behind_one_count(client, three):
    # "Which North West authorities were inadequate as at 31 March 2024?"
    query = {"as_at": "2024-03-31", "region": "north-west", "area": "overall"}
    response = client.get("/england.csv", {**query, "grade": "inadequate"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(row["la_name"], row["area"], row["grade"]) for row in rows] == [
        ("Liverpool", "Overall effectiveness", "Inadequate")
    ]
    import json

    response = client.get("/england.json", {**query, "grade": "requires-improvement"})
    body = json.loads(b"".join(response.streaming_content))
    assert [row["la_name"] for row in body["results"]] == ["Knowsley"]
    response = client.get("/england.json", {**query, "region": "london"})
    assert json.loads(b"".join(response.streaming_content))["results"] == []
    bad = client.get("/england.json", {"as_at": "2024-03-31", "grade": "superb"})
    assert bad.status_code == 400
    assert "must be one of" in json.loads(bad.content)["errors"]["grade"][0]


def test_the_cut_off_can_be_set_on_the_page_and_in_the_csv_and_json(client, three):
    # Liverpool's 2024 report was published on 10 July: after Ofsted's cut-off, before this one.
    page = client.get("/england/", {"as_at": "2024-03-31", "published_by": "2024-07-31"})
    assert "whose report was published by 31 July 2024 (the cut-off chosen here)" in (
        page.content.decode()
    )
    assert "published_by=2024-07-31" in page.content.decode()  # the CSV link keeps it
    query = {"as_at": "2024-03-31", "published_by": "2024-07-31"}
    text = b"".join(client.get("/england.csv", query).streaming_content).decode("utf-8-sig")
    overall = [r for r in csv.DictReader(io.StringIO(text)) if r["area"] == "Overall effectiveness"]
    assert ("Liverpool", "Good") in [(r["la_name"], r["grade"]) for r in overall]
    body = json.loads(b"".join(client.get("/england.json", query).streaming_content))
    assert {"la_name": "Liverpool", "grade": "Good"}.items() <= next(
        r
        for r in body["results"]
        if r["la_name"] == "Liverpool" and r["area"] == "Overall effectiveness"
    ).items()
    assert client.get("/england/", {"published_by": "soon"}).status_code == 400
    assert client.get("/england.csv", {"published_by": "2024-02-30"}).status_code == 400
    bad = client.get("/england.json", {"as_at": "2024-03-31", "published_by": "x"})
    assert bad.status_code == 400 and "published_by" in bad.json()["errors"]


def test_a_date_that_is_not_a_date_is_a_400(client, three):
    assert client.get("/england/", {"as_at": "2024-13-45"}).status_code == 400
    assert client.get("/england.csv", {"as_at": "yesterday"}).status_code == 400
    assert client.get("/england.json", {"as_at": "31/03/2024"}).status_code == 400


def test_quarters_end_on_the_last_day_of_each_quarter():
    assert quarters(date(2014, 3, 31), date(2015, 1, 1)) == [
        date(2014, 3, 31),
        date(2014, 6, 30),
        date(2014, 9, 30),
        date(2014, 12, 31),
    ]


def test_the_national_data_is_kept_until_the_data_changes(three, django_assert_num_queries):
    from inspections import england
    from inspections.freshness import bump

    first = england.national()
    with django_assert_num_queries(1):  # the version with the newest judgement's id
        assert england.national() is first
    bump()  # what a committed save does
    second = england.national()
    assert second is not first
    # A bulk write sends no signal, but moves the newest judgement's id.
    _overall("wirral", Framework.ILACS, date(2024, 9, 9), "Good", date(2024, 11, 1))
    assert england.national() is not second


def test_before_the_sif_england_counts_the_2009_2013_inspections_saying_how_few(client):
    make_inspection(
        "knowsley",
        Framework.SLAC,
        date(2010, 2, 1),
        [
            J("Overall effectiveness", "Grade 3 (Adequate)", "Safeguarding services"),
            J("Overall effectiveness", "Grade 2 (Good)", "Services for looked after children"),
        ],
        published_on=date(2010, 3, 12),
    )
    make_inspection(
        "knowsley",
        Framework.CHILD_PROTECTION,
        date(2012, 9, 3),
        [J("Overall effectiveness", "Inadequate", "")],
        published_on=date(2012, 10, 19),
    )
    areas = {s.area: s.grade for s in England().standings(date(2013, 3, 31))}
    assert areas == {"help-and-protection": "inadequate", "children-in-care": "good"}
    assert England().standings(date(2015, 3, 31)) == []  # from the SIF on, SIF and ILACS only
    page = client.get("/england/", {"as_at": "2011-03-31"}).content.decode()
    assert "at this date it covers 1 of the 152 authorities" in page
