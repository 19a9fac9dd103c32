"""Ofsted's report finder read as data: the list of authorities and each one's publications.

Pure functions of a page's HTML (no Django, no network), so that a change in the site's
structure is caught here, named, and tested. What they rely on is what the scrapers local
authority data teams run daily rely on (``../shared/DOMAIN.md``, "Ofsted's report finder"):

- the providers search lists each authority as an ``<a>`` whose ``href`` contains
  ``/provider/`` and ends with its Ofsted URN;
- an authority's page lists each publication as an ``a.publication-link`` whose ``href`` is
  the file, holding a ``span.nonvisual`` "<kind> - <dd Month yyyy>, PDF".

A page that no longer has that structure raises :class:`StructureError` naming the page and
what was missing: the sync stops rather than read half a site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin

from bs4 import BeautifulSoup

# The providers search for local authority children's services (level 1 type 3, level 2
# type 12), as the scrapers query it; ``start`` and ``rows`` page through it.
SEARCH_PATH = "search?q=&location=&lat=&lon=&radius=&level_1_types=3&level_2_types%5B%5D=12"
ROWS_PER_PAGE = 100  # the most the site returns a page

_PROVIDER_HREF = re.compile(r"/provider/(?:\d+/)*(?P<urn>\d+)/?$")

# Kinds of publication the app reads (a children's services inspection report or a focused
# visit letter), as listed, lower-cased. Everything else on an authority's page (monitoring
# visit letters, JTAI letters, older documents) is recorded as a listed event, not read.
_READ_KINDS = (
    re.compile(r"\bchildren'?s services (?:inspection|focused visit)\b"),
    re.compile(r"\bsingle inspection of (?:the )?(?:la|local authority) children'?s services\b"),
)
# Kinds whose title also says "children's services inspection" but which the app does not
# read: a letter of these kinds would be refused by the parsers anyway.
_NOT_READ = re.compile(r"monitoring visit|joint targeted|area send|send inspection|jtai")


class StructureError(Exception):
    """A page of the finder no longer has the structure the sync relies on."""


@dataclass(frozen=True)
class ProviderLink:
    urn: str
    name: str  # as Ofsted lists it
    url: str  # absolute


@dataclass(frozen=True)
class ListedPublication:
    url: str  # the file's address, absolute
    listed_as: str  # the kind as Ofsted lists it: "Children's services inspection"
    published_on: date

    @property
    def is_read_kind(self) -> bool:
        return is_read_kind(self.listed_as)


def is_read_kind(listed_as: str) -> bool:
    text = _normalise(listed_as)
    return not _NOT_READ.search(text) and any(kind.search(text) for kind in _READ_KINDS)


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def search_url(base_url: str, start: int, rows: int = ROWS_PER_PAGE) -> str:
    return urljoin(base_url, f"{SEARCH_PATH}&start={start}&rows={rows}")


def read_search_page(html: str, page_url: str) -> tuple[list[ProviderLink], str | None]:
    """The providers one page of the search lists, and its ``li.next`` link if any.

    A page with no provider link at all is a structure error: the search always lists some.
    """
    soup = BeautifulSoup(html, "html.parser")
    providers: dict[str, ProviderLink] = {}
    for anchor in soup.find_all("a", href=True):
        href = anchor["href"].split("?")[0].split("#")[0]
        if "/provider/" not in href:
            continue
        match = _PROVIDER_HREF.search(href)
        if not match:
            continue
        name = " ".join(anchor.get_text(" ").split())
        if not name:
            raise StructureError(f"{page_url}: the provider link {href!r} has no name")
        providers.setdefault(
            match["urn"], ProviderLink(match["urn"], name, urljoin(page_url, href))
        )
    if not providers:
        raise StructureError(
            f"{page_url}: no provider links (an <a> whose href contains /provider/ and ends "
            "with the URN) on the providers search page"
        )
    following = soup.select_one("ul.pagination li.next a[href]")
    return list(providers.values()), urljoin(page_url, following["href"]) if following else None


def read_provider_page(html: str, page_url: str) -> list[ListedPublication]:
    """Every publication an authority's page lists, newest first as the page has them.

    Each ``a.publication-link`` must have an ``href`` and a ``span.nonvisual`` ending in
    " - <day> <Month> <year>"; one that has not is a structure error naming it.
    """
    soup = BeautifulSoup(html, "html.parser")
    publications = []
    for number, anchor in enumerate(soup.select("a.publication-link"), start=1):
        href = (anchor.get("href") or "").strip()
        if not href:
            raise StructureError(f"{page_url}: publication link {number} has no href")
        label = anchor.select_one("span.nonvisual")
        if label is None:
            raise StructureError(
                f"{page_url}: publication link {number} ({href}) has no span.nonvisual "
                "giving its kind and date"
            )
        text = " ".join(label.get_text(" ").split())
        listed_as, separator, when = text.rpartition(" - ")
        if not separator or not listed_as:
            raise StructureError(
                f"{page_url}: publication link {number} ({href}) says {text!r}, not "
                "'<kind> - <date>'"
            )
        published_on = _listing_date(when)
        if published_on is None:
            raise StructureError(
                f"{page_url}: publication link {number} ({href}): {when!r} is not a date "
                "like '07 July 2014'"
            )
        publications.append(ListedPublication(urljoin(page_url, href), listed_as, published_on))
    return publications


def _listing_date(text: str) -> date | None:
    # "07 July 2014, PDF": the file type follows the date.
    head = text.split(",")[0].strip()
    for pattern in ("%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(head, pattern).date()
        except ValueError:
            continue
    return None
