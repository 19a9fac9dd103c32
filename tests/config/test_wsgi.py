"""Loading the web app (as gunicorn does) leaves what it loaded out of the garbage
collector's sight: every request paid for walking it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.samples import REPO_ROOT

PROBE = """
import gc
import config.wsgi
frozen = gc.get_freeze_count()
import inspections.views  # loaded with the URL patterns, so among the frozen
tracked = len(gc.get_objects())
print(frozen, tracked)
"""


def test_the_loaded_app_is_frozen_out_of_the_collectors_walks():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1"}
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    frozen, tracked = map(int, completed.stdout.split())
    # The app's modules and views are tens of thousands of objects, all frozen; what
    # the collector still tracks is a small remainder.
    assert frozen > 20_000
    assert tracked < frozen / 2
