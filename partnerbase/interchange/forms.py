"""The import page's form: an interchange file and, if wanted, a new slug for it."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from partnerbase.core.uploads import check_upload
from partnerbase.programmes.models import Programme
from partnerbase.setup.forms import RESERVED_SLUGS


class ProgrammeImportForm(forms.Form):
    file = forms.FileField(
        label="Interchange file",
        help_text="A .json file written by Export the programme or partnerbase export.",
        error_messages={"required": "Choose an interchange file to import"},
    )
    slug = forms.SlugField(
        label="Short name for the new programme's web addresses",
        max_length=80,
        required=False,
        help_text="Leave it empty to keep the file's own. Lower-case letters, numbers and "
        "hyphens, like iep-copy; it cannot be changed later.",
        error_messages={
            "invalid": "Use only lower-case letters, numbers and hyphens in the short name"
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, allowed=(".json",), max_bytes=settings.IMPORT_MAX_MB * 1024 * 1024)
        return upload

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if slug in RESERVED_SLUGS:
            raise ValidationError(f"“{slug}” is kept for a page: choose another short name")
        if slug and Programme.objects.filter(slug=slug).exists():
            raise ValidationError("A programme already has that short name: choose another")
        return slug
