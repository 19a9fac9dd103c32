"""manage.py reconcile and its admin page: disagreements between reports and tables."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from official.reconcile import DATE_ROUNDING, REPORT_STANDS, TO_CHECK, reconcile
from official.store import store
from vocabulary import Framework, InspectionType

from ..inspections.factories import J, make_inspection
from .test_import import _row

pytestmark = pytest.mark.django_db


def _ilacs(slug, start, published, grades):
    return make_inspection(
        slug,
        Framework.ILACS,
        start,
        [J(label, printed, "") for label, printed in grades],
        inspection_type=InspectionType.STANDARD,
        published_on=published,
    )


def test_each_disagreement_is_listed_with_its_explanation():
    _ilacs("barnet", date(2024, 6, 10), date(2024, 7, 23), [("Overall effectiveness", "Good")])
    _ilacs(
        "staffordshire",
        date(2023, 11, 6),
        date(2024, 1, 5),
        [("The experiences and progress of care leavers", "Requires improvement to be good")],
    )
    store(
        [
            _row(
                "Barnet",
                Framework.ILACS,
                date(2024, 6, 10),
                date(2024, 7, 25),  # two days out: the table's rounding
                judgements=[("Overall effectiveness", "Outstanding")],
            ),
            _row(
                "Staffordshire",
                Framework.ILACS,
                date(2023, 11, 6),
                date(2024, 1, 5),
                row=9,
                judgements=[("The experiences and progress of care leavers", "Good")],
            ),
        ]
    )
    result = reconcile()
    found = {(d.inspection.authority.slug, d.field): d.explanation for d in result.disagreements}
    assert found == {
        ("barnet", "publication date"): DATE_ROUNDING,
        ("barnet", "Overall effectiveness"): TO_CHECK,
        ("staffordshire", "Care leavers"): REPORT_STANDS,
    }
    out = StringIO()
    call_command("reconcile", stdout=out)
    text = out.getvalue()
    assert (
        "Barnet 2024-06-10 ILACS standard: Overall effectiveness: report 'good', table 'Outstanding'"
        in text
    )
    assert (
        "2 table readings of stored reports compared: 0 agree in every respect; 3 disagreements"
        in text
    )


def test_the_admin_page_lists_them(admin_client):
    _ilacs("barnet", date(2024, 6, 10), date(2024, 7, 23), [("Overall effectiveness", "Good")])
    store(
        [
            _row(
                "Barnet",
                Framework.ILACS,
                date(2024, 6, 10),
                date(2024, 7, 23),
                judgements=[("Overall effectiveness", "Inadequate")],
            )
        ]
    )
    page = admin_client.get("/admin/official/officialrecord/reconcile/")
    assert page.status_code == 200
    assert "1 table readings of stored reports compared: 0 agree" in page.content.decode()
    assert TO_CHECK in page.content.decode()
