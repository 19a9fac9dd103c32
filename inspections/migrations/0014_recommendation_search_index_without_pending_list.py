"""The recommendations' search index without GIN's pending list (PostgreSQL).

With ``fastupdate`` on (PostgreSQL's default) new entries wait in a list that every search
reads through, unsorted, until a VACUUM (not a plain ANALYZE) merges them: after a dataset
load, every recommendation sat there and a search matched by scanning the table, 3 to 5 ms
of PostgreSQL's time where the merged index takes 0.2 to 0.9 (``care``, ``supervision``).
Recommendations are written a report at a time, a few dozen rows, so putting each straight
into the index costs the writes little and keeps every search, the first after a data
change included, on the merged index. The list already pending is merged here.
"""

from django.db import migrations

INDEX = "recommendation_search_document"  # migration 0013


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER INDEX {INDEX} SET (fastupdate = off)")
    # Turning the list off does not merge what it holds already.
    schema_editor.execute(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER INDEX {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("inspections", "0013_recommendation_search_document")]

    operations = [migrations.RunPython(forward, backward)]
