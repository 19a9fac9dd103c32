"""The admin's "Upload report" form: one or several files, and whether to publish them."""

from __future__ import annotations

from django import forms
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat

from ingest.extract import SUPPORTED_SUFFIXES
from ingest.load import Listing
from ingest.upload import max_upload_bytes
from inspections.models import WEB_SCHEMES

MAX_FILES_PER_UPLOAD = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files and cleans to a list of them.

    Empty files are let through on purpose: each file's problems are reported on the result
    page beside the others' outcomes, not as a form error that loses the whole upload.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ",".join((*SUPPORTED_SUFFIXES, "application/pdf"))}),
        )
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, list | tuple):
            if not data:
                # No file chosen: a form error, not an empty result page.
                if self.required:
                    raise forms.ValidationError(self.error_messages["required"], code="required")
                return []
            return [clean_one(item, initial) for item in data]
        return [clean_one(data, initial)]


class UploadReportsForm(forms.Form):
    files = MultipleFileField(label="Report files")
    published_on = forms.DateField(
        required=False,
        label="Publication date in Ofsted's listing",
        help_text="Optional, YYYY-MM-DD. ILACS reports print no publication date: give the "
        "date Ofsted's listing shows. A date printed in the report is used instead where there "
        "is one. Applies to every file of this upload.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ofsted_url = forms.URLField(
        required=False,
        label="Address of the report on Ofsted's site",
        help_text="Optional; public pages link to it. Applies to every file of this upload.",
        assume_scheme="https",
        validators=[URLValidator(schemes=list(WEB_SCHEMES))],
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish at once",
        help_text="Leave unticked to hold new inspections as drafts, hidden from the public "
        "pages and CSV exports until you publish them after review.",
    )

    def __init__(self, *args, can_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = (
            f"One or several Ofsted reports, as PDF (or .txt), up to {MAX_FILES_PER_UPLOAD} "
            f"files of at most {filesizeformat(max_upload_bytes())} each."
        )
        if not can_publish:
            del self.fields["publish"]

    def clean_files(self):
        files = [uploaded for uploaded in self.cleaned_data["files"] if uploaded]
        if len(files) > MAX_FILES_PER_UPLOAD:
            raise forms.ValidationError(
                f"Upload at most {MAX_FILES_PER_UPLOAD} files at a time (you chose {len(files)})."
            )
        return files

    def listing(self) -> Listing:
        return Listing(
            published_on=self.cleaned_data.get("published_on"),
            url=self.cleaned_data.get("ofsted_url") or "",
        )
