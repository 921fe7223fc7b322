"""The refusal of a removal names what depends on the record; no database needed."""

from partnerbase.core.services import depends_on_message


def test_nothing_depends():
    assert depends_on_message("working group", [("idea", "ideas", [])]) == ""


def test_one_kind_one_record():
    assert (
        depends_on_message("working group", [("member", "members", []), ("idea", "ideas", ["A"])])
        == "Cannot remove: 1 idea (A) belongs to this working group."
    )


def test_several_kinds_and_a_long_list_is_cut():
    message = depends_on_message(
        "cohort",
        [
            ("place", "places", ["A", "B", "C", "D", "E"]),
            ("session", "sessions", ["S"]),
            ("milestone", "milestones", ["M", "N"]),
        ],
    )
    assert message == (
        "Cannot remove: 5 places (A, B, C and 2 more), 1 session (S) and 2 milestones (M, N) "
        "belong to this cohort."
    )
