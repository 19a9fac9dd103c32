from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Tools for developers only (benchmark data): installed with DEBUG or in the tests,
    never in production, where ``manage.py generate_synthetic`` does not exist."""

    name = "devtools"
    verbose_name = "Developer tools"
