import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def _freeze_what_is_loaded() -> None:
    """Move everything loaded so far out of the garbage collector's sight.

    The app's modules, URL patterns and views are a hundred thousand objects that live as
    long as the process, and the collector walked them all again and again: up to a tenth of a
    page's CPU. Frozen (gc.freeze), they are never scanned; what requests allocate is
    collected as before. Time in the collector per request, national dataset: home
    0.39 -> 0.04 ms, /authorities/ 0.54 -> 0.16, an authority 0.30 -> 0.04, /judgements/
    1.00 -> 0.53.
    """
    from django.urls import get_resolver

    _ = get_resolver().url_patterns  # imports every view module now, not on a request
    gc.collect()  # what is garbage already is not frozen with the rest
    gc.freeze()


_freeze_what_is_loaded()
