"""What keeps cached public pages fresh: a version number bumped by every change.

Every save or delete of a model a public page reads (inspections and their rows,
authorities, their names and neighbours) bumps :class:`~inspections.models.DataVersion`
when its transaction commits. Bulk writes that send no signals call :func:`changed`.
A bulk load wraps its transaction's work in :func:`batch`: each bump is a write and a
commit of its own, and hundreds of them (one per saved row) cost a load more than its rows.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone


def today() -> date:
    """The day pages count "today" from (the site's time zone): "as at" defaults, "N days
    ago". Cached pages and ETags are kept under it too, so none outlives its day."""
    return timezone.localdate()


def current_version() -> str:
    """The version and the time it changed: a database restored to an older state, whose
    number may come round again, does not meet pages cached from the newer one."""
    from .models import DataVersion

    row = DataVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return f"{row[0]}.{row[1].timestamp():.6f}" if row else "0"


def bump() -> None:
    from .models import DataVersion

    updated = DataVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not updated:
        DataVersion.objects.get_or_create(pk=1, defaults={"version": 2})


_batches = threading.local()


def changed() -> None:
    """Something public pages show changed: bump the version when the transaction commits
    (once for a whole :func:`batch`)."""
    pending = getattr(_batches, "pending", None)
    if pending is not None:
        if not pending:
            pending.append(True)
        return
    transaction.on_commit(bump)


@contextmanager
def batch() -> Iterator[None]:
    """Changes made inside bump the version once, when the transaction they are in commits.

    Use it inside that transaction's ``atomic`` block: if the block fails, nothing was
    changed and nothing is bumped.
    """
    if getattr(_batches, "pending", None) is not None:
        yield  # already in a batch: the outermost one bumps
        return
    _batches.pending = pending = []
    try:
        yield
    finally:
        _batches.pending = None
    if pending:
        transaction.on_commit(bump)


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    changed()


def connect() -> None:
    """Bump the version on every change of what public pages show (called once, at start)."""
    from authorities.models import Authority, AuthorityName, StatisticalNeighbour

    from .models import DeletedRow, Inspection, Judgement, Recommendation

    for model in (
        Inspection,
        Judgement,
        Recommendation,
        DeletedRow,
        Authority,
        AuthorityName,
        StatisticalNeighbour,
    ):
        post_save.connect(_changed, sender=model, dispatch_uid=f"freshness-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"freshness-delete-{model.__name__}"
        )
