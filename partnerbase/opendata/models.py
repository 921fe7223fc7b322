"""360Giving fields a funding award has no column for, kept so grants export (and
imported files round-trip) with everything the standard describes."""

import csv
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel

CODELISTS = Path(__file__).parent / "data" / "360giving" / "codelists"


@cache
def codelist(name: str) -> frozenset[str]:
    with (CODELISTS / f"{name}.csv").open(encoding="utf-8") as f:
        return frozenset(row["Code"] for row in csv.DictReader(f))


def _list_of_objects(value, field: str) -> None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValidationError({field: "Give a list of objects, as the 360Giving standard does."})


class GrantDetails(DomainModel):
    """The 360Giving side of one grant or prize in the funding ledger."""

    award = models.OneToOneField(
        "funding.FundingAward", on_delete=models.CASCADE, related_name="grant_details"
    )
    # The 360G- grant id the award was imported with; exported unchanged.
    original_id = models.CharField(max_length=300, blank=True, db_index=True)
    # Organisation identifiers exactly as the file published them (they may be 360G-… ids,
    # which the directory's org-id identifiers cannot hold).
    recipient_org_id = models.CharField(max_length=300, blank=True)
    funding_org_id = models.CharField(max_length=300, blank=True)
    # Other recipient / funder fields as published: name at the time, charityNumber,
    # companyNumber, postalCode, organisationType…
    recipient_fields = models.JSONField(default=dict, blank=True)
    funder_fields = models.JSONField(default=dict, blank=True)
    # Each {"name", "geoCode", "geoCodeType", "countryCode"} as in the standard.
    beneficiary_locations = models.JSONField(default=list, blank=True)
    classifications = models.JSONField(default=list, blank=True)
    grant_programmes = models.JSONField(default=list, blank=True)
    planned_dates = models.JSONField(default=list, blank=True)
    # Any other top-level 360Giving fields (amountAppliedFor, dataSource, dateModified…).
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name_plural = "grant details"

    def __str__(self):
        return f"360Giving details of {self.award}"

    def clean(self):
        for field in ("beneficiary_locations", "classifications", "grant_programmes"):
            _list_of_objects(getattr(self, field), field)
        _list_of_objects(self.planned_dates, "planned_dates")
        for field in ("recipient_fields", "funder_fields", "extra"):
            if not isinstance(getattr(self, field), dict):
                raise ValidationError({field: "Give an object of 360Giving fields."})
        for location in self.beneficiary_locations:
            kind = location.get("geoCodeType")
            if kind and kind not in codelist("geoCodeType"):
                raise ValidationError(
                    {"beneficiary_locations": f"{kind!r} is not a 360Giving geoCodeType code."}
                )
