"""Every text a page shows is escaped, wherever its HTML is written (a template or Python).

Reports are third-party documents and admins type corrections: a name, label, printed grade
or recommendation that holds markup must be shown as text, never run as HTML. Each text
the pages print is given a marker with an element, quotes and an ampersand; no page may
carry the marker's raw element, and the pages that show that text carry it escaped.
"""

from __future__ import annotations

import html
from datetime import date

import pytest

from inspections.models import Inspection
from vocabulary import Framework

from .factories import J, R, authority, focused_visit, make_inspection, official_record

pytestmark = pytest.mark.django_db


def marker(where: str) -> str:
    return f'<i data-x="{where}">{where}</i> "q" \'a\' & b'


RAW = '<i data-x="'


@pytest.fixture
def hostile(clock) -> Inspection:
    clock.set(date(2026, 12, 6))
    knowsley = authority("knowsley")
    knowsley.name = f"Knowsley {marker('authority')}"
    knowsley.save()
    focused_visit(
        "knowsley",
        date(2023, 5, 2),
        focus=f"Care leavers {marker('focus')}",
        priority=[f"Act now {marker('priority')}"],
    )
    inspection = make_inspection(
        knowsley,
        Framework.ILACS,
        date(2024, 11, 18),
        [
            J(f"Overall effectiveness {marker('label')}", "Inadequate", "Judgements"),
            J(
                "The experiences and progress of children who need help and protection",
                f"Inadequate {marker('printed')}",
                f"Judgements {marker('section')}",
                grade="inadequate",
            ),
        ],
        [R(f"Improve supervision {marker('recommendation')}", f"Improve {marker('rsection')}")],
        lead_inspector=f"A Inspector {marker('inspector')}",
        published_on=date(2024, 12, 20),
    )
    official_record(
        inspection,
        [(f"Overall {marker('olabel')}", f"Good {marker('ograde')}")],
        release=f"Outcomes {marker('release')}",
        event=f"ILACS {marker('event')}",
    )
    return inspection


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/", []),
        ("/authorities/", ["authority"]),
        ("/authorities/knowsley/", ["authority", "label", "printed"]),
        (
            "{inspection}",
            [
                "authority",
                "label",
                "printed",
                "section",
                "recommendation",
                *("release", "event", "olabel", "ograde"),
            ],
        ),
        ("/inspections/", ["authority"]),
        ("/judgements/", ["authority", "label", "printed", "section"]),
        ("/recommendations/", ["authority", "recommendation", "rsection", "priority"]),
        ("/recommendations/?q=supervision", ["authority", "recommendation"]),
        ("/compare/?authority=knowsley&area=overall", ["authority"]),
        ("/england/", []),
        ("/england/?area=overall&grade=inadequate#named", ["authority"]),
        ("/what-happened-next/", ["authority"]),
        ("/what-came-before/", ["authority"]),
        ("/new/", ["authority"]),
    ],
)
def test_every_page_shows_hostile_text_as_text(client, hostile, path, shown):
    page = _page(client, hostile.get_absolute_url() if path == "{inspection}" else path)
    assert RAW not in page
    for where in shown:
        assert html.escape(f'<i data-x="{where}">') in page or (
            f"&lt;i data-x=&quot;{where}&quot;&gt;" in page
        ), f"{path}: the {where} text is not shown"
