"""Password reset by email, changing one's password, and the account page with one's roles."""

from django.core import mail
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from tests.factories import Make, make_programme

from .conftest import link_in

OLD, NEW = "the old passphrase", "a brand new passphrase"


def test_sign_in_links_to_password_reset(client, db):
    page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in page


def test_password_reset_sends_an_email_whose_link_sets_a_new_password(client, db):
    user_create(email="pat@example.org", password=OLD, full_name="Pat Partner")

    response = client.post(reverse("accounts:password_reset"), {"email": "PAT@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    [email] = mail.outbox
    assert email.to == ["pat@example.org"] and email.subject == "Reset your Partnerbase password"
    assert "Pat Partner" in email.body and "expires in 3 days" in email.body
    # Django swaps the token for a session key and redirects to the form.
    form = client.get(link_in(email), follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "Your password has been changed" in done.content.decode()
    login = reverse("accounts:login")
    assert client.post(login, {"username": "pat@example.org", "password": OLD}).status_code == 200
    assert client.post(login, {"username": "pat@example.org", "password": NEW}).status_code == 302
    # The link worked once.
    assert "This link does not work" in client.get(link_in(email), follow=True).content.decode()


def test_password_reset_tells_nobody_whether_an_address_has_an_account(client, db):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "nobody@example.org"}, follow=True
    )
    assert "Check your email" in response.content.decode()
    assert not mail.outbox


def test_password_reset_asks_for_an_email_address_in_govuk_words(client, db):
    page = client.post(reverse("accounts:password_reset"), {"email": ""}).content.decode()
    assert "govuk-error-summary" in page and "Enter your email address" in page


def test_change_password(client, db):
    user = user_create(email="pat@example.org", password=OLD)
    client.force_login(user)

    wrong = client.post(
        reverse("accounts:password_change"),
        {"old_password": "not it", "new_password1": NEW, "new_password2": NEW},
    )
    assert "Your current password is not right" in wrong.content.decode()
    mismatch = client.post(
        reverse("accounts:password_change"),
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW + "!"},
    )
    assert "The passwords do not match" in mismatch.content.decode()

    done = client.post(
        reverse("accounts:password_change"),
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )

    assert "Your password has been changed" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW)
    # Still signed in: Django keeps the session of the person who changed it.
    assert client.get(reverse("accounts:account")).status_code == 200


def test_the_account_page_lists_the_roles_in_each_programme(client, db):
    actor = user_create(email="tess@example.org", password=None)
    first = Make(actor, make_programme(actor, name="Alpha programme"))
    second = Make(actor, make_programme(actor, name="Beta programme"))
    user = first.user(Role.INNOVATOR, first.org("Toolshed"), email="ivy@example.org")
    membership_grant(actor=actor, user=user, programme=second.programme, role=Role.ASSESSOR)
    Make(actor, make_programme(actor, name="Gamma programme")).user(Role.TEAM)
    client.force_login(user)

    page = client.get(reverse("accounts:account")).content.decode()

    assert "ivy@example.org" in page
    assert "Alpha programme" in page and "Innovator for Toolshed" in page
    assert "Beta programme" in page and "Assessor" in page
    assert "Gamma programme" not in page and "Convening team" not in page
    assert reverse("accounts:password_change") in page


def test_the_navigation_links_to_the_account_page(client, db):
    client.force_login(user_create(email="ivy@example.org", password=None))
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("accounts:account")}"' in page and "Your account" in page
