from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """The admin workflow: upload reports, review what was read, correct it, publish it.

    It depends on the pipeline (ingest) and the models (inspections); neither depends on it.
    """

    name = "review"
    verbose_name = "Review and publishing"
