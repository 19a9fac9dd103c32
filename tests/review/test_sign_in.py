"""Signing in to the admin: wrong passwords are throttled (django-axes)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "right-horse-9")


def _try(client, password: str):
    return client.post(LOGIN, {"username": "boss", "password": password})


def test_repeated_wrong_passwords_lock_the_account_for_that_address(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, "wrong").status_code == 200  # the form again, with its error

    locked = _try(client, "wrong")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()

    # Even the right password is refused while the lock lasts.
    assert _try(client, "right-horse-9").status_code == 429
    assert "_auth_user_id" not in client.session


def test_thirty_fast_attempts_are_not_thirty_guesses(client, admin_user, settings):
    codes = [_try(client, f"guess-{n}").status_code for n in range(30)]
    assert codes.count(200) == settings.AXES_FAILURE_LIMIT - 1
    assert set(codes[settings.AXES_FAILURE_LIMIT - 1 :]) == {429}


def test_the_right_password_signs_in_and_clears_the_count(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        _try(client, "wrong")
    response = _try(client, "right-horse-9")
    assert response.status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, "wrong").status_code == 200


def test_another_address_is_not_locked_out(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(client, "wrong")
    response = client.post(
        LOGIN,
        {"username": "boss", "password": "right-horse-9"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302


def test_a_forged_forwarded_for_header_does_not_dodge_the_lock(client, admin_user, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "boss", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    assert _try(client, "right-horse-9").status_code == 429
