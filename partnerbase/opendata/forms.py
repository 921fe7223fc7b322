"""The 360Giving import page's form: a funder's file, checked for its type and size here and
for its grants by the task."""

from django import forms
from django.conf import settings

from partnerbase.core.uploads import check_upload


class GrantsImportForm(forms.Form):
    file = forms.FileField(
        label="360Giving file",
        help_text="A data package (.json) or a one-sheet spreadsheet saved as CSV (.csv), with "
        "360Giving's column titles.",
        error_messages={"required": "Choose a 360Giving file to import"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(
            upload, allowed=(".json", ".csv"), max_bytes=settings.IMPORT_MAX_MB * 1024 * 1024
        )
        return upload
