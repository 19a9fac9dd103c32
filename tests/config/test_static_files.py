"""Production settings (DEBUG off) serve the site's static files before and after
`collectstatic`: unhashed until it has run, hashed and long-cached once it has."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

from tests.samples import REPO_ROOT

# Renders a page's static address and fetches it through the middleware, as a browser would.
PROBE = """
import django
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("css/site.css")
response = Client().get(url)
print(url, response.status_code, response.get("Cache-Control", ""))
"""


def _probe(static_root, *manage: str) -> tuple[list[str], str]:
    # The test settings turn the manifest off in this process's environment.
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "STATIC_MANIFEST"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        STATIC_ROOT=str(static_root),
        ALLOWED_HOSTS="testserver",
    )
    for command in manage:
        subprocess.run(
            [sys.executable, "manage.py", command, "--no-input", "-v0"],
            cwd=REPO_ROOT,
            env=env,
            check=True,
        )
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.split(maxsplit=2), completed.stderr


def test_static_files_are_served_before_collectstatic_has_run(tmp_path):
    (url, status, *_), errors = _probe(tmp_path / "never-collected")
    assert url == "/static/css/site.css"
    assert status == "200"
    # No warning that the folder collectstatic writes is missing: nothing is wrong.
    assert "No directory at" not in errors


def test_after_collectstatic_names_are_hashed_and_cached_for_long(tmp_path):
    (url, status, cache_control), _ = _probe(tmp_path / "collected", "collectstatic")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"
    assert status == "200"
    assert "immutable" in cache_control
