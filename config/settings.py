"""Settings for Inspection Explorer.

Everything that differs between a laptop and production comes from the environment:
``DATABASE_URL`` (PostgreSQL in production; a SQLite file when unset), ``SECRET_KEY``,
``DEBUG`` and ``ALLOWED_HOSTS``.
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        # Local runs only; with DEBUG off the app refuses to start without a real key.
        SECRET_KEY = "insecure-local-development-key-not-for-production"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for local use."
        )

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "axes",
    "authorities",
    "inspections",
    "ingest",
    "review",
    "ofsted",
    "official",
]
# Benchmark data generation (manage.py generate_synthetic) is for local runs and tests only.
if DEBUG or env_bool("DEVTOOLS"):
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "inspections.middleware.RejectNulCharacters",
    "inspections.middleware.DatabaseUnavailable",
    "inspections.middleware.PublicPageCache",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inspections.middleware.ContentSecurityPolicy",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES. A
# maintained library rather than our own: it records attempts in the database (so every
# web worker sees them), resets on success and ships admin views to lift a lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Where the client's address is read: REMOTE_ADDR unless a trusted proxy sets a header
# (e.g. AXES_IP_HEADERS="HTTP_X_FORWARDED_FOR,REMOTE_ADDR"); trusting a header no proxy
# sets would let anyone choose their address and dodge the lockout.
AXES_IPWARE_META_PRECEDENCE_ORDER = [
    header.strip()
    for header in os.environ.get("AXES_IP_HEADERS", "REMOTE_ADDR").split(",")
    if header.strip()
]

# Where signing in lands when ?next= is missing or refused (another site's address): the
# admin, not Django's default /accounts/profile/, which is no page here.
LOGIN_REDIRECT_URL = "admin:index"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Django's form renderer, with <select> lists and inputs written in Python (the same HTML,
# a fraction of the time: the filter forms list every authority).
FORM_RENDERER = "inspections.form_renderer.QuickWidgets"

WSGI_APPLICATION = "config.wsgi.application"

DEFAULT_SQLITE_PATH = BASE_DIR / "var" / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request reuses it: after a database
        # restart the first request gets a new connection instead of a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if "DATABASE_URL" not in os.environ:
        DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets the web process read while an ingest writes.
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL;")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PUBLIC_PAGE_CACHE = env_bool("PUBLIC_PAGE_CACHE", True)
# "pages": whole public pages under the data version (inspections.middleware.PublicPageCache),
# one cache per web process.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "3000"))},
    },
}

# Whole exports (/judgements.csv, .json, .xlsx... without a filter), built once per data
# version and shared by every web worker (inspections.export_store). Empty turns it off.
EXPORT_CACHE_DIR = (
    Path(os.environ.get("EXPORT_CACHE_DIR", BASE_DIR / "var" / "export-cache"))
    if os.environ.get("EXPORT_CACHE_DIR", "x")
    else None
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# The site is in English only. Without the translation machinery every number and date a
# template prints skips a look-up of the active language (thread-local, per value: a tenth
# of a long page's time); formats are still en-gb's (LANGUAGE_CODE).
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Hashed, compressed file names (cached for a year by browsers) need `collectstatic` to have
# written STATIC_ROOT. Until it has, the files are served where they are, unhashed
# (config/storage.py), rather than every page being a 500.
STATIC_COLLECTED = (STATIC_ROOT / "staticfiles.json").exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "config.storage.StaticFilesStorage"
            if not DEBUG and env_bool("STATIC_MANIFEST", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or not STATIC_COLLECTED
if not STATIC_COLLECTED:
    # Until then WhiteNoise warns, in every worker it starts, that STATIC_ROOT does not
    # exist: nothing to act on, the files being served from their folders meanwhile.
    warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "media/"

# Ingest limits: uploads larger than this are refused before parsing; a parse that
# takes longer than the timeout is stopped (hostile or pathological PDFs).
INGEST_MAX_UPLOAD_BYTES = int(os.environ.get("INGEST_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
INGEST_PARSE_TIMEOUT_SECONDS = float(os.environ.get("INGEST_PARSE_TIMEOUT_SECONDS", "120"))
# The most one upload request may carry, checked while it streams in (with the per-file
# limit above) by ingest.upload_handlers.LimitedUploadHandler.
INGEST_MAX_REQUEST_BYTES = int(os.environ.get("INGEST_MAX_REQUEST_BYTES", 100 * 1024 * 1024))
FILE_UPLOAD_HANDLERS = [
    "ingest.upload_handlers.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Address space a parse worker may use: a PDF built to exhaust memory fails on its own.
INGEST_PARSE_MEMORY_BYTES = int(os.environ.get("INGEST_PARSE_MEMORY_BYTES", 2 * 1024**3))
# All the reading one admin upload may do, below the web server's request timeout (the
# Dockerfile runs gunicorn with --timeout 180): later files are refused saying so.
INGEST_UPLOAD_DEADLINE_SECONDS = float(os.environ.get("INGEST_UPLOAD_DEADLINE_SECONDS", "150"))
# Files the admin upload parses side by side (each in its own worker process).
INGEST_PARALLEL_PARSES = int(os.environ.get("INGEST_PARALLEL_PARSES", "2"))

# Layout text extracted from PDFs, kept by the file's SHA-256 so that re-reading a report
# after a parser change does not extract it again. Empty turns the cache off.
INGEST_LAYOUT_CACHE = (
    Path(os.environ.get("INGEST_LAYOUT_CACHE", BASE_DIR / "var" / "layout-cache"))
    if os.environ.get("INGEST_LAYOUT_CACHE", "x")
    else None
)

# Served over HTTPS (HTTPS=1): redirect plain HTTP, send HSTS, mark cookies secure. Behind a
# proxy that ends TLS, say which header carries the original scheme, e.g.
# SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https".
HTTPS = env_bool("HTTPS", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    header, _, value = os.environ["SECURE_PROXY_SSL_HEADER"].partition(",")
    if not value:
        raise ImproperlyConfigured(
            "SECURE_PROXY_SSL_HEADER must be 'HEADER,value', e.g. 'HTTP_X_FORWARDED_PROTO,https'"
        )
    SECURE_PROXY_SSL_HEADER = (header.strip(), value.strip())

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Keeping up with Ofsted (manage.py sync_ofsted). The site's address is a setting so that
# a copy can stand in (tests, trials); Ofsted's files site likewise.
OFSTED_REPORTS_URL = os.environ.get("OFSTED_REPORTS_URL", "https://reports.ofsted.gov.uk/")
OFSTED_FILES_URL = os.environ.get("OFSTED_FILES_URL", "https://files.ofsted.gov.uk/")
# Sent in the User-Agent so that Ofsted can reach whoever runs the sync; required to run it.
OFSTED_SYNC_CONTACT = os.environ.get("OFSTED_SYNC_CONTACT", "")
OFSTED_REQUEST_INTERVAL_SECONDS = float(os.environ.get("OFSTED_REQUEST_INTERVAL_SECONDS", "1"))
OFSTED_TIMEOUT_SECONDS = float(os.environ.get("OFSTED_TIMEOUT_SECONDS", "30"))
OFSTED_RETRIES = int(os.environ.get("OFSTED_RETRIES", "3"))
OFSTED_RETRY_BACKOFF_SECONDS = float(os.environ.get("OFSTED_RETRY_BACKOFF_SECONDS", "2"))
# New reports are drafts for review; on, those read without a warning are published at once.
OFSTED_PUBLISH_WITHOUT_WARNINGS = env_bool("OFSTED_PUBLISH_WITHOUT_WARNINGS", False)
# One sync at a time: a second run started while one is going refuses to start.
OFSTED_SYNC_LOCK = Path(os.environ.get("OFSTED_SYNC_LOCK", BASE_DIR / "var" / "ofsted-sync.lock"))
