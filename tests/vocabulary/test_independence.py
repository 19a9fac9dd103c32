"""The vocabulary and every parser import with Django made unimportable: parsers are pure
functions of text, and the vocabulary sits below every layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError(f"{name} imported by a layer that must not know Django")

sys.meta_path.insert(0, NoDjango())
import vocabulary
import ingest.parsers as parsers
names = ["vocabulary", "ingest.parsers"]
for info in pkgutil.iter_modules(parsers.__path__):
    importlib.import_module(f"ingest.parsers.{info.name}")
    names.append(info.name)
assert not any(m == "django" or m.startswith("django.") for m in sys.modules)
print(" ".join(sorted(names)))
"""


def test_parsers_and_vocabulary_import_without_django():
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    imported = completed.stdout.split()
    for module in (
        "apa",
        "slac",
        "lac",
        "sif",
        "lscb",
        "ilacs",
        "common",
        "lists",
        "judgements",
        "base",
    ):
        assert module in imported


def test_a_layer_that_imports_django_is_caught():
    """The guard itself works: importing Django under it fails."""
    script = SCRIPT.replace("import vocabulary", "import django.db")
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode != 0
    assert "must not know Django" in completed.stderr
