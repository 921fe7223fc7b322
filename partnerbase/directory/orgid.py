"""Org-id identifiers (https://org-id.guide): `<LIST CODE>-<identifier in that list>`.

Pure Python, no Django. The known list codes come from the register files in
`data/org-id/`; the formats below are the ones the register's examples and 360Giving's
data-quality tool accept (the register itself has no patterns).
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data" / "org-id"

# Formats for the lists 360Giving recommends most; other lists accept any short code.
FORMATS = {
    "GB-CHC": (r"\d{6,7}", "6 or 7 digits, like 1090393"),
    "GB-COH": (r"(?:\d{8}|[A-Z]{2}\d{6})", "8 characters, like 09506232 or SC123456"),
    "GB-SC": (r"SC\d{6}", "SC and 6 digits, like SC042386"),
    "GB-NIC": (r"\d{6}", "6 digits, like 100019"),
    "GB-EDU": (r"\d{6}", "a 6-digit URN, like 125554"),
    "GB-UKPRN": (r"\d{8}", "8 digits, like 10000346"),
    "GB-LAE": (r"[A-Z]{3}", "3 capital letters, like BAS"),
    "GB-LAS": (r"[A-Z]{3}", "3 capital letters, like ZET"),
    "GB-PLA": (r"[A-Z]{3}", "3 capital letters, like AGY"),
    "GB-LANI": (r"[A-Z]{3}", "3 capital letters, like BFS"),
    "GB-GOR": (r"[A-Z]{1,3}\d{1,5}", "letters then digits, like D1198 or OT1211"),
    "GB-GOV": (r"\d{1,4}", "a number, like 4"),
}
GENERIC_FORMAT = (r"[A-Za-z0-9][A-Za-z0-9._/-]{0,63}", "letters, digits, dots, dashes or slashes")


@dataclass(frozen=True)
class OrgList:
    code: str
    name: str
    deprecated: bool


@dataclass(frozen=True)
class OrgId:
    scheme: str
    identifier: str

    def __str__(self):
        return f"{self.scheme}-{self.identifier}"


class InvalidOrgId(ValueError):
    pass


@cache
def known_lists() -> dict[str, OrgList]:
    lists = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = data["code"]
        lists[code] = OrgList(code, data["name"]["en"], bool(data.get("deprecated")))
    return lists


def parse(value: str) -> OrgId:
    """Split and check an identifier like `GB-CHC-1090393`; raise InvalidOrgId saying why."""
    text = (value or "").strip()
    if not text:
        raise InvalidOrgId("Enter an identifier, like GB-CHC-1090393.")
    lists = known_lists()
    # List codes contain one dash (GB-CHC); the identifier is everything after the second.
    match = re.fullmatch(r"([A-Za-z]{2}-[A-Za-z]+)-(.+)", text)
    if not match:
        raise InvalidOrgId(
            f"{text!r} is not an org-id identifier: it should be a list code and an "
            "identifier, like GB-CHC-1090393."
        )
    scheme, identifier = match.group(1).upper(), match.group(2)
    if scheme not in lists:
        raise InvalidOrgId(
            f"{scheme} is not a list in the org-id register: use a list code such as GB-CHC "
            "(charities), GB-COH (companies), GB-SC (Scottish charities) or GB-GOR (government)."
        )
    if lists[scheme].deprecated:
        raise InvalidOrgId(f"{scheme} ({lists[scheme].name}) is deprecated in the org-id register.")
    pattern, described = FORMATS.get(scheme, GENERIC_FORMAT)
    if not re.fullmatch(pattern, identifier):
        raise InvalidOrgId(f"{identifier!r} is not a valid {scheme} identifier: use {described}.")
    return OrgId(scheme, identifier)
