from django.apps import AppConfig


class AuthoritiesConfig(AppConfig):
    verbose_name = "Local authorities"
    name = "authorities"
