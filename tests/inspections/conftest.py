import pytest

from . import factories


@pytest.fixture
def merseyside(db):
    """Knowsley (six inspections 2006-2024), Liverpool (three) and St Helens (two)."""
    return factories.merseyside()


@pytest.fixture
def clock(monkeypatch):
    """Moves Django's clock (``timezone.now``) to a day of the test's choosing."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    class Clock:
        def set(self, day, hour: int = 12) -> None:
            moment = datetime.combine(day, time(hour), tzinfo=ZoneInfo("Europe/London"))
            monkeypatch.setattr(timezone, "now", lambda: moment)

    return Clock()
