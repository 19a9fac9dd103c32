"""python manage.py create_editor_group: the "Report editors" group."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from inspections.models import Inspection

from .factories import K2017_TEXT, UPLOAD_URL, make_user, sample_upload

pytestmark = pytest.mark.django_db


def test_creates_the_group_and_gives_a_user_upload_and_publish_rights(client):
    user = make_user("newcomer", staff=False)

    call_command("create_editor_group", "--user", "newcomer")

    user.refresh_from_db()
    group = Group.objects.get(name="Report editors")
    assert user.is_staff and group in user.groups.all()
    for permission in (
        "inspections.upload_report",
        "inspections.publish_inspection",
        "inspections.change_judgement",
        "authorities.add_authorityname",
    ):
        assert user.has_perm(permission), permission
    assert not user.has_perm("auth.change_user")
    client.force_login(user)
    client.post(UPLOAD_URL, {"files": [sample_upload(K2017_TEXT)], "publish": "on"})
    assert Inspection.objects.get().is_published


def test_running_it_again_changes_nothing():
    call_command("create_editor_group")
    first = set(Group.objects.get(name="Report editors").permissions.values_list("pk", flat=True))

    call_command("create_editor_group")

    assert Group.objects.filter(name="Report editors").count() == 1
    assert set(Group.objects.get().permissions.values_list("pk", flat=True)) == first


def test_an_unknown_user_is_an_error():
    with pytest.raises(CommandError, match="no user 'ghost'"):
        call_command("create_editor_group", "--user", "ghost")
