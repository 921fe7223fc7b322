"""Conflict-of-interest detection (pure part)."""

from partnerbase.assessment.conflicts import conflict_reason, link_index

LINKS = link_index(
    [
        ("partners in “Credit for all”", [1, 2, 3]),
        ("both in the coalition of “Pilot”", [4, 2]),
    ]
)


def test_the_applicant_itself():
    why = conflict_reason({2: "Bank"}, (2, "Bank"), LINKS)

    assert why == "the assessor acts for Bank, the applicant"


def test_a_partner_in_the_same_partnership():
    why = conflict_reason({1: "Bank"}, (3, "Fintech"), LINKS)

    assert "linked to Fintech" in why and "Credit for all" in why


def test_a_member_of_the_same_coalition():
    assert "coalition" in conflict_reason({4: "Council"}, (2, "Charity"), LINKS)


def test_no_link_no_conflict():
    assert conflict_reason({4: "Council"}, (3, "Fintech"), LINKS) == ""
    assert conflict_reason({}, (3, "Fintech"), LINKS) == ""


def test_any_of_the_assessors_organisations_counts():
    assert conflict_reason({9: "Other", 3: "Fintech"}, (3, "Fintech"), LINKS)
