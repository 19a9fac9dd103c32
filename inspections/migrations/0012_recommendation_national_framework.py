from django.db import migrations, models

import inspections.models


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0011_official_statistics_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="recommendation",
            name="national_framework",
            field=models.CharField(
                blank=True,
                help_text='As printed with it, e.g. "outcome 4" or "enabler 2"; several are '
                'separated by "; " ("outcome 3; enabler 2"). Blank where none is printed.',
                max_length=100,
                validators=[inspections.models.validate_themes],
                verbose_name="national framework theme",
            ),
        ),
    ]
