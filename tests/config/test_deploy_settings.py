"""An HTTPS deployment configured from the environment passes `check --deploy` cleanly."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

from tests.samples import REPO_ROOT


def _check_deploy(**environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "HTTPS",
            "SECURE_PROXY_SSL_HEADER",
            "SECURE_COOKIES",
            # Set by the browser tests for their live server; never in a deployment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="inspections.example.org",
        **environment,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_https_deployment_is_clean():
    completed = _check_deploy(HTTPS="1", SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


def test_plain_http_deployment_is_warned_about():
    completed = _check_deploy()
    assert completed.returncode != 0
    assert "security.W004" in completed.stderr + completed.stdout  # no HSTS
    assert "security.W008" in completed.stderr + completed.stdout  # no SSL redirect


def test_a_malformed_proxy_header_setting_is_refused():
    completed = _check_deploy(HTTPS="1", SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")
    assert completed.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must be 'HEADER,value'" in completed.stderr
