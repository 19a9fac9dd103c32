"""Users, sample files and database snapshots for the admin tests."""

from __future__ import annotations

import os
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from authorities.models import Authority, AuthorityName
from ingest.load import ingest_bytes
from inspections.models import Inspection, Judgement, Recommendation
from tests.samples import REPO_ROOT, sample_path

K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"
K2010_TEXT = "text/knowsley-2010-safeguarding-and-looked-after-children.txt"
K2006_TEXT = "text/knowsley-2006-annual-performance-assessment.txt"
K2006_PDF = "pdf/knowsley-2006-annual-performance-assessment.pdf"
K2017_ORIGINAL = "pdf-original/knowsley-2017-sif-reinspection.pdf"
HTML_AS_PDF = REPO_ROOT / "tests" / "fixtures" / "bad_input" / "birmingham-2012-not-a-pdf.pdf"

UPLOAD_URL = "/admin/inspections/inspection/upload/"
CHANGELIST_URL = "/admin/inspections/inspection/"


def change_url(inspection: Inspection) -> str:
    return f"/admin/inspections/inspection/{inspection.pk}/change/"


def make_user(username: str, *permissions: str, staff: bool = True, superuser: bool = False):
    """A user with ``permissions`` given as "app_label.codename"."""
    user = get_user_model().objects.create_user(
        username=username, password="pw-for-tests", is_staff=staff, is_superuser=superuser
    )
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def read_sample(relative: str) -> bytes:
    return sample_path(relative).read_bytes()


def upload_file(name: str, data: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def sample_upload(relative: str):
    path = sample_path(relative)
    kind = "text/plain" if path.suffix == ".txt" else "application/pdf"
    return upload_file(path.name, path.read_bytes(), kind)


def ingest_sample(relative: str, **options) -> Inspection:
    """Store a sample report as the ``ingest`` command would."""
    result = ingest_bytes(read_sample(relative), sample_path(relative).name, **options)
    assert result.inspection is not None, result.message
    return result.inspection


def atlantis_report() -> bytes:
    """The Knowsley 2017 report, about an authority the reference data does not know."""
    return read_sample(K2017_TEXT).decode("utf-8").replace("Knowsley", "Atlantis").encode()


def db_snapshot() -> dict[str, int]:
    """Row counts of everything an upload could touch, and the files stored."""
    return {
        "inspections": Inspection.objects.count(),
        "judgements": Judgement.objects.count(),
        "recommendations": Recommendation.objects.count(),
        "authorities": Authority.objects.count(),
        "authority names": AuthorityName.objects.count(),
        "files": len(stored_files()),
    }


def stored_files() -> list[str]:
    root = default_storage.location
    return sorted(os.path.join(d, f) for d, _, files in os.walk(root) for f in files)


def admin_form_data(response) -> dict[str, object]:
    """The POST data a browser would send for an admin change form, as it was rendered.

    Walks the main form and every inline formset (with its management form), so a test
    can change one value and submit the rest unchanged.
    """
    data: dict[str, object] = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    for form in forms:
        for bound in form:
            if bound.field.disabled:
                continue
            value = bound.value()
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
                continue
            data[bound.html_name] = _as_post_value(value)
    return data


def _as_post_value(value) -> object:
    if value is None:
        return ""
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return [str(item) for item in value]
    return str(value)


def inline_prefix(data: dict[str, object], model_name: str) -> str:
    """The form prefix of the inline for ``model_name`` ("judgements", "recommendations")."""
    for key in data:
        if key.endswith("-TOTAL_FORMS") and key.startswith(model_name):
            return key.removesuffix("-TOTAL_FORMS")
    raise KeyError(model_name)


def row_index(data: dict[str, object], prefix: str, row_id: int) -> int:
    """Index of the inline form holding the row with primary key ``row_id``."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for index in range(total):
        if str(data.get(f"{prefix}-{index}-id")) == str(row_id):
            return index
    raise KeyError(row_id)
