import pytest

from . import factories


@pytest.fixture
def merseyside(db):
    """Knowsley (six inspections 2006-2024), Liverpool (three) and St Helens (two)."""
    return factories.merseyside()
