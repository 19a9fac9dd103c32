import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test stores uploaded report files in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
