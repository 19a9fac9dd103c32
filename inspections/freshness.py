"""What keeps cached public pages fresh: a version number bumped by every change.

Every save or delete of a model a public page reads (inspections and their rows,
authorities, their names and neighbours) bumps :class:`~inspections.models.DataVersion`
when its transaction commits. Bulk writes that send no signals happen only inside a load,
which saves its inspection in the same transaction, so they bump it too.
"""

from __future__ import annotations

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


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    transaction.on_commit(bump)


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
