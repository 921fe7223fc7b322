"""Conflict of interest between an assessor and an application. Pure Python: no Django.

An assessor acts for the organisations of their memberships in the programme. They may
not assess an application when one of those organisations

- is the applicant, or
- is linked to the applicant: the two are parties to the same partnership (the innovator
  and its partners, or two partners of one partnership; at any stage, since even a
  declined proposal means they negotiated), or members of the same project coalition.

The links come from the database (assessment/queries.py: `programme_links`) as groups of
organisations that belong together; any two organisations in a group are linked.
"""

from collections.abc import Iterable, Mapping
from itertools import combinations


def link_index(groups: Iterable[tuple[str, Iterable[int]]]) -> dict[frozenset, str]:
    """{frozenset({org, org}): why they are linked} from (description, organisation ids)
    groups; the first description found for a pair is kept."""
    links: dict[frozenset, str] = {}
    for description, members in groups:
        for one, other in combinations(sorted(set(members)), 2):
            links.setdefault(frozenset((one, other)), description)
    return links


def conflict_reason(
    assessor_orgs: Mapping[int, str],
    applicant: tuple[int, str],
    links: Mapping[frozenset, str],
) -> str:
    """Why the assessor may not assess the applicant ("" if they may). `assessor_orgs`
    maps the assessor's organisation ids to their names; `applicant` is (id, name)."""
    applicant_id, applicant_name = applicant
    for org_id in sorted(assessor_orgs):
        if org_id == applicant_id:
            return f"the assessor acts for {applicant_name}, the applicant"
    for org_id in sorted(assessor_orgs):
        why = links.get(frozenset((org_id, applicant_id)))
        if why:
            mine = assessor_orgs[org_id]
            return f"the assessor's organisation {mine} is linked to {applicant_name}: {why}"
    return ""
