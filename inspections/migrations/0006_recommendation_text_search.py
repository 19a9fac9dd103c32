"""A GIN index for full-text search of recommendations, on PostgreSQL only (SQLite searches
without one; see inspections/search.py)."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

INDEX_NAME = "recommendation_text_search"


def _index():
    from inspections.search import search_vector

    return GinIndex(search_vector("text"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("inspections", "Recommendation"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("inspections", "Recommendation"), _index())


class Migration(migrations.Migration):
    dependencies = [("inspections", "0005_provenance")]

    operations = [migrations.RunPython(add_index, remove_index)]
