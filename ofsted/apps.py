from django.apps import AppConfig


class OfstedConfig(AppConfig):
    """Keeping up with Ofsted: the sync of its report finder, its runs, the publications it
    lists (read or not), and what is new.

    It depends on the pipeline (``ingest``) and the models (``inspections``); the timeline
    reads its listed events.
    """

    name = "ofsted"
    verbose_name = "Ofsted sync"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from inspections.freshness import _changed

        from .models import Publication

        # Listed events show on public timelines: a change must refresh cached pages.
        post_save.connect(_changed, sender=Publication, dispatch_uid="freshness-save-publication")
        post_delete.connect(
            _changed, sender=Publication, dispatch_uid="freshness-delete-publication"
        )
