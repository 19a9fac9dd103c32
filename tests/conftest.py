import pytest


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test rolls the database back, data version included: cached pages must go too
    (and the outlines of lists, inspections.paging, kept in the default cache)."""
    from django.core.cache import caches

    from inspections import england

    for alias in ("pages", "default"):
        caches[alias].clear()
    england.forget()
    yield
    for alias in ("pages", "default"):
        caches[alias].clear()
    england.forget()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test stores uploaded report files in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests flush every table afterwards, the migrated reference data too:
    load it again when it is missing."""
    from authorities.models import Authority, AuthorityName, StatisticalNeighbour
    from authorities.reference import load_reference_data

    if not Authority.objects.exists():
        load_reference_data(Authority, AuthorityName, StatisticalNeighbour)
