"""Reading the finder's pages, and the client's manners, without a server."""

from __future__ import annotations

from datetime import date

import pytest

from ofsted.client import Client, ClientSettings, FetchError, Throttle
from ofsted.finder import (
    StructureError,
    is_read_kind,
    read_provider_page,
    read_search_page,
    search_url,
)

from .site import Listed, OfstedCopy, Provider

PAGE = "https://reports.ofsted.gov.uk/provider/44/80486"


def test_search_page_lists_providers_by_urn_and_finds_the_next_page():
    copy = OfstedCopy([Provider(str(80000 + n), f"Authority {n}") for n in range(150)])
    providers, following = read_search_page(copy.search_page(0, 100), "https://r.example/search")
    assert len(providers) == 100
    assert providers[0].urn == "80000" and providers[0].name == "Authority 0"
    assert providers[0].url == "https://r.example/provider/44/80000"
    assert following and "start=100" in following
    last, following = read_search_page(copy.search_page(100, 100), "https://r.example/search")
    assert len(last) == 50 and following is None


def test_search_url_pages_through_local_authority_childrens_services():
    url = search_url("https://reports.ofsted.gov.uk/", 100)
    assert url.startswith("https://reports.ofsted.gov.uk/search?q=&location=")
    assert "level_1_types=3&level_2_types%5B%5D=12&start=100&rows=100" in url


def test_provider_page_publications_with_kind_and_date():
    copy = OfstedCopy()
    html = copy.provider_page(
        Provider(
            "80486",
            "Barking and Dagenham",
            [
                Listed("50066870", "Children\u2019s services inspection", "01 April 2019"),
                Listed("50004273", "Monitoring visit", "7 July 2014"),
            ],
        )
    )
    first, second = read_provider_page(html, PAGE)
    assert first.url == "https://files.ofsted.gov.uk/v1/file/50066870"
    assert first.published_on == date(2019, 4, 1)
    assert first.is_read_kind
    assert second.published_on == date(2014, 7, 7)
    assert not second.is_read_kind


@pytest.mark.parametrize(
    "listed_as, read",
    [
        ("Children's services inspection", True),
        ("Children's services focused visit", True),
        ("Single inspection of LA children's services", True),
        ("Monitoring visit", False),
        ("Children's services monitoring visit", False),
        ("Joint targeted area inspection", False),
        ("Area SEND inspection", False),
    ],
)
def test_kinds_the_app_reads(listed_as, read):
    assert is_read_kind(listed_as) is read


@pytest.mark.parametrize(
    "html, missing",
    [
        (
            '<a class="publication-link">x<span class="nonvisual">A - 01 May 2020</span></a>',
            "no href",
        ),
        ('<a class="publication-link" href="/f/1">Report</a>', "span.nonvisual"),
        (
            '<a class="publication-link" href="/f/1"><span class="nonvisual">Report, PDF</span></a>',
            "'<kind> - <date>'",
        ),
        (
            '<a class="publication-link" href="/f/1"><span class="nonvisual">Report - May 2020</span></a>',
            "is not a date",
        ),
    ],
)
def test_a_publication_link_without_the_expected_structure_is_named(html, missing):
    with pytest.raises(StructureError) as error:
        read_provider_page(f"<html><body>{html}</body></html>", PAGE)
    assert PAGE in str(error.value) and missing in str(error.value)


def test_throttle_keeps_requests_a_second_apart():
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    throttle = Throttle(1.0, clock=lambda: now[0], sleep=sleep)
    throttle.wait()
    now[0] += 0.25
    throttle.wait()
    now[0] += 3
    throttle.wait()
    assert slept == [0.75]


def test_the_client_never_contacts_another_site():
    client = Client(
        ClientSettings(
            reports_url="http://127.0.0.1:9/",
            files_url="http://127.0.0.1:9/files/",
            user_agent="test",
            interval=0,
        )
    )
    with pytest.raises(FetchError, match="neither of the configured sites"):
        client.get("https://reports.ofsted.gov.uk/provider/44/80486")
    assert client.requests_made == 0
    # Ofsted's files site is read from the copy standing in for it.
    assert (
        client.download_url("https://files.ofsted.gov.uk/v1/file/1")
        == "http://127.0.0.1:9/files/v1/file/1"
    )
