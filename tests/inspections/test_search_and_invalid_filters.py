"""Recommendation search (bounded; full text on PostgreSQL) and invalid filters shown, not
ignored."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from inspections import search
from vocabulary import Framework

from .factories import J, R, make_inspection

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def recommendations():
    make_inspection(
        "knowsley",
        Framework.ILACS,
        date(2024, 3, 4),
        [J("Overall effectiveness", "Good", "Judgements")],
        [
            R(text, "What needs to improve?")
            for text in (
                "Managers should supervise social workers more often.",
                "The quality of supervision of social workers.",
                "Care leavers need suitable housing and personal advisers.",
                "Personal plans for care leavers, written with their advisers.",
                "Supervision: regular supervision, supervised by managers who supervise well.",
            )
        ],
    )


def _texts(client, query: str) -> list[str]:
    response = client.get("/recommendations/", {"q": query})
    assert response.status_code == 200
    return [row.text for row in response.context["page_obj"]]


def test_a_word_finds_its_other_forms(client, recommendations):
    found = _texts(client, "supervision")
    assert "Managers should supervise social workers more often." in found
    assert "The quality of supervision of social workers." in found
    assert len(found) == 3


def test_a_quoted_phrase_must_appear_as_written(client, recommendations):
    assert _texts(client, '"personal advisers"') == [
        "Care leavers need suitable housing and personal advisers."
    ]
    assert len(_texts(client, "personal advisers")) == 2


def test_every_word_must_appear(client, recommendations):
    assert _texts(client, "housing leavers") == [
        "Care leavers need suitable housing and personal advisers."
    ]


@pytest.mark.skipif(not POSTGRES, reason="ranking is PostgreSQL's")
def test_best_matches_come_first_on_postgresql(client, recommendations):
    found = _texts(client, "supervision")
    assert found[0].startswith("Supervision: regular supervision")
    assert len(found) == 3
    # An order asked for wins over relevance.
    response = client.get("/recommendations/", {"q": "supervision", "sort": "newest"})
    assert response.status_code == 200


def test_matches_are_marked_by_stem(client, recommendations):
    page = client.get("/recommendations/", {"q": "supervision"}).content.decode()
    assert "<mark>supervise</mark>" in page and "<mark>supervision</mark>" in page


def test_too_many_words_is_a_form_error_not_a_slow_query(
    client, recommendations, django_assert_max_num_queries
):
    query = " ".join(["word"] * 990 + [f"w{n}" for n in range(20)])
    with django_assert_max_num_queries(12):
        response = client.get("/recommendations/", {"q": query})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem with the filters" in page
    assert "Search for at most 10 words or phrases" in page
    assert response.context["paginator"].count == 0
    assert 'id="id_q_error"' in page and 'aria-describedby="id_q_helptext id_q_error"' in page


def test_repeated_words_count_once():
    assert search.parse(" ".join(["word"] * 990)).words == ("word",)


def test_an_invalid_date_lists_nothing_and_says_why(client, recommendations):
    response = client.get("/judgements/", {"date_from": "2024-13-45"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem with the filters" in page
    assert response.context["paginator"].count == 0
    assert 'href="#id_date_from"' in page
    assert "Download CSV" not in page  # it would only answer 400


@pytest.mark.parametrize(
    "url",
    [
        "/judgements.csv?date_from=2024-13-45",
        "/recommendations.csv?date_to=yesterday",
        "/inspections.csv?framework=not-a-framework",
        "/recommendations.csv?q=" + "+".join(f"w{n}" for n in range(11)),
    ],
)
def test_an_invalid_filter_on_an_export_is_a_400_saying_why(client, recommendations, url):
    response = client.get(url)
    assert response.status_code == 400
    text = response.content.decode()
    assert text.startswith("Bad request: the filters are not valid, so nothing was exported.")
    assert ": " in text.splitlines()[1]


def test_stem():
    assert search.stem("supervision") == "supervis"
    assert search.stem("supervised") == "supervis"
    assert search.stem("care") == "care"
    assert search.stem("plans") == "plan"
