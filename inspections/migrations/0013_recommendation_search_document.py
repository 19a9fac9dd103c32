"""A stored search document for each recommendation, so that ranking a search reads it
instead of tokenising every matching text again.

On PostgreSQL the column is filled by a trigger on every insert and every change of the
text, whatever writes it (the loader's bulk inserts, the admin, a re-parse, the dataset
load, a raw UPDATE), and served by a GIN index that replaces migration 0006's index on the
expression. SQLite has no text search: the column stays empty there (inspections/search.py).
The lead may renumber this migration at merge; it depends on nothing added alongside it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

OLD_INDEX = "recommendation_text_search"  # migration 0006: an index on to_tsvector(text)
INDEX = GinIndex(fields=["search_document"], name="recommendation_search_document")
TABLE = "inspections_recommendation"
FUNCTION = "inspections_recommendation_search_document"
TRIGGER = "recommendation_search_document"
# The same document as inspections.search.search_vector("text"): config and COALESCE.
DOCUMENT = "to_tsvector('english'::regconfig, COALESCE({text}, ''))"

FORWARD = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := {DOCUMENT.format(text="NEW.text")};
    RETURN NEW;
END
$$;
CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF text, search_document ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();
UPDATE {TABLE} SET search_document = {DOCUMENT.format(text="text")};
"""
BACKWARD = f"""
DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE};
DROP FUNCTION IF EXISTS {FUNCTION}();
"""


def _old_index():
    from inspections.search import search_vector

    return GinIndex(search_vector("text"), name=OLD_INDEX)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("inspections", "Recommendation")
    schema_editor.execute(FORWARD)
    schema_editor.remove_index(model, _old_index())
    schema_editor.add_index(model, INDEX)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("inspections", "Recommendation")
    schema_editor.remove_index(model, INDEX)
    schema_editor.add_index(model, _old_index())
    schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0012_recommendation_national_framework")]

    operations = [
        migrations.AddField(
            model_name="recommendation",
            name="search_document",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forward, backward),
    ]
