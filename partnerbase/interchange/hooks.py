"""What the specifications name by text, found: models, services and the hooks in
export/ and importer/ (spec/ is pure Python, so it names them rather than importing them)."""

from functools import cache
from importlib import import_module

from django.apps import apps


@cache
def model(label: str):
    """ "directory.Organisation" -> the model."""
    return apps.get_model(label)


@cache
def service(name: str):
    """ "directory.services:organisation_create" -> the function, in partnerbase's apps."""
    module, function = name.split(":")
    return getattr(import_module(f"partnerbase.{module}"), function)


@cache
def hook(package: str, name: str):
    """("export", "funding:grant_details") -> the function in interchange/export/funding.py."""
    module, function = name.split(":")
    return getattr(import_module(f"partnerbase.interchange.{package}.{module}"), function)
