import pytest

from .factories import make_user

EDITOR_PERMISSIONS = (
    "inspections.view_inspection",
    "inspections.change_inspection",
    "inspections.upload_report",
    "inspections.view_judgement",
    "inspections.add_judgement",
    "inspections.change_judgement",
    "inspections.delete_judgement",
    "inspections.view_recommendation",
    "inspections.add_recommendation",
    "inspections.change_recommendation",
    "inspections.delete_recommendation",
)


@pytest.fixture
def editor(db):
    """Staff who may upload and correct reports, but not publish them."""
    return make_user("editor", *EDITOR_PERMISSIONS)


@pytest.fixture
def publisher(db):
    """Staff who may also publish."""
    return make_user("publisher", *EDITOR_PERMISSIONS, "inspections.publish_inspection")


@pytest.fixture
def viewer(db):
    """Staff who may look at inspections but not upload, edit or publish."""
    return make_user("viewer", "inspections.view_inspection", "inspections.view_judgement")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client
