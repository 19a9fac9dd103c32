"""The ingest command reads every file under the same limits as an upload: no hang, no
runaway memory, no worker left running when the command dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from inspections.models import Inspection
from tests.samples import REPO_ROOT


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def self_referring_contents() -> bytes:
    """A page whose /Contents is an object that refers to itself: pdfminer loops forever."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"4 0 R",
        ]
    )


def deflate_bomb(inflated_bytes: int) -> bytes:
    """A page whose content stream inflates to ``inflated_bytes`` of spaces."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(inflated_bytes >> 20)]
    stream = b"".join(parts) + compressor.flush()
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
        ]
    )


def _ingest(*args) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out)
    except SystemExit as exit_:
        return out.getvalue(), exit_.code
    return out.getvalue(), 0


@pytest.mark.django_db
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pdf_that_never_finishes_is_stopped_at_the_time_limit(tmp_path, settings, jobs):
    settings.INGEST_PARSE_TIMEOUT_SECONDS = 2
    (tmp_path / "loop.pdf").write_bytes(self_referring_contents())
    assert len((tmp_path / "loop.pdf").read_bytes()) < 500

    started = time.perf_counter()
    output, code = _ingest(tmp_path / "loop.pdf", "--jobs", jobs)

    assert time.perf_counter() - started < 30
    assert code == 1
    assert "loop.pdf: failed: this file could not be read within 2 seconds" in output
    assert Inspection.objects.count() == 0


@pytest.mark.django_db
def test_a_deflate_bomb_is_stopped_by_the_memory_or_time_limit(tmp_path, settings):
    settings.INGEST_PARSE_TIMEOUT_SECONDS = 20
    settings.INGEST_PARSE_MEMORY_BYTES = 700 * 1024**2
    (tmp_path / "bomb.pdf").write_bytes(deflate_bomb(1100 * 1024**2))

    started = time.perf_counter()
    output, code = _ingest(tmp_path / "bomb.pdf")

    assert time.perf_counter() - started < 60
    assert code == 1
    assert "bomb.pdf: failed: " in output
    assert any(
        words in output
        for words in ("more memory than allowed", "could not be read within 20 seconds")
    ), output


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, settings):
    settings.INGEST_MAX_UPLOAD_BYTES = 1000
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4\n" + b" " * 5000)
    output, code = _ingest(tmp_path / "big.pdf")
    assert code == 1
    assert (
        "big.pdf: failed: the file is 4.9\xa0KB, larger than the limit of 1000\xa0bytes" in output
    )


def _children(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_killing_the_command_stops_its_workers(tmp_path):
    for number in (1, 2):
        (tmp_path / f"loop{number}.pdf").write_bytes(self_referring_contents())
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "INGEST_LAYOUT_CACHE": "",
        "INGEST_PARSE_TIMEOUT_SECONDS": "300",
    }
    command = subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(tmp_path), "--jobs", "2"],
        cwd=REPO_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 3:  # a fork server and 2 workers
            time.sleep(0.2)
            workers = _running(_children(command.pid))
        assert len(workers) >= 3, "the command did not start its workers"

        os.kill(command.pid, signal.SIGKILL)
        command.wait(10)

        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and _running(workers):
            time.sleep(0.2)
        assert _running(workers) == set()
    finally:
        if command.poll() is None:
            command.kill()
        # Once the command is gone its workers belong to init: kill them by the pids seen.
        for pid in _running(workers | _children(command.pid)):
            os.kill(pid, signal.SIGKILL)
