"""Uploaded files (board papers, application attachments): checked, stored privately, served
only through views that check who is asking.

Files live under MEDIA_ROOT with random names, never at a public URL; the original name is
kept on the record for display and download. The type is checked from the file's first bytes,
not only from its name, so a renamed executable is refused.
"""

import os
import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.deconstruct import deconstructible

MAX_BYTES = 10 * 1024 * 1024  # 10 MB: board papers and supporting documents, not video

# Extension -> the bytes such a file starts with (None: text, checked as UTF-8 instead).
_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".csv": None,
    ".txt": None,
}
DOCUMENT_TYPES = tuple(_SIGNATURES)
# Programs renamed as documents: refused whatever the name says (ELF, Mach-O, scripts with a
# #! line; Windows programs start "MZ" and hold NUL bytes, checked below).
_EXECUTABLES = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"#!",
)


def check_upload(
    upload: UploadedFile, *, allowed: tuple[str, ...] = DOCUMENT_TYPES, max_bytes: int = MAX_BYTES
) -> None:
    """Raise ValidationError (with a message for the user) unless the file is acceptable."""
    name = os.path.basename(upload.name or "")
    ext = os.path.splitext(name)[1].lower()
    if ext not in allowed:
        kinds = ", ".join(e.lstrip(".").upper() for e in allowed)
        raise ValidationError(f"The selected file must be a {kinds}.")
    if upload.size == 0:
        raise ValidationError("The selected file is empty.")
    if upload.size > max_bytes:
        raise ValidationError(
            f"The selected file must be smaller than {max_bytes // (1024 * 1024)} MB."
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if head.startswith(_EXECUTABLES) or (head.startswith(b"MZ") and b"\x00" in head):
        raise ValidationError("The selected file is a program, not a document.")
    signatures = _SIGNATURES.get(ext)
    if signatures is None:
        if b"\x00" in head:  # text never holds NUL bytes; binaries do
            raise ValidationError(f"The selected file is not a {ext.lstrip('.').upper()} file.")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A cut in the middle of a multi-byte character at byte 2048 is still text.
            if exc.start < len(head) - 3:
                raise ValidationError(
                    f"The selected file is not a {ext.lstrip('.').upper()} file."
                ) from exc
    elif not head.startswith(signatures):
        raise ValidationError(f"The selected file is not a {ext.lstrip('.').upper()} file.")


@deconstructible
class PrivateUploadTo:
    """upload_to for a FileField: a random name under `folder`, keeping only the extension."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename):
        ext = os.path.splitext(filename)[1].lower()
        return f"private/{self.folder}/{uuid.uuid4().hex}{ext}"

    def __eq__(self, other):
        return isinstance(other, PrivateUploadTo) and other.folder == self.folder


def download_response(field_file, *, filename: str) -> FileResponse:
    """Serve a stored file as an attachment; the caller has already checked permission."""
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
