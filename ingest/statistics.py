"""Planner statistics after bulk writes."""

from __future__ import annotations

from django.db import connection


def analyse_tables() -> None:
    """On PostgreSQL, refresh the planner's statistics after a bulk write (a dataset load,
    synthetic data): until autovacuum gets round to it, the planner believes the tables
    nearly empty and picks nested loops that take tens of milliseconds a page."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
