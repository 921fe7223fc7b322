"""The one wording of a refused delete names what depends on the record; no database needed."""

from partnerbase.core.references import Dependents, refusal


def test_nothing_depends():
    assert (
        refusal("remove", [Dependents.named("idea", "ideas", [])], relation="belong to", whom="it")
        == ""
    )


def test_one_kind_one_record_takes_the_singular_verb():
    dependents = [
        Dependents.named("member", "members", []),
        Dependents.named("idea", "ideas", ["A"]),
    ]
    assert (
        refusal("remove", dependents, relation="belong to", whom="this working group")
        == "Cannot remove: 1 idea (A) belongs to this working group."
    )


def test_several_kinds_and_a_long_list_is_cut():
    dependents = [
        Dependents.named("place", "places", ["A", "B", "C", "D", "E"]),
        Dependents.named("session", "sessions", ["S"]),
        Dependents.named("milestone", "milestones", ["M", "N"]),
    ]
    assert refusal("remove", dependents, relation="belong to", whom="this cohort") == (
        "Cannot remove: 5 places (A, B, C and 2 more), 1 session (S) and 2 milestones (M, N) "
        "belong to this cohort."
    )


def test_counted_without_names_and_a_one_word_relation():
    dependents = [Dependents("submitted application", "submitted applications", 1)]
    assert refusal("delete", dependents, relation="depend on", whom="it") == (
        "Cannot delete: 1 submitted application depends on it."
    )
    two = [Dependents("submitted application", "submitted applications", 2)]
    assert refusal("delete", two, relation="block", whom="it") == (
        "Cannot delete: 2 submitted applications block it."
    )
