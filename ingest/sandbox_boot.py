"""Imported once by :mod:`ingest.sandbox`'s fork server, never by the web process.

Setting Django up and importing pdfminer and the parsers here means every worker forked
from the server starts ready, in milliseconds rather than a third of a second. If set-up
fails here, workers try again themselves and report the real error.
"""

import os

try:
    import django
    from django.apps import apps

    if not apps.ready and os.environ.get("DJANGO_SETTINGS_MODULE"):
        django.setup()
        import ingest.load  # noqa: F401  (pdfminer and every parser)
except Exception:  # noqa: BLE001  (the fork server must start whatever happens)
    pass
