"""Champion targeting services: each write kept in history, bad input refused whole."""

from datetime import date

import pytest

from partnerbase.board.models import Champion
from partnerbase.champions import services
from partnerbase.champions.models import Contact, Criterion, Prospect, Score, StageChange
from partnerbase.champions.queries import ranked_prospects
from partnerbase.core.errors import DomainError
from partnerbase.directory.models import Engagement, Organisation, Person

pytestmark = pytest.mark.django_db


def test_the_default_criteria_are_the_four_design_names_once(alpha):
    again = services.criteria_ensure(actor=alpha.actor, programme=alpha.programme)

    assert [c.name for c in again] == [
        "Employee base",
        "Customer base",
        "National reach",
        "Responsible-business agenda",
    ]
    assert Criterion.objects.filter(programme=alpha.programme).count() == 4


def test_adding_a_prospect_with_a_new_organisation_and_person(alpha):
    prospect = alpha.first

    assert prospect.stage == "long_list"
    assert prospect.organisation.name == "Acme plc" and prospect.organisation.kind == "business"
    assert prospect.person.organisation == prospect.organisation
    assert [(c.from_stage, c.to_stage) for c in prospect.stage_changes.all()] == [("", "long_list")]
    assert prospect.history.first().history_user == alpha.actor


def test_an_existing_person_brings_their_organisation(alpha):
    org = alpha.org("Beta Bank", kind="business")
    person = Person.objects.create(programme=alpha.programme, name="Bea Beta", organisation=org)

    prospect = services.prospect_add(
        actor=alpha.actor, programme=alpha.programme, person=person, added_on=date(2017, 9, 5)
    )

    assert prospect.organisation == org


def test_a_person_is_a_prospect_once_and_nothing_is_half_saved(alpha):
    people, orgs = Person.objects.count(), Organisation.objects.count()
    with pytest.raises(DomainError, match="choose the organisation|Choose the organisation"):
        services.prospect_add(
            actor=alpha.actor,
            programme=alpha.programme,
            person_name="No Org",
            added_on=date(2017, 9, 5),
        )
    with pytest.raises(DomainError, match="already a prospect"):
        services.prospect_add(
            actor=alpha.actor,
            programme=alpha.programme,
            person=alpha.first.person,
            added_on=date(2017, 9, 5),
        )
    assert (Person.objects.count(), Organisation.objects.count()) == (people, orgs)


def test_another_programmes_organisation_is_refused(alpha, bravo):
    with pytest.raises(DomainError, match="another programme"):
        services.prospect_add(
            actor=alpha.actor,
            programme=alpha.programme,
            organisation=bravo.first.organisation,
            person_name="X",
            added_on=date(2017, 9, 5),
        )


def test_scores_are_set_changed_and_cleared(alpha):
    criteria = alpha.criteria()
    services.prospect_score(
        actor=alpha.actor, prospect=alpha.first, scores={criteria[0]: 1, criteria[1]: None}
    )

    values = dict(Score.objects.filter(prospect=alpha.first).values_list("criterion", "value"))
    assert values == {criteria[0].pk: 1, criteria[2].pk: 3, criteria[3].pk: 2}


def test_a_score_out_of_range_saves_nothing(alpha):
    criteria = alpha.criteria()
    with pytest.raises(DomainError, match="from 0 to 5"):
        services.prospect_score(
            actor=alpha.actor, prospect=alpha.first, scores={criteria[0]: 0, criteria[1]: 9}
        )
    assert Score.objects.get(prospect=alpha.first, criterion=criteria[0]).value == 5


def test_setting_weights_re_ranks(alpha):
    second = alpha.prospect("Zed Ltd", "Zoe Zed")
    alpha.score(second, 0, 5, 5, 3)  # alpha.first scored 5, 4, 3, 2
    criteria = alpha.criteria()
    before = [r.prospect for r in ranked_prospects(alpha.programme, criteria)]

    services.weights_set(
        actor=alpha.actor,
        programme=alpha.programme,
        weights={criteria[0]: 0, criteria[1]: 1, criteria[2]: 1, criteria[3]: 1},
    )

    after = [r.prospect for r in ranked_prospects(alpha.programme, alpha.criteria())]
    assert before == [alpha.first, second]
    assert after == [second, alpha.first]


@pytest.mark.parametrize("weights", [(0, 0, 0, 0), (1, 2, 3, 101)])
def test_bad_weights_save_nothing(alpha, weights):
    criteria = alpha.criteria()
    with pytest.raises(DomainError):
        services.weights_set(
            actor=alpha.actor,
            programme=alpha.programme,
            weights=dict(zip(criteria, weights, strict=True)),
        )
    assert [c.weight for c in alpha.criteria()] == [1, 1, 1, 1]


def test_weights_set_can_rename_a_criterion(alpha):
    criteria = alpha.criteria()
    services.weights_set(
        actor=alpha.actor,
        programme=alpha.programme,
        weights={c: 1 for c in criteria},
        names={criteria[3]: "Social purpose"},
    )
    assert alpha.criteria()[3].name == "Social purpose"


def test_moves_are_dated_and_kept_and_invalid_ones_refused(alpha):
    prospect = alpha.walk(alpha.first, "targeted", on=date(2017, 9, 6))

    with pytest.raises(DomainError, match="cannot move from “targeted” to “met”"):
        services.prospect_move(
            actor=alpha.actor, prospect=prospect, to_stage="met", changed_on=date(2017, 9, 7)
        )
    with pytest.raises(DomainError, match="on or after the last move"):
        services.prospect_move(
            actor=alpha.actor,
            prospect=prospect,
            to_stage="meeting_arranged",
            changed_on=date(2017, 9, 5),
        )
    with pytest.raises(DomainError, match="Commit to the board"):
        services.prospect_move(
            actor=alpha.actor, prospect=prospect, to_stage="committed", changed_on=date(2017, 9, 7)
        )

    prospect.refresh_from_db()
    assert prospect.stage == "targeted" and prospect.stage_changed_on == date(2017, 9, 6)
    assert [c.to_stage for c in prospect.stage_changes.all()] == ["long_list", "targeted"]


def test_a_contact_is_an_engagement_with_the_organisation_linked_to_the_prospect(alpha):
    contact = services.contact_log(
        actor=alpha.actor,
        prospect=alpha.first,
        kind="call",
        occurred_on=date(2017, 9, 8),
        summary="First call",
    )

    engagement = Engagement.objects.get(pk=contact.engagement_id)
    assert engagement.organisation == alpha.first.organisation
    assert list(engagement.participants.values_list("person", flat=True)) == [alpha.first.person_id]
    assert list(alpha.first.contacts.all()) == [contact]


def test_committing_moves_the_prospect_and_gives_a_board_seat_in_one_step(alpha):
    prospect = alpha.met(alpha.first)

    champion = services.prospect_commit(
        actor=alpha.actor, prospect=prospect, term_starts_on=date(2017, 10, 2), role="chair"
    )

    prospect.refresh_from_db()
    assert prospect.stage == "committed" and prospect.champion == champion
    assert (champion.person, champion.organisation) == (prospect.person, prospect.organisation)
    assert champion.role == "chair" and champion.term_starts_on == date(2017, 10, 2)
    assert prospect.stage_changes.last().to_stage == "committed"


def test_commit_is_refused_before_the_prospect_is_met(alpha):
    with pytest.raises(DomainError, match="cannot move"):
        services.prospect_commit(
            actor=alpha.actor, prospect=alpha.first, term_starts_on=date(2017, 10, 2)
        )
    assert not Champion.objects.exists()


def test_a_failed_board_appointment_leaves_the_prospect_where_it_was(alpha):
    prospect = alpha.met(alpha.first)
    Champion.objects.create(
        programme=alpha.programme,
        person=prospect.person,
        organisation=prospect.organisation,
        term_starts_on=date(2017, 9, 1),
    )
    changes = StageChange.objects.count()

    with pytest.raises(DomainError, match="already has a seat"):
        services.prospect_commit(
            actor=alpha.actor, prospect=prospect, term_starts_on=date(2017, 10, 2)
        )

    assert Prospect.objects.get(pk=prospect.pk).stage == "met"
    assert StageChange.objects.count() == changes
    assert Champion.objects.count() == 1


def test_contact_link_refuses_an_engagement_with_another_organisation(alpha):
    other = alpha.engagement(alpha.org("Elsewhere"), date(2017, 9, 9))
    with pytest.raises(DomainError, match="another organisation"):
        services.contact_link(actor=alpha.actor, prospect=alpha.first, engagement=other)
    assert not Contact.objects.exists()
