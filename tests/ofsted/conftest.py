from __future__ import annotations

from pathlib import Path

import pytest

from .site import Listed, OfstedCopy, Provider

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SAMPLES = ROOT / "sample_data" / "reports"


def fixture_bytes(name: str) -> bytes:
    for folder in (CORPUS, SAMPLES / "text", SAMPLES / "pdf"):
        if (folder / name).exists():
            return (folder / name).read_bytes()
    raise FileNotFoundError(name)


KNOWSLEY_VISIT = "knowsley-2018-11-22-children-s-services-focused-visit.txt"
KNOWSLEY_2017 = "knowsley-2017-services-for-children-reinspection.txt"
CAMDEN_VISIT = "camden-2023-12-05-children-s-services-focused-visit.txt"
KENT_ILACS = "kent-2022-07-05-children-s-services-inspection.txt"
KNOWSLEY_APA_PDF = "knowsley-2006-annual-performance-assessment.pdf"


def standard_providers() -> list[Provider]:
    """Three authorities as Ofsted lists them, newest publication first; real reports."""
    return [
        Provider(
            "80479",
            "Knowsley",
            [
                Listed(
                    "60000003",
                    "Children's services focused visit",
                    "22 November 2018",
                    fixture_bytes(KNOWSLEY_VISIT),
                ),
                Listed("60000002", "Monitoring visit", "10 May 2018"),
                Listed(
                    "60000001",
                    "Children's services inspection",
                    "28 June 2017",
                    fixture_bytes(KNOWSLEY_2017),
                ),
            ],
        ),
        Provider(
            "80491",
            "Camden",
            [
                Listed(
                    "60000011",
                    "Children's services focused visit",
                    "05 December 2023",
                    fixture_bytes(CAMDEN_VISIT),
                )
            ],
        ),
        Provider(
            "80476",
            "Kent",
            [
                Listed(
                    "60000021",
                    "Children's services inspection",
                    "05 July 2022",
                    fixture_bytes(KENT_ILACS),
                ),
                Listed("60000022", "Joint targeted area inspection letter", "01 March 2022"),
            ],
        ),
    ]


@pytest.fixture
def ofsted_copy(settings):
    with OfstedCopy(standard_providers()) as copy:
        settings.OFSTED_REPORTS_URL = copy.url
        settings.OFSTED_FILES_URL = copy.files_url
        settings.OFSTED_REQUEST_INTERVAL_SECONDS = 0
        settings.OFSTED_TIMEOUT_SECONDS = 2
        settings.OFSTED_RETRIES = 1
        settings.OFSTED_RETRY_BACKOFF_SECONDS = 0
        yield copy
