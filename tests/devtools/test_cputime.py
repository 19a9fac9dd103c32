"""The benchmarks' CPU accounting counts workers a fork server started, as ingest's are."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from devtools.cputime import children_cpu, run_measured

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

# A command shaped like ``manage.py ingest``: the work is done by a worker that
# multiprocessing's fork server forks (and reaps); the command never waits for the fork
# server. The worker prints the CPU seconds it used itself.
COMMAND = textwrap.dedent(
    """
    import multiprocessing, time

    def burn(queue):
        while time.process_time() < 0.6:
            pass
        queue.put(time.process_time())

    if __name__ == "__main__":
        context = multiprocessing.get_context("forkserver")
        queue = context.Queue()
        worker = context.Process(target=burn, args=(queue,))
        worker.start()
        print(queue.get())
        worker.join()
    """
)


@pytest.fixture
def command(tmp_path):
    script = tmp_path / "command.py"
    script.write_text(COMMAND)
    return [sys.executable, str(script)]


def test_the_cpu_of_a_fork_servers_workers_is_counted(command):
    measured = run_measured(command, capture_output=True, text=True, check=True)

    worker_cpu = float(measured.completed.stdout)
    assert worker_cpu >= 0.6
    assert measured.every_process
    assert measured.cpu >= worker_cpu
    assert "all processes" in measured.describe()


def test_waiting_for_the_command_alone_misses_them(command):
    # What the benchmarks did before: the command's rusage, read once it was waited for.
    before = children_cpu()
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    assert children_cpu() - before < float(completed.stdout) / 2


def test_children_of_the_caller_that_are_not_the_commands_are_left_alone(command):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        measured = run_measured(command, capture_output=True, text=True, check=True)
        assert measured.every_process and measured.wall < 20
        assert other.poll() is None  # still running, and still the caller's to wait for
    finally:
        other.kill()
        other.wait()
