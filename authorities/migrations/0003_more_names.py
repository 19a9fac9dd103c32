"""Names printed on 2019-2023 ILACS covers ("East Riding", "Newcastle", "Tameside
metropolitan borough") and rules that read them: add the names and recompute every
stored name's keys with the current rules."""

from django.db import migrations


def reload(apps, schema_editor):
    from authorities.names import core_key, light_key
    from authorities.reference import load_reference_data

    AuthorityName = apps.get_model("authorities", "AuthorityName")
    for name in AuthorityName.objects.all():
        name.light_key, name.core_key = light_key(name.name), core_key(name.name)
        name.save(update_fields=["light_key", "core_key"])
    load_reference_data(
        apps.get_model("authorities", "Authority"),
        AuthorityName,
        apps.get_model("authorities", "StatisticalNeighbour"),
    )


class Migration(migrations.Migration):
    dependencies = [("authorities", "0002_load_reference_data")]

    operations = [migrations.RunPython(reload, migrations.RunPython.noop)]
