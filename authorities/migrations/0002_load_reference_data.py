from django.db import migrations


def load(apps, schema_editor):
    from authorities.reference import load_reference_data

    load_reference_data(
        apps.get_model("authorities", "Authority"),
        apps.get_model("authorities", "AuthorityName"),
        apps.get_model("authorities", "StatisticalNeighbour"),
    )


class Migration(migrations.Migration):
    dependencies = [("authorities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
