"""The national dataset, counted by the England page's rule, against Ofsted's own figures."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from inspections import england
from inspections.published_statistics import FIGURES, reproduce

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(reference_data):
    call_command("load_dataset", stdout=io.StringIO())
    england.forget()
    return england.national()


def test_the_national_dataset_reproduces_ofsteds_published_shares(national):
    results = [reproduce(national, figure) for figure in FIGURES]
    # From 2018 on, every authority Ofsted counted is here: the five replaced since (whose
    # reports are not in the corpus) from Ofsted's own tables (dataset/official/).
    assert len(results) == 16
    # Each counted by the rule of its release (2015: reports published by the date itself).
    assert [r.figure.describe() for r in results if not r.agrees] == []
    for result in (r for r in results if r.figure.as_at.year == 2018):
        assert result.judged == result.figure.authorities == 152
        assert result.coverage_gap == 0


def test_the_england_page_shows_the_comparison(client, national):
    page = client.get("/england/").content.decode()
    assert "Held against the figures Ofsted published" in page
    assert "31 March 2024, North West, Overall effectiveness: Outstanding or Good" in page
    assert "36.4% (8 of 22)" in page
