"""The data-quality checks 360Giving's data quality tool (github.com/ThreeSixtyGiving/
dataquality, lib360dataquality/cove/threesixtygiving.py) runs after schema validation,
written again here as named checks. None makes a file invalid: they are warnings.

"accuracy" checks find likely mistakes; "usefulness" checks find missing information that
makes grants harder to use. Dates are judged against `today`.
"""

from dataclasses import dataclass, field
from datetime import date

from .quality_checks import ACCURACY, GRANT_CHECKS, USEFULNESS, orgs

__all__ = ["ACCURACY", "USEFULNESS", "Finding", "quality_findings", "CHECK_NAMES"]


@dataclass
class Finding:
    """One check that found something: how many grants, and where (first few)."""

    name: str
    kind: str
    heading: str
    advice: str
    count: int = 0
    locations: list[str] = field(default_factory=list)
    # False for a check about the whole file, whose heading already says how many.
    per_grant: bool = True

    @property
    def summary(self) -> str:
        if not self.per_grant:
            return self.heading
        noun = "grant" if self.count == 1 else "grants"
        return f"{self.count} {noun}: {self.heading}"


FILE_CHECK_NAMES = ["MoreThanOneFundingOrg", "MultiFundingNamesForOrgId"]
CHECK_NAMES = [c.name for c in GRANT_CHECKS] + FILE_CHECK_NAMES


def _funder_findings(grants) -> list[Finding]:
    ids: list[str] = []
    names: dict[str, str] = {}
    renamed = Finding(
        "MultiFundingNamesForOrgId",
        ACCURACY,
        "a second Funding Org:Identifier for a Funding Org:Name already used",
        "A funder normally has one name and one identifier.",
    )
    for n, grant in enumerate(grants):
        for m, org in orgs(grant, "fundingOrganization"):
            org_id, name = org.get("id"), org.get("name")
            if org_id and org_id not in ids:
                ids.append(org_id)
            if name in names and names[name] != org_id:
                renamed.count += 1
                renamed.locations.append(f"grants/{n}/fundingOrganization/{m}/id")
            names.setdefault(name, org_id)
    findings = [renamed] if renamed.count else []
    if len(ids) > 1:
        findings.append(
            Finding(
                "MoreThanOneFundingOrg",
                ACCURACY,
                f"{len(ids)} different funding organisation identifiers",
                "Fine if you publish for several funders; otherwise check the identifiers.",
                count=len(ids),
                locations=ids[:10],
                per_grant=False,
            )
        )
    return findings


def quality_findings(package: dict, *, today: date) -> list[Finding]:
    """The checks that found something, accuracy first, each with up to 10 locations."""
    grants = [g for g in package.get("grants") or [] if isinstance(g, dict)]
    findings = {c.name: Finding(c.name, c.kind, c.heading, c.advice) for c in GRANT_CHECKS}
    for n, grant in enumerate(grants):
        for check in GRANT_CHECKS:
            places = check.test(grant, today)
            if places:
                finding = findings[check.name]
                finding.count += 1
                if len(finding.locations) < 10:
                    finding.locations.append(f"grants/{n}/{places[0]}")
    found = [f for f in findings.values() if f.count] + _funder_findings(grants)
    return sorted(found, key=lambda f: (f.kind != ACCURACY, CHECK_NAMES.index(f.name)))
