"""Who sees and does what in brokering, for every role (DESIGN.md, roles)."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.brokering import permissions as perm
from partnerbase.brokering import services
from partnerbase.brokering.models import Introduction
from partnerbase.brokering.queries import my_introductions, need_list, offer_list
from tests.factories import make_user

from .conftest import ROLE_ORGS, build_world

pytestmark = pytest.mark.django_db

BROKERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
DASHBOARD = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER, "superuser"}
EVERYONE = set(Role.values) | {"superuser", "no role"}


@pytest.fixture
def sent(world):
    """The world with its first round run and sent."""
    round = services.round_run(actor=world.actor, round=world.round())
    services.round_review(actor=world.actor, round=round)
    services.round_send(actor=world.actor, round=round, on=date(2018, 3, 1))
    # A second round, run but not sent: nobody outside the team sees its proposals.
    services.offer_create(
        actor=world.actor,
        programme=world.programme,
        partner=world.orgs["barclays"],
        type="mentoring",
        capacity=3,
        description="Mentoring",
    )
    world.draft = services.round_run(actor=world.actor, round=world.round(name="Draft"))
    return world


def user_for(world, who):
    if who == "superuser":
        user = make_user()
        user.is_superuser = True
        user.save()
        return user
    if who == "no role":
        return make_user()
    return world.user(who, ROLE_ORGS.get(who))


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_permission_functions_for_every_role(sent, who):
    w = sent
    user = user_for(w, who)
    p = w.programme
    assert perm.can_broker(user, p) == (who in BROKERS)
    assert perm.can_add_need(user, p) == (who in BROKERS | {Role.INNOVATOR})
    assert perm.can_add_offer(user, p) == (who in BROKERS | {Role.PARTNER_CONTACT, Role.CHAMPION})
    # Innovators change their own organisation's needs only; partners and champions offers.
    assert perm.can_change_need(user, w.needs["toolshed-funding"]) == (
        who in BROKERS | {Role.INNOVATOR}
    )
    assert perm.can_change_need(user, w.needs["money-ae-mentoring"]) == (who in BROKERS)
    assert perm.can_change_offer(user, w.offers["barclays-funding"]) == (
        who in BROKERS | {Role.PARTNER_CONTACT}
    )
    assert perm.can_change_offer(user, w.offers["gt-mentoring"]) == (
        who in BROKERS | {Role.CHAMPION}
    )
    # Introductions: each side sees its own, once sent.
    toolshed_barclays = Introduction.objects.get(
        innovator=w.orgs["toolshed"], partner=w.orgs["barclays"], sent_on__isnull=False
    )
    money_ae_gt = Introduction.objects.get(innovator=w.orgs["money-ae"], sent_on__isnull=False)
    assert perm.can_view_introduction(user, toolshed_barclays) == (
        who in BROKERS | {Role.INNOVATOR, Role.PARTNER_CONTACT}
    )
    assert perm.can_view_introduction(user, money_ae_gt) == (who in BROKERS)
    assert perm.can_respond_introduction(user, toolshed_barclays, "partner") == (
        who == Role.PARTNER_CONTACT
    )
    assert perm.can_respond_introduction(user, toolshed_barclays, "innovator") == (
        who == Role.INNOVATOR
    )
    unsent = w.draft.introductions.get(partner=w.orgs["barclays"])
    assert perm.can_view_introduction(user, unsent) == (who in BROKERS)
    assert perm.can_view_partnership(user, toolshed_barclays.partnership) == (
        who in DASHBOARD | {Role.INNOVATOR, Role.PARTNER_CONTACT}
    )
    assert perm.can_view_partnership(user, money_ae_gt.partnership) == (who in DASHBOARD)
    assert perm.can_move_partnership(user, money_ae_gt.partnership) == (who in BROKERS)
    # Answers sent by email: the brokers record them, for sent introductions only.
    assert perm.can_record_answer(user, toolshed_barclays) == (who in BROKERS)
    assert not perm.can_record_answer(user, unsent)


def test_a_partner_sees_only_introductions_addressed_to_it(sent):
    w = sent
    partner = w.user(Role.PARTNER_CONTACT, "barclays")
    mine = list(my_introductions(user=partner, programme=w.programme))
    assert [(i.innovator.name, i.partner.name) for i in mine] == [("Toolshed", "Barclays")]
    assert {o.partner.name for o in offer_list(user=partner, programme=w.programme)} == {"Barclays"}


def test_an_innovator_sees_only_its_own(sent):
    w = sent
    innovator = w.user(Role.INNOVATOR, "toolshed")
    mine = my_introductions(user=innovator, programme=w.programme)
    assert {(i.innovator.name, i.partner.name) for i in mine} == {
        ("Toolshed", "Barclays"),
        ("Toolshed", "UnLtd"),
    }
    assert {n.innovator.name for n in need_list(user=innovator, programme=w.programme)} == {
        "Toolshed"
    }


def test_assessors_and_working_group_members_see_none_of_it(sent):
    w = sent
    for role in (Role.ASSESSOR, Role.WORKING_GROUP_MEMBER):
        user = w.user(role)
        assert not perm.can_use_brokering(user, w.programme)
        assert not my_introductions(user=user, programme=w.programme).exists()
        assert not need_list(user=user, programme=w.programme).exists()
        assert not offer_list(user=user, programme=w.programme).exists()


# --- pages ---------------------------------------------------------------------------------

# page -> (url from the world, who may open it)
PAGES = {
    "home": (lambda w: reverse("brokering:home", args=[w.programme.slug]),
             BROKERS | {Role.INNOVATOR, Role.PARTNER_CONTACT, Role.CHAMPION}),
    "needs": (lambda w: reverse("brokering:need_list", args=[w.programme.slug]),
              BROKERS | {Role.INNOVATOR}),
    "add need": (lambda w: reverse("brokering:need_add", args=[w.programme.slug]),
                 BROKERS | {Role.INNOVATOR}),
    "change need": (lambda w: reverse("brokering:need_edit", args=[w.programme.slug,
                    w.needs["toolshed-funding"].uid]), BROKERS | {Role.INNOVATOR}),
    "offers": (lambda w: reverse("brokering:offer_list", args=[w.programme.slug]),
               BROKERS | {Role.PARTNER_CONTACT, Role.CHAMPION}),
    "change offer": (lambda w: reverse("brokering:offer_edit", args=[w.programme.slug,
                     w.offers["gt-mentoring"].uid]), BROKERS | {Role.CHAMPION}),
    "add round": (lambda w: reverse("brokering:round_add", args=[w.programme.slug]), BROKERS),
    "round": (lambda w: reverse("brokering:round_detail", args=[w.programme.slug,
              w.draft.uid]), BROKERS),
    "add by hand": (lambda w: reverse("brokering:introduction_add", args=[w.programme.slug,
                    w.draft.uid]), BROKERS),
    "innovators' limits": (lambda w: reverse("brokering:round_innovators",
                           args=[w.programme.slug, w.draft.uid]), BROKERS),
    "my introductions": (lambda w: reverse("brokering:my_introductions",
                         args=[w.programme.slug]), {Role.INNOVATOR, Role.PARTNER_CONTACT}),
    "answer": (lambda w: reverse("brokering:introduction_respond", args=[w.programme.slug,
               Introduction.objects.get(partner=w.orgs["barclays"], sent_on__isnull=False).uid]),
               {Role.INNOVATOR, Role.PARTNER_CONTACT}),
    "record an answer": (lambda w: reverse("brokering:introduction_record", args=[
                         w.programme.slug, Introduction.objects.get(partner=w.orgs["barclays"],
                         sent_on__isnull=False).uid]), BROKERS),
    "partnerships": (lambda w: reverse("brokering:partnership_list", args=[w.programme.slug]),
                     DASHBOARD),
    "partnership": (lambda w: reverse("brokering:partnership_detail", args=[w.programme.slug,
                    Introduction.objects.get(partner=w.orgs["gt"]).partnership.uid]),
                    DASHBOARD),
}  # fmt: skip


# Who reaches a record they may not see (another organisation's offer, a partnership not
# theirs): not found, so its existence does not show.
RECORDS_HIDDEN = {"partnership": EVERYONE, "change offer": {Role.PARTNER_CONTACT}}


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_every_page_refuses_whoever_may_not_see_it(client, sent, who):
    client.force_login(user_for(sent, who))
    for name, (url, allowed) in PAGES.items():
        response = client.get(url(sent))
        hidden = who == "no role" or who in RECORDS_HIDDEN.get(name, ())
        expected = 200 if who in allowed else (404 if hidden else 403)
        assert response.status_code == expected, f"{name} for {who}"


def test_signed_out_visitors_and_other_programmes_get_nothing(client, sent):
    for name, (url, _) in PAGES.items():
        response = client.get(url(sent))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    other = build_world(sent.actor, slug="other")
    client.force_login(other.user(Role.TEAM))
    for name, (url, _) in PAGES.items():
        assert client.get(url(sent)).status_code == 404, name
