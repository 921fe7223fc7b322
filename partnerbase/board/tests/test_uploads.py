"""core.uploads.check_upload: the type is checked from the content, not the name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerbase.board.samples import small_pdf
from partnerbase.core.uploads import check_upload

WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF_PROGRAM = b"\x7fELF\x02\x01\x01" + b"\x00" * 64


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    "name, content",
    [
        ("paper.pdf", small_pdf("Paper")),
        ("notes.txt", "Notes on the board: café, £20,000".encode()),
        ("figures.csv", b"organisation,amount\nUnLtd,80500\n"),
        ("MZ Notes.txt", b"MZ stands for the first two letters of a name\n"),
    ],
)
def test_documents_are_accepted(name, content):
    check_upload(upload(name, content))


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("setup.exe", WINDOWS_PROGRAM, "must be a PDF"),
        ("paper.pdf", WINDOWS_PROGRAM, "a program"),
        ("paper.txt", WINDOWS_PROGRAM, "a program"),
        ("paper.docx", WINDOWS_PROGRAM, "a program"),
        ("notes.txt", ELF_PROGRAM, "a program"),
        ("run.txt", b"#!/bin/sh\nrm -rf /\n", "a program"),
        ("paper.pdf", b"Just some text pretending to be a PDF", "is not a PDF file"),
        ("picture.png", small_pdf("Not a picture"), "is not a PNG file"),
        ("data.csv", b"a,b\n\x00\x01\x02", "is not a CSV file"),
        ("notes.txt", b"\xff\xfe\xfa binary", "is not a TXT file"),
        ("empty.pdf", b"", "is empty"),
        ("page.html", b"<html></html>", "must be a PDF"),
        ("noextension", b"%PDF-1.4", "must be a PDF"),
    ],
)
def test_files_that_are_not_documents_are_refused(name, content, message):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))
    assert message in refused.value.messages[0]


def test_a_file_over_the_limit_is_refused():
    big = small_pdf("Big") + b"%" * 2048
    check_upload(upload("big.pdf", big), max_bytes=len(big))  # at the limit: fine
    with pytest.raises(ValidationError, match="smaller than"):
        check_upload(upload("big.pdf", big), max_bytes=len(big) - 1)
