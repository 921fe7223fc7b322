"""Who may open each funding page and do each action, for every role; the forms."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.funding import permissions as can
from partnerbase.funding import services
from partnerbase.funding.models import Disbursement, FundingAward, LoanRepayment
from tests.factories import Make, make_programme, make_user, roles

pytestmark = pytest.mark.django_db

EVERYONE = [*Role.values, "superuser", "no role"]
WHOLE = {Role.TEAM, Role.ACCELERATOR_MANAGER, Role.CHAMPION, "superuser"}
READERS = WHOLE | {Role.INNOVATOR, Role.PARTNER_CONTACT}
RECORDERS = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}


@pytest.fixture
def world(db):
    return build_world()


def build_world():
    """Toolshed's loan from UnLtd, and a grant between two other organisations."""
    actor = make_user()
    make = Make(actor, make_programme(actor, slug="alpha", display_currencies="USD"))
    make.rate("GBP", "USD", date(2017, 1, 1), "1.25")
    make.unltd, make.toolshed = make.org("UnLtd", kind="funder"), make.org("Toolshed")
    make.other_funder, make.other = make.org("Lanyard Trust", kind="funder"), make.org("Applied")
    make.loan = services.funding_award_record(
        actor=actor,
        programme=make.programme,
        title="Toolshed loan",
        instrument="social_loan",
        amount=Decimal("80500"),
        currency="GBP",
        award_date=date(2018, 5, 14),
        funder=make.unltd,
        recipient=make.toolshed,
        interest_rate_percent=Decimal(5),
        term_months=36,
    )
    make.grant = make.award(
        funder=make.other_funder, recipient=make.other, amount="25000", on=date(2018, 4, 20)
    )
    make.grant.title = "Applied grant"
    make.grant.save()
    return make


def sign_in(client, world, who):
    def holder(role):
        user = make_user()
        # Innovators act for Toolshed and partner contacts for UnLtd: the loan is theirs.
        organisation = {
            Role.INNOVATOR: world.toolshed,
            Role.PARTNER_CONTACT: world.unltd,
            Role.CHAMPION: world.other_funder,
        }.get(role)
        membership_grant(
            actor=world.actor,
            user=user,
            programme=world.programme,
            role=role,
            organisation=organisation,
        )
        return user

    return roles.sign_in(client, who, holder)


def url(name, world, award=None):
    args = [world.programme.slug] + ([award.uid] if award else [])
    return reverse(f"funding:{name}", args=args)


expected = roles.expected


PAGES = {
    "ledger": (lambda w: url("ledger", w), READERS),
    "rates": (lambda w: url("rates", w), READERS),
    "loan": (lambda w: url("award_detail", w, w.loan), READERS),
    "grant": (lambda w: url("award_detail", w, w.grant), WHOLE),
    # A record's history as its page.
    "loan history": (lambda w: url("award_history", w, w.loan), READERS),
    "grant history": (lambda w: url("award_history", w, w.grant), WHOLE),
    "record award": (lambda w: url("award_add", w), RECORDERS),
    "record disbursement": (lambda w: url("disbursement_add", w, w.loan), RECORDERS),
    "record repayment": (lambda w: url("repayment_add", w, w.loan), RECORDERS),
    "repay a grant": (lambda w: url("repayment_add", w, w.grant), {"nobody"}),
}


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, world, page, who):
    sign_in(client, world, who)
    address, allowed = PAGES[page]

    status = client.get(address(world)).status_code

    if page in ("grant", "grant history", "repay a grant") and who in (
        Role.INNOVATOR,
        Role.PARTNER_CONTACT,
    ):
        assert status == 404  # not theirs: they are not told it exists
    elif page == "repay a grant":
        assert status == (404 if who == "no role" else 403)
    else:
        assert status == expected(who, allowed)


@pytest.mark.parametrize("who", EVERYONE)
def test_the_ledger_lists_only_what_each_role_may_see(client, world, who):
    sign_in(client, world, who)
    response = client.get(url("ledger", world))
    if who not in READERS:
        return
    page = response.content.decode()
    assert ("Toolshed loan" in page) is True
    assert ("Applied grant" in page) is (who in WHOLE)


@pytest.mark.parametrize("who", EVERYONE)
def test_permission_functions_for_every_role(world, who):
    user = sign_in(Client(), world, who)
    p = world.programme
    assert can.can_view_ledger(user, p) is (who in READERS)
    assert can.can_view_rates(user, p) is (who in READERS)
    assert can.can_record_award(user, p) is (who in RECORDERS)
    assert can.can_view_award(user, world.loan) is (who in READERS)
    assert can.can_view_award(user, world.grant) is (who in WHOLE)
    assert can.can_record_disbursement(user, world.loan) is (who in RECORDERS)
    assert can.can_record_repayment(user, world.loan) is (who in RECORDERS)
    assert can.can_record_repayment(user, world.grant) is False


@pytest.mark.parametrize("who", EVERYONE)
def test_only_recorders_can_post(client, world, who):
    sign_in(client, world, who)
    client.post(
        url("repayment_add", world, world.loan),
        {"paid_on_0": "14", "paid_on_1": "6", "paid_on_2": "2018", "amount": "100"},
    )
    client.post(
        url("disbursement_add", world, world.grant),
        {"kind": "actual", "on_0": "1", "on_1": "5", "on_2": "2018", "amount": "100"},
    )
    saved = LoanRepayment.objects.count() + Disbursement.objects.count()
    assert saved == (2 if who in RECORDERS else 0)


def test_an_award_of_another_programme_is_not_found(client, world):
    bravo = Make(world.actor, make_programme(world.actor, slug="bravo"))
    theirs = bravo.award(funder=bravo.org(), recipient=bravo.org(), amount="1", on=date(2018, 1, 1))
    sign_in(client, world, Role.TEAM)
    for name in ("award_detail", "disbursement_add", "repayment_add"):
        assert client.get(url(name, world, theirs)).status_code == 404
    assert client.get(reverse("funding:ledger", args=["bravo"])).status_code == 404


AWARD = {
    "title": "Barclays grant",
    "instrument": "grant",
    "amount": "£25,000",
    "currency": "gbp",
    "award_date_0": "20",
    "award_date_1": "4",
    "award_date_2": "2018",
    "confirmed": "on",
}


def test_a_manager_records_an_award(client, world):
    sign_in(client, world, Role.ACCELERATOR_MANAGER)
    data = {**AWARD, "funder": world.other_funder.pk, "recipient": world.toolshed.pk}

    response = client.post(url("award_add", world), data)

    award = FundingAward.objects.get(title="Barclays grant")
    assert response.status_code == 302
    assert response["Location"] == url("award_detail", world, award)
    assert (award.amount, award.currency, award.award_date) == (
        Decimal("25000.00"),
        "GBP",
        date(2018, 4, 20),
    )
    detail = client.get(response["Location"]).content.decode()
    assert "£25,000 ($31,250)" in detail  # USD beside at the report date's rate
    assert "1.25 USD to 1 GBP, the rate on 1 January 2017 (test)" in detail


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"amount": "lots"}, "The amount must be a number, like 20000 or 20000.50"),
        ({"amount": "-3"}, "The amount must be more than 0"),
        ({"amount": "10.001"}, "has more decimal places than GBP allows"),
        ({"currency": "££"}, "Enter a three-letter currency code, like GBP"),
        ({"award_date_1": ""}, "Award date must include a month"),
        ({"term_months": "12"}, "Only a social loan has loan terms: leave this blank"),
        ({"instrument": "social_loan", "term_months": "12"}, "Enter the interest rate as well"),
        ({"recipient": "funder"}, "The funder cannot fund itself."),
        # The probe's amount, the largest a 64-bit integer of pence holds: over the maximum.
        (
            {"amount": "92233720368547758.07"},
            "is more than the most Partnerbase records in one amount, 10,000,000,000.00 GBP",
        ),
        ({"amount": "10000000000.01"}, "is more than the most Partnerbase records"),
        ({"amount": "1e400"}, "is more than the most Partnerbase records"),
        ({"currency": "ZZZ"}, "&#x27;ZZZ&#x27; is not an ISO 4217 currency code, like GBP."),
        ({"award_date_2": "2101"}, "Award date must be between 1900 and 2100"),
        ({"award_date_2": "1899"}, "Award date must be between 1900 and 2100"),
    ],
)
def test_bad_award_input_shows_the_error_summary_and_saves_nothing(client, world, change, message):
    sign_in(client, world, Role.TEAM)
    data = {**AWARD, "funder": world.other_funder.pk, "recipient": world.toolshed.pk, **change}
    if data["recipient"] == "funder":
        data["recipient"] = world.other_funder.pk

    response = client.post(url("award_add", world), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert not FundingAward.objects.filter(title="Barclays grant").exists()


def test_a_repayment_larger_than_the_balance_is_refused(client, world):
    sign_in(client, world, Role.TEAM)
    address = url("repayment_add", world, world.loan)
    assert "£86,855.65" in client.get(address).content.decode()  # the balance

    response = client.post(
        address, {"paid_on_0": "14", "paid_on_1": "6", "paid_on_2": "2018", "amount": "86855.66"}
    )

    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "The repayment is more than the balance outstanding (86855.65 GBP)" in page
    assert not LoanRepayment.objects.exists()

    ok = client.post(
        address, {"paid_on_0": "14", "paid_on_1": "6", "paid_on_2": "2018", "amount": "2412.66"}
    )
    assert ok.status_code == 302
    detail = client.get(ok["Location"]).content.decode()
    assert "£84,442.99" in detail  # balance outstanding
    assert "Loan repayment recorded" in detail  # history


def test_a_disbursement_is_recorded_and_shown_against_the_plan(client, world):
    sign_in(client, world, Role.TEAM)
    address = url("disbursement_add", world, world.grant)
    for kind, amount in (("planned", "25000"), ("actual", "10000")):
        response = client.post(
            address,
            {"kind": kind, "on_0": "1", "on_1": "5", "on_2": "2018", "amount": amount},
        )
        assert response.status_code == 302
    too_much = client.post(
        address, {"kind": "actual", "on_0": "1", "on_1": "6", "on_2": "2018", "amount": "15000.01"}
    )
    assert "15000.00 GBP is left to disburse" in too_much.content.decode()
    detail = client.get(url("award_detail", world, world.grant)).content.decode()
    assert "£25,000" in detail and "£10,000" in detail
    assert Disbursement.objects.filter(award=world.grant).count() == 2


def test_the_ledger_page_states_totals_and_rates(client, world):
    services.funding_award_record(
        actor=world.actor,
        programme=world.programme,
        title="Phones",
        instrument="in_kind",
        amount=Decimal("8000"),
        currency="GBP",
        award_date=date(2018, 6, 1),
        funder=world.other_funder,
        recipient=world.toolshed,
    )
    sign_in(client, world, Role.TEAM)
    page = client.get(url("ledger", world)).content.decode()
    assert 'id="total-cash">£105,500 ($131,875)<' in page
    assert 'id="total-in-kind">£8,000 ($10,000)<' in page
    assert "USD amounts in brackets use 1.25 USD to 1 GBP, the rate on 1 January 2017" in page


def test_the_ledger_uses_the_same_number_of_queries_however_many_awards(client, world):
    sign_in(client, world, Role.TEAM)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("ledger", world)).status_code == 200
        return len(captured)

    stale = queries()  # the whole ledger's sums computed and kept (funding/kept.py)
    few = queries()
    for n in range(10):
        world.award(
            funder=world.unltd, recipient=world.toolshed, amount="1", on=date(2018, 1, n + 1)
        )
    # 12: the session, the user, the programme and their roles; the stamp of the records
    # and the kept sums (which give the count of rows too); the page's ids and its awards;
    # the rates; the caller's organisations for the page's links; the header's count of
    # unread notifications. None of them grows with the awards.
    assert queries() == stale  # summed again: the awards changed
    assert queries() == few <= 12 < stale


def test_the_whole_ledger_s_kept_totals_follow_a_new_award(client, world):
    sign_in(client, world, Role.TEAM)
    client.get(url("ledger", world))
    world.award(funder=world.unltd, recipient=world.toolshed, amount="1000", on=date(2018, 2, 1))

    page = client.get(url("ledger", world)).content.decode()
    filtered = client.get(url("ledger", world), {"instrument": "grant"}).content.decode()

    assert 'id="total-cash">£106,500 ($133,125)<' in page
    assert 'id="total-cash">£106,500' not in filtered  # summed live: the grants alone
