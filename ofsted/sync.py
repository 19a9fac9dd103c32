"""``manage.py sync_ofsted``: read Ofsted's report finder and store what is new.

A run has two phases:

1. **Read the listing**: the providers search and every authority's page (conditional
   requests: an unchanged page costs a 304 and is read again from :class:`FetchedPage`).
   Every page is checked against the structure the sync relies on before anything is
   stored: a page that has changed stops the run (:class:`~ofsted.finder.StructureError`),
   naming the page and what is missing, with nothing stored. An authority whose page
   cannot be fetched is a failure of the run and is read again next run.
2. **Fetch what is new**: each listed file of a kind the app reads that is not stored yet
   (by Ofsted's address, then by SHA-256) is downloaded and goes through the one pipeline
   (:mod:`ingest.pipeline`) with its listing, as a draft unless it reads without a warning
   and ``OFSTED_PUBLISH_WITHOUT_WARNINGS`` is on. A file that replaces one already read
   (a new file for the same inspection, or the same address listed with a new date) is read
   with the re-parse rules: corrections kept, conflicts reported. Publications of other
   kinds are recorded as listed events. Each file is stored in its own transaction, and
   its :class:`Publication` records it, so a run stopped at any point and started again
   downloads nothing twice and ends where one clean run would.

Every run is a :class:`SyncRun` with an item per report stored, replaced, linked or failed.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from authorities.models import Authority
from ingest.load import Listing, Status, sha256_of
from ingest.pipeline import Options, Source, ingest_one
from inspections.models import Inspection
from vocabulary import PublishedSource

from .client import Client, ClientSettings, FetchError
from .finder import (
    ROWS_PER_PAGE,
    ListedPublication,
    ProviderLink,
    StructureError,
    read_provider_page,
    read_search_page,
    search_url,
)
from .models import FetchedPage, Publication, SyncItem, SyncRun

Outcome = SyncItem.Outcome


class SyncStopped(Exception):
    """The run stopped before fetching anything (the listing could not be read whole)."""


@dataclass(frozen=True)
class SyncOptions:
    # Ask again (conditionally) for every stored file, to catch one Ofsted replaced at the
    # same address without listing it with a new date.
    recheck_files: bool = False
    # Download again files the pipeline refused before (after adding an authority's name).
    retry_refused: bool = False
    publish_without_warnings: bool = False


def client_from_settings(**overrides) -> Client:
    contact = settings.OFSTED_SYNC_CONTACT
    config = ClientSettings(
        reports_url=settings.OFSTED_REPORTS_URL,
        files_url=settings.OFSTED_FILES_URL,
        user_agent=f"InspectionExplorer/1.0 (+{contact})",
        interval=settings.OFSTED_REQUEST_INTERVAL_SECONDS,
        timeout=settings.OFSTED_TIMEOUT_SECONDS,
        retries=settings.OFSTED_RETRIES,
        backoff=settings.OFSTED_RETRY_BACKOFF_SECONDS,
        max_bytes=settings.INGEST_MAX_UPLOAD_BYTES,
    )
    return Client(dataclasses.replace(config, **overrides))


def close_abandoned_runs() -> int:
    """Runs left "running" by a process that was killed: the caller holds the sync lock,
    so none of them is running now."""
    return SyncRun.objects.filter(status=SyncRun.Status.RUNNING).update(
        status=SyncRun.Status.INTERRUPTED,
        finished_at=timezone.now(),
        message="did not finish: the process was stopped or killed",
    )


class Sync:
    def __init__(
        self,
        client: Client,
        options: SyncOptions = SyncOptions(),
        out: Callable[[str], None] = lambda line: None,
    ):
        self.client = client
        self.options = options
        self.out = out
        self.run = SyncRun(site=client.config.reports_url)
        self._pages: dict[str, FetchedPage] = {}  # to save once the whole listing is read

    # -- the run ---------------------------------------------------------------------------

    def __call__(self) -> SyncRun:
        started = time.monotonic()
        self.run.save()
        try:
            listings, failures = self._read_listing()
            self._save_pages()
            for item in failures:
                self._record(item)
            self._fetch(listings)
        except (StructureError, SyncStopped) as error:
            self._finish(
                SyncRun.Status.STOPPED
                if isinstance(error, StructureError)
                else SyncRun.Status.FAILED,
                str(error),
            )
            self.out(f"stopped: {error}")
            return self.run
        except KeyboardInterrupt:
            self._finish(SyncRun.Status.INTERRUPTED, "interrupted; run it again to carry on")
            raise
        except BaseException as error:
            self._finish(
                SyncRun.Status.FAILED,
                f"an unexpected error stopped the run ({error.__class__.__name__}: {error})",
            )
            raise
        failed = self.run.reports_failed
        self._finish(
            SyncRun.Status.FAILED if failed else SyncRun.Status.SUCCEEDED,
            f"{failed} failure{'s' if failed != 1 else ''}: see the items below" if failed else "",
        )
        self.out(self.summary(time.monotonic() - started))
        return self.run

    def summary(self, seconds: float) -> str:
        run = self.run
        return (
            f"{run.pages_read} pages read ({run.pages_not_modified} not modified), "
            f"{run.requests_made} requests, {run.downloads} downloads; reports: "
            f"{run.reports_new} new, {run.reports_changed} changed, {run.reports_linked} "
            f"already stored, {run.reports_failed} failed; {run.events_new} new listed "
            f"events; {seconds:.1f} s"
        )

    def _finish(self, status: str, message: str) -> None:
        self.run.status = status
        self.run.message = message
        self.run.finished_at = timezone.now()
        self.run.requests_made = self.client.requests_made
        self.run.save()

    def _count(self, field: str) -> None:
        setattr(self.run, field, getattr(self.run, field) + 1)
        self.run.requests_made = self.client.requests_made
        self.run.save(update_fields=[field, "requests_made"])

    def _record(self, item: SyncItem) -> None:
        item.run = self.run
        item.save()
        field = {
            Outcome.NEW: "reports_new",
            Outcome.CHANGED: "reports_changed",
            Outcome.LINKED: "reports_linked",
            Outcome.FAILED: "reports_failed",
            Outcome.LISTED: "events_new",
        }[item.outcome]
        self._count(field)
        who = f"{item.authority.name}: " if item.authority else ""
        what = f"{item.listed_as} - {item.published_on:%d %B %Y}: " if item.published_on else ""
        self.out(f"{item.outcome}: {who}{what}{item.message}")

    # -- phase 1: the listing ---------------------------------------------------------------

    def _read_listing(
        self,
    ) -> tuple[list[tuple[Authority, ListedPublication]], list[SyncItem]]:
        providers = self._providers()
        listings: list[tuple[Authority, ListedPublication]] = []
        failures: list[SyncItem] = []
        listed_authorities: set[int] = set()
        for provider in providers:
            authority = _authority_for(provider)
            if authority is not None:
                listed_authorities.add(authority.pk)
            if authority is None:
                failures.append(
                    SyncItem(
                        outcome=Outcome.FAILED,
                        url=provider.url,
                        message=f"{provider.url}: Ofsted lists {provider.name!r} (URN "
                        f"{provider.urn}), which is not a known authority: add its URN or "
                        "name under Authorities in the admin",
                    )
                )
                continue
            try:
                html = self._page(provider.url)
            except FetchError as error:
                failures.append(
                    SyncItem(
                        outcome=Outcome.FAILED,
                        authority=authority,
                        url=provider.url,
                        message=f"its page was not read ({error}); read again next run",
                    )
                )
                continue
            publications = read_provider_page(html, provider.url)
            if not publications and _has_history(authority):
                raise StructureError(
                    f"{provider.url}: no a.publication-link on {authority.name}'s page, "
                    "where publications were listed before"
                )
            listings.extend((authority, publication) for publication in publications)
        failures.extend(self._gone_from_the_list(listed_authorities))
        # A page that lists one file twice (a file under two kinds) is read once.
        unique = {publication.url: (authority, publication) for authority, publication in listings}
        return list(unique.values()), failures

    def _gone_from_the_list(self, listed: set[int]) -> list[SyncItem]:
        """Authorities the previous run found whose provider the search no longer lists: a
        failure of this run (once), so that a search quietly listing fewer is noticed."""
        previous = (
            SyncRun.objects.filter(status__in=[SyncRun.Status.SUCCEEDED, SyncRun.Status.FAILED])
            .exclude(pk=self.run.pk)
            .first()
        )
        if previous is None:
            return []
        seen = (
            Publication.objects.filter(last_seen_at__gte=previous.started_at)
            .exclude(authority_id__in=listed)
            .values_list("authority_id", flat=True)
            .distinct()
        )
        return [
            SyncItem(
                outcome=Outcome.FAILED,
                authority=authority,
                url=authority.ofsted_provider_url,
                message="no longer in Ofsted's list of providers (it was in the previous run): "
                "its publications were not checked",
            )
            for authority in Authority.objects.filter(pk__in=list(seen)).order_by("name")
        ]

    def _providers(self) -> list[ProviderLink]:
        """Every provider of the search, page after page: the next page is asked for while
        a page is full or links to a next one (``li.next``), until one adds nobody new."""
        providers: dict[str, ProviderLink] = {}
        url = search_url(self.client.config.reports_url, 0)
        start = 0
        while True:
            try:
                html = self._page(url)
            except FetchError as error:
                raise SyncStopped(f"the list of authorities could not be read: {error}") from None
            links, following = read_search_page(html, url)
            new = [link for link in links if link.urn not in providers]
            providers.update((link.urn, link) for link in new)
            if not new or (len(links) < ROWS_PER_PAGE and following is None):
                return list(providers.values())
            start += len(links)
            url = following or search_url(self.client.config.reports_url, start)

    def _page(self, url: str) -> str:
        cached = FetchedPage.objects.filter(url=url).first()
        fetched = self.client.get(
            url,
            etag=cached.etag if cached else "",
            last_modified=cached.last_modified if cached else "",
        )
        self.run.pages_read += 1
        if fetched.not_modified and cached is not None:
            self.run.pages_not_modified += 1
            return cached.body
        html = fetched.body.decode("utf-8", errors="replace")
        page = cached or FetchedPage(url=url)
        page.etag, page.last_modified, page.body = fetched.etag, fetched.last_modified, html
        page.fetched_at = timezone.now()
        self._pages[url] = page
        return html

    def _save_pages(self) -> None:
        """Kept only once the whole listing has been read and checked."""
        with transaction.atomic():
            for page in self._pages.values():
                page.save()
            self.run.requests_made = self.client.requests_made
            self.run.save()

    # -- phase 2: the files -----------------------------------------------------------------

    def _fetch(self, listings: list[tuple[Authority, ListedPublication]]) -> None:
        known = {publication.url: publication for publication in Publication.objects.all()}
        by_url = dict(Inspection.objects.exclude(ofsted_url="").values_list("ofsted_url", "id"))
        now = timezone.now()
        for authority, listed in listings:
            publication = known.get(listed.url)
            item = self._one(authority, listed, publication, by_url)
            if item is not None:
                self._record(item)
            elif publication is not None:
                Publication.objects.filter(pk=publication.pk).update(last_seen_at=now)

    def _one(
        self,
        authority: Authority,
        listed: ListedPublication,
        publication: Publication | None,
        by_url: dict[str, int],
    ) -> SyncItem | None:
        item = SyncItem(
            authority=authority,
            url=listed.url,
            listed_as=listed.listed_as,
            published_on=listed.published_on,
        )
        if not listed.is_read_kind:
            if publication is not None:
                if (publication.listed_as, publication.published_on) != (
                    listed.listed_as,
                    listed.published_on,
                ):
                    publication.listed_as = listed.listed_as
                    publication.published_on = listed.published_on
                    publication.save()
                return None
            self._save_publication(
                authority,
                listed,
                status=Publication.Status.LISTED,
                reason="a kind the app does not read",
            )
            item.outcome = Outcome.LISTED
            item.message = "recorded as a listed event"
            return item

        relisted = publication is not None and publication.published_on != listed.published_on
        if publication is not None and not relisted and not self.options.recheck_files:
            if publication.status == Publication.Status.STORED and publication.inspection_id:
                return None
            if publication.status == Publication.Status.REFUSED and not self.options.retry_refused:
                return None  # refused before, for the reason it holds; its bytes are the same

        inspection_id = by_url.get(listed.url)
        if inspection_id is not None and not relisted and not self.options.recheck_files:
            # Stored already with this address (the national dataset, or a run killed after
            # storing the file and before recording it): nothing to download. The file's
            # SHA-256 is the stored inspection's, as if the run had recorded it.
            self._save_publication(
                authority,
                listed,
                status=Publication.Status.STORED,
                inspection_id=inspection_id,
                sha256=Inspection.objects.filter(pk=inspection_id)
                .values_list("sha256", flat=True)
                .first()
                or "",
            )
            item.outcome = Outcome.LINKED
            item.inspection_id = inspection_id
            item.message = "stored already with this address"
            return item

        conditional = (
            publication is not None
            and publication.sha256
            and not (
                publication.status == Publication.Status.REFUSED and self.options.retry_refused
            )
        )
        try:
            fetched = self.client.get(
                listed.url,
                etag=publication.etag if conditional else "",
                last_modified=publication.last_modified if conditional else "",
            )
        except FetchError as error:
            return self._failed(authority, listed, item, str(error))
        self.run.downloads += int(not fetched.not_modified)
        if fetched.not_modified:
            assert publication is not None
            publication.published_on = listed.published_on
            publication.listed_as = listed.listed_as
            publication.save()
            return None
        data = fetched.body
        truncated = _truncated(data)
        if truncated:
            return self._failed(authority, listed, item, f"{listed.url}: {truncated}")
        sha256 = sha256_of(data)
        # Whatever becomes of it, the publication records the file as downloaded.
        save_publication = partial(
            self._save_publication,
            authority,
            listed,
            sha256=sha256,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
        )

        same_file = Inspection.objects.filter(sha256=sha256).first()
        if same_file is not None:
            _fill_listing(same_file, listed)
            by_url[listed.url] = same_file.pk
            save_publication(status=Publication.Status.STORED, inspection_id=same_file.pk)
            if publication is not None and publication.sha256 == sha256:
                return None  # asked again (--recheck-files): the same bytes
            item.outcome = Outcome.LINKED
            item.inspection = same_file
            item.message = f"the same file as {same_file} (#{same_file.pk}): Ofsted's address kept"
            return item

        result = ingest_one(
            Source(
                name=_file_name(authority, listed, data),
                read=lambda: data,
                listing=Listing(published_on=listed.published_on, url=listed.url),
                size=len(data),
                may_change=False,
            ),
            # A new file for an inspection already stored is Ofsted's correction of it: it is
            # read with the re-parse rules (corrections kept, conflicts reported).
            Options(replace=True, publish=False),
        )
        if result.failed:
            save_publication(status=Publication.Status.REFUSED, reason=result.reason)
            item.outcome = Outcome.FAILED
            item.message = f"not read: {result.reason}"
            return item
        inspection = result.inspection
        assert inspection is not None
        by_url[listed.url] = inspection.pk
        if (
            result.status == Status.CREATED
            and self.options.publish_without_warnings
            and not inspection.parse_warnings
        ):
            inspection.is_published = True
            inspection.save(update_fields=["is_published", "updated_at"])
        save_publication(status=Publication.Status.STORED, inspection_id=inspection.pk)
        item.inspection = inspection
        if result.status == Status.CREATED:
            item.outcome = Outcome.NEW
            state = "published" if inspection.is_published else "a draft for review"
            item.message = f"{result.message} ({state})"
        elif result.status == Status.REPLACED:
            item.outcome = Outcome.CHANGED
            item.message = result.message + "".join(
                f"; conflict: {conflict}" for conflict in result.conflicts
            )
        else:
            item.outcome = Outcome.LINKED
            item.message = result.message
        return item

    def _failed(
        self, authority: Authority, listed: ListedPublication, item: SyncItem, reason: str
    ) -> SyncItem:
        self._save_publication(
            authority, listed, status=Publication.Status.FAILED, reason=reason, keep_file=True
        )
        item.outcome = Outcome.FAILED
        item.message = f"{reason}; tried again next run"
        return item

    def _save_publication(
        self,
        authority: Authority,
        listed: ListedPublication,
        *,
        status: str,
        reason: str = "",
        inspection_id: int | None = None,
        sha256: str = "",
        etag: str = "",
        last_modified: str = "",
        keep_file: bool = False,
    ) -> None:
        publication = Publication.objects.filter(url=listed.url).first() or Publication(
            url=listed.url
        )
        publication.authority = authority
        publication.listed_as = listed.listed_as
        publication.published_on = listed.published_on
        publication.is_read_kind = listed.is_read_kind
        publication.status = status
        publication.reason = reason
        publication.last_seen_at = timezone.now()
        if not keep_file:
            # A failed download keeps what is known of the file it failed to replace.
            publication.inspection_id = inspection_id
            publication.sha256 = sha256
            publication.etag = etag
            publication.last_modified = last_modified
        publication.save()


def _authority_for(provider: ProviderLink) -> Authority | None:
    by_urn = Authority.objects.filter(ofsted_urn=provider.urn).order_by("is_former", "id").first()
    if by_urn is not None:
        return by_urn
    try:
        return Authority.objects.resolve(provider.name)
    except LookupError:
        return None


def _has_history(authority: Authority) -> bool:
    return (
        Publication.objects.filter(authority=authority).exists()
        or Inspection.objects.filter(authority=authority).exists()
    )


def _truncated(data: bytes) -> str:
    """Why a PDF is cut short, or "": a PDF ends with its %%EOF marker."""
    if b"%PDF-" in data[:1024] and b"%%EOF" not in data[-2048:]:
        return (
            f"the file ends ({len(data):,} bytes) before the PDF's end marker (%%EOF): "
            "a truncated download"
        )
    return ""


def _file_name(authority: Authority, listed: ListedPublication, data: bytes) -> str:
    """The name messages and the stored file give it; Ofsted's addresses have none."""
    suffix = ".pdf" if b"%PDF-" in data[:1024] else ".txt"
    stem = slugify(f"{authority.slug} {listed.published_on.isoformat()} {listed.listed_as}")
    return f"{stem}{suffix}"


def _fill_listing(inspection: Inspection, listed: ListedPublication) -> None:
    """A file already stored (from the national dataset, or an upload) gains Ofsted's
    address, and the listing's date where its report prints none."""
    fields = []
    if not inspection.ofsted_url:
        inspection.ofsted_url = listed.url
        fields.append("ofsted_url")
    if inspection.published_on is None:
        inspection.published_on = listed.published_on
        inspection.published_on_source = PublishedSource.LISTING
        fields += ["published_on", "published_on_source"]
    if fields:
        inspection.save(update_fields=[*fields, "updated_at"])
