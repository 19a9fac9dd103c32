"""Publishing: only users with the publish permission can make an inspection public."""

from __future__ import annotations

import pytest

from inspections.models import Inspection

from .factories import (
    CHANGELIST_URL,
    K2006_TEXT,
    K2017_TEXT,
    admin_form_data,
    change_url,
    ingest_sample,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(db):
    return [ingest_sample(K2017_TEXT, publish=False), ingest_sample(K2006_TEXT, publish=False)]


def action(client, name, inspections):
    return client.post(
        CHANGELIST_URL,
        {"action": name, "_selected_action": [i.pk for i in inspections]},
        follow=True,
    )


def published_ids() -> set[int]:
    return set(Inspection.objects.published().values_list("pk", flat=True))


def test_command_line_and_sample_ingests_publish_immediately_unless_held(db):
    assert ingest_sample(K2017_TEXT).is_published
    assert not ingest_sample(K2006_TEXT, publish=False).is_published


def test_a_publisher_publishes_and_unpublishes_with_the_actions(publisher_client, drafts):
    response = action(publisher_client, "publish_selected", drafts)

    assert published_ids() == {i.pk for i in drafts}
    assert "Published 2 inspections" in response.content.decode()

    action(publisher_client, "unpublish_selected", drafts[:1])

    assert published_ids() == {drafts[1].pk}


def test_an_editor_without_the_permission_cannot_publish(editor_client, drafts):
    choices = editor_client.get(CHANGELIST_URL).context["action_form"].fields["action"].choices
    assert "publish_selected" not in {name for name, _ in choices}

    action(editor_client, "publish_selected", drafts)

    assert published_ids() == set()


def test_the_published_flag_on_the_change_form_needs_the_permission(
    client, editor, publisher, drafts
):
    inspection = drafts[0]
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(inspection)))
    assert "is_published" not in data  # shown read-only
    data["is_published"] = "on"
    assert client.post(change_url(inspection), data).status_code == 302
    assert published_ids() == set()

    client.force_login(publisher)
    data = admin_form_data(client.get(change_url(inspection)))
    data["is_published"] = "on"
    assert client.post(change_url(inspection), data).status_code == 302
    assert published_ids() == {inspection.pk}


def test_published_queryset_leaves_out_drafts(drafts):
    Inspection.objects.filter(pk=drafts[0].pk).update(is_published=True)

    assert list(Inspection.objects.published()) == [drafts[0]]
