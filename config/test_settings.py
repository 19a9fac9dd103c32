"""Settings for the test suite: the real settings, with a throwaway key and fast hashing."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("STATIC_MANIFEST", "0")

from .settings import *  # noqa: E402,F403

if "devtools" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS.append("devtools")  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="inspection-explorer-media-"))  # noqa: F405

# Serve static files from the source folders (no collectstatic in tests); autorefresh also
# stops WhiteNoise warning, on every request, that STATIC_ROOT has not been collected.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test reads its files afresh; tests of the cache pass their own folder.
INGEST_LAYOUT_CACHE = None

# Tests of the export store pass their own folder (a test's data never commits, so its
# data version would not change between the rows it makes).
EXPORT_CACHE_DIR = None

# Tests look at each response's context; tests/inspections/test_page_cache.py turns the cache on.
PUBLIC_PAGE_CACHE = False

# No test may reach Ofsted: the sync's tests serve a copy from 127.0.0.1 and say where.
OFSTED_REPORTS_URL = "http://127.0.0.1:9/"
OFSTED_FILES_URL = "http://127.0.0.1:9/files/"
OFSTED_SYNC_CONTACT = "tests@example.invalid"
OFSTED_SYNC_LOCK = Path(tempfile.mkdtemp(prefix="inspection-explorer-sync-")) / "sync.lock"  # noqa: F405
