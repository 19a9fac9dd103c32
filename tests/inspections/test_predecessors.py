"""A reorganised authority's timeline carries the inspections of the authorities it replaced."""

from __future__ import annotations

from datetime import date

import pytest

from inspections.queries import authority_timeline
from vocabulary import Framework

from .factories import J, authority, make_inspection

pytestmark = pytest.mark.django_db


def test_a_successors_timeline_shows_its_predecessors_inspections_marked(client):
    make_inspection(
        "poole", Framework.SIF, date(2017, 9, 4), [J("Overall effectiveness", "Good", "")]
    )
    make_inspection(
        "bournemouth",
        Framework.ILACS,
        date(2018, 7, 16),
        [J("Overall effectiveness", "Requires improvement to be good", "")],
    )
    make_inspection(
        "bournemouth-christchurch-and-poole",
        Framework.ILACS,
        date(2021, 12, 6),
        [J("Overall effectiveness", "Inadequate", "")],
    )
    timeline = authority_timeline(authority("bournemouth-christchurch-and-poole"))
    assert [entry.chart_label for entry in timeline.entries] == [
        "2017 SIF (Poole)",
        "2018 ILACS (Bournemouth)",
        "2021 ILACS",
    ]
    assert [entry.cells["overall"].grade for entry in timeline.entries] == [
        "good",
        "requires-improvement",
        "inadequate",
    ]
    page = client.get("/authorities/bournemouth-christchurch-and-poole/").content.decode()
    assert "an inspection of Poole, which Bournemouth, Christchurch and Poole replaced" in page
    assert "/authorities/poole/inspections/2017-09-04-sif/" in page
    assert "1 April 2019 on" in page
    # The predecessor's own page keeps only its own inspections.
    poole = authority_timeline(authority("poole"))
    assert [entry.chart_label for entry in poole.entries] == ["2017 SIF"]
