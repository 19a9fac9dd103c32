"""python manage.py create_editor_group [--user NAME ...]: the "Report editors" group.

Report editors may upload and re-parse reports, correct judgements and recommendations,
publish inspections and teach the app authority names, and nothing else (they cannot
manage users). Safe to run again: the group's permissions are set to exactly this list.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

GROUP_NAME = "Report editors"

# (app label, codename)
EDITOR_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("inspections", "view_inspection"),
    ("inspections", "change_inspection"),
    ("inspections", "upload_report"),
    ("inspections", "publish_inspection"),
    ("inspections", "view_judgement"),
    ("inspections", "add_judgement"),
    ("inspections", "change_judgement"),
    ("inspections", "delete_judgement"),
    ("inspections", "view_recommendation"),
    ("inspections", "add_recommendation"),
    ("inspections", "change_recommendation"),
    ("inspections", "delete_recommendation"),
    ("authorities", "view_authority"),
    ("authorities", "add_authority"),
    ("authorities", "change_authority"),
    ("authorities", "view_authorityname"),
    ("authorities", "add_authorityname"),
    ("authorities", "change_authorityname"),
    ("authorities", "delete_authorityname"),
    ("authorities", "view_statisticalneighbour"),
    ("authorities", "add_statisticalneighbour"),
    ("authorities", "change_statisticalneighbour"),
    ("authorities", "delete_statisticalneighbour"),
)


def editor_group(name: str = GROUP_NAME) -> Group:
    """Create or update the editors' group with exactly :data:`EDITOR_PERMISSIONS`."""
    for label in ("inspections", "authorities"):
        # Permissions are normally created after migrate; make sure they exist now.
        create_permissions(apps.get_app_config(label), verbosity=0)
    group, _ = Group.objects.get_or_create(name=name)
    permissions = []
    for app_label, codename in EDITOR_PERMISSIONS:
        try:
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        except Permission.DoesNotExist as error:
            raise CommandError(
                f"permission {app_label}.{codename} does not exist: run migrate first"
            ) from error
    group.permissions.set(permissions)
    return group


class Command(BaseCommand):
    help = (
        "Create or update the 'Report editors' group (upload, correct, publish reports; edit "
        "authority names) and optionally add staff users to it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--user",
            action="append",
            default=[],
            metavar="USERNAME",
            help="add this existing user to the group and give them admin access (repeatable)",
        )
        parser.add_argument(
            "--name", default=GROUP_NAME, help=f"group name (default {GROUP_NAME!r})"
        )

    def handle(self, *args, **options):
        group = editor_group(options["name"])
        self.stdout.write(f"Group '{group.name}' has {group.permissions.count()} permissions.")
        User = get_user_model()
        for username in options["user"]:
            try:
                user = User.objects.get(**{User.USERNAME_FIELD: username})
            except User.DoesNotExist as error:
                raise CommandError(
                    f"no user '{username}': create it first (python manage.py createsuperuser "
                    "makes an administrator; the admin's Users page makes others)"
                ) from error
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f"Added {username} to '{group.name}' (staff access on).")
