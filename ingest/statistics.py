"""Planner statistics after bulk writes."""

from __future__ import annotations

from django.db import connection, models


def analyse_tables(*written: type[models.Model]) -> None:
    """On PostgreSQL, refresh the planner's statistics after a bulk write (a dataset load,
    synthetic data): until autovacuum gets round to it, the planner believes the tables
    nearly empty and picks nested loops that take tens of milliseconds a page.

    ``written``: the models whose tables changed (by default, every table)."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in written)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}" if tables else "ANALYZE")
