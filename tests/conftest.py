import pytest


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test rolls the database back, data version included: cached pages must go too."""
    from django.core.cache import caches

    from inspections import england

    caches["pages"].clear()
    england.forget()
    yield
    caches["pages"].clear()
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
