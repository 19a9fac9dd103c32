from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit as exit_:
        pytest.fail(
            f"makemigrations --check found model changes without a migration:\n{out.getvalue()}"
        )
        raise exit_


def test_rows_stored_before_parsed_keys_get_the_key_their_parse_gives(reference_data):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from ingest.corrections import row_keys

    before = [("inspections", "0003_outcomes_area")]
    after = [("inspections", "0004_deleted_rows_and_parsed_keys")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        apps = executor.loader.project_state(before).apps
        authority = apps.get_model("authorities", "Authority").objects.get(slug="knowsley")
        inspection = apps.get_model("inspections", "Inspection").objects.create(
            authority=authority,
            framework="sif",
            title="t",
            start_date="2017-01-01",
            end_date="2017-01-02",
            sha256="x" * 64,
            parser_version="sif-1",
        )
        judgement = apps.get_model("inspections", "Judgement")
        rows = [("Summary", "Overall"), ("Summary", "overall"), ("Other", "Adoption")]
        for order, (section, label) in enumerate(rows, start=1):
            judgement.objects.create(
                inspection=inspection, section=section, label=label, order=order
            )
        judgement.objects.create(
            inspection=inspection,
            section="Other",
            label="Edited",
            order=9,
            edited_at="2026-01-01T00:00Z",
        )

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        apps = executor.loader.project_state(after).apps
        stored = apps.get_model("inspections", "Judgement").objects.order_by("order")
        keys = list(stored.values_list("parsed_key", flat=True))
        assert keys == [*row_keys(rows), ""]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
