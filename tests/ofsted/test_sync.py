from __future__ import annotations

import pytest
from django.core.management import call_command

from inspections.models import Inspection
from ofsted.models import SyncRun

pytestmark = pytest.mark.django_db


def sync(**options) -> str:
    from io import StringIO

    out = StringIO()
    call_command("sync_ofsted", stdout=out, **options)
    return out.getvalue()


def test_first_sync_stores_every_report_as_a_draft_with_its_listing(ofsted_copy):
    output = sync()
    print(output)
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.SUCCEEDED
    assert Inspection.objects.count() == 4
