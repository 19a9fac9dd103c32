"""A sync killed for real (SIGKILL, mid-run) and started again ends as one clean run does.

The command runs in its own process against a SQLite file, as cron or systemd would run it;
the copy of Ofsted's finder is served from this process.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import standard_providers
from .site import OfstedCopy

ROOT = Path(__file__).resolve().parents[2]


def run_sync(env: dict, database: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "sync_ofsted"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": f"sqlite:///{database}"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its parse workers die with it
    )


def stored(database: Path) -> dict:
    with sqlite3.connect(database) as connection:
        return {
            "inspections": sorted(
                connection.execute(
                    "select sha256, authority_id, framework, ofsted_url, published_on, "
                    "is_published from inspections_inspection"
                ).fetchall()
            ),
            "judgements": connection.execute(
                "select count(*) from inspections_judgement"
            ).fetchone(),
            "recommendations": connection.execute(
                "select count(*) from inspections_recommendation"
            ).fetchone(),
            "publications": sorted(
                connection.execute(
                    "select url, status, sha256, published_on from ofsted_publication"
                ).fetchall()
            ),
        }


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_sync_killed_midway_and_run_again_ends_as_one_clean_run(tmp_path):
    with OfstedCopy(standard_providers()) as copy:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SECRET_KEY": "kill-test-only",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "INGEST_LAYOUT_CACHE": "",
            "OFSTED_REPORTS_URL": copy.url,
            "OFSTED_FILES_URL": copy.files_url,
            "OFSTED_SYNC_CONTACT": "tests@example.invalid",
            "OFSTED_SYNC_LOCK": str(tmp_path / "sync.lock"),
            # Slow enough for the kill to land between files.
            "OFSTED_REQUEST_INTERVAL_SECONDS": "0.3",
        }
        base = tmp_path / "base.sqlite3"
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"],
            cwd=ROOT,
            env={**env, "DATABASE_URL": f"sqlite:///{base}"},
            check=True,
        )
        killed, clean = tmp_path / "killed.sqlite3", tmp_path / "clean.sqlite3"
        shutil.copy(base, killed)
        shutil.copy(base, clean)

        process = run_sync(env, killed)
        deadline = time.monotonic() + 60
        while len(copy.file_requests()) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert len(copy.file_requests()) >= 2
        partial = stored(killed)
        assert len(partial["inspections"]) < 4  # killed before the end

        copy.clear_log()
        resumed = run_sync(env, killed)
        output = resumed.communicate(timeout=120)[0].decode()
        assert resumed.returncode == 0, output
        # Files stored before the kill are not downloaded again.
        refetched = {r.path for r in copy.file_requests()}
        stored_urls = {row[3] for row in partial["inspections"]}
        assert not {url.rsplit("/", 1)[-1] for url in stored_urls} & {
            path.rsplit("/", 1)[-1] for path in refetched
        }

        once = run_sync(env, clean)
        output = once.communicate(timeout=120)[0].decode()
        assert once.returncode == 0, output

    assert stored(killed) == stored(clean)
    assert len(stored(clean)["inspections"]) == 4
    with sqlite3.connect(killed) as connection:
        statuses = [
            row[0] for row in connection.execute("select status from ofsted_syncrun order by id")
        ]
    # The killed run is closed as interrupted by the next.
    assert statuses == ["interrupted", "succeeded"]
