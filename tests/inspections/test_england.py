"""England at any date: the counting rule, the tables, the CSV/JSON, bad dates."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from authorities.models import Authority
from inspections.england import England, quarters
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
    # Not yet published as at 31 March 2024: counts from 2024-05-01 only.
    _overall("liverpool", Framework.ILACS, date(2024, 3, 4), "Good", date(2024, 5, 1))


def _grades(as_at):
    return {
        (Authority.objects.get(pk=s.authority_id).slug, s.grade)
        for s in England().standings(as_at)
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


def test_as_ofsteds_statistics_a_report_published_within_30_days_after_the_date_counts():
    # Ended 15 March, published 20 April: in Ofsted's "as at 31 March" (published by 30 April).
    _overall("halton", Framework.ILACS, date(2024, 3, 4), "Good", date(2024, 4, 20))
    # Ended 12 April: after the date, whenever it was published.
    _overall("sefton", Framework.ILACS, date(2024, 4, 1), "Good", date(2024, 4, 25))
    # Ended 15 March, published 2 May: more than 30 days after the date.
    _overall("wirral", Framework.ILACS, date(2024, 3, 4), "Good", date(2024, 5, 2))
    assert _grades(date(2024, 3, 31)) == {("halton", "good")}
    assert _grades(date(2024, 3, 20)) == set()  # 20 April is 31 days after 20 March


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
    assert "ended on or before 31 March 2024 and whose report was published within 30 days" in page
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
    with django_assert_num_queries(2):  # the version and the newest judgement's id
        assert england.national() is first
    bump()  # what a committed save does
    second = england.national()
    assert second is not first
    # A bulk write sends no signal, but moves the newest judgement's id.
    _overall("wirral", Framework.ILACS, date(2024, 9, 9), "Good", date(2024, 11, 1))
    assert england.national() is not second
