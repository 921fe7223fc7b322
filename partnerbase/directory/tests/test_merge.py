"""Merging two records of one organisation: every link moves (found from _meta), the figures
stay as they were, both histories stay readable, clashes are refused with nothing changed."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.invitations import invitation_send
from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.services import membership_grant
from partnerbase.calls.services.applicants import applicant_add
from partnerbase.core.errors import DomainError
from partnerbase.core.references import links_to
from partnerbase.directory import services
from partnerbase.directory.merge import merge_plan, merged_records, organisation_merge
from partnerbase.directory.models import Organisation
from partnerbase.impact.figures import Period, headline_figures
from partnerbase.interchange.tests.conftest import build_small, record_counts
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db


def figures_of(programme) -> dict:
    period = Period(programme.starts_on, programme.ends_on)
    return headline_figures(programme, period).as_json()


def referring(organisation) -> dict[str, set[int]]:
    """The records pointing at `organisation`, by link ("app.Model.field")."""
    return {
        link.label: set(link.rows(organisation).values_list("pk", flat=True))
        for link in links_to(Organisation)
    }


def test_a_merge_moves_every_kind_of_link_and_changes_no_figure():
    """The small interchange programme refers to organisations through every link there is.
    Each of its organisations in turn is merged into a new, empty record of itself: every
    record that pointed at it points at the new one, and no figure or count changes."""
    actor = make_user(full_name="Tess Team")
    p = build_small(actor)
    # Links the file does not hold: an invitation to act for an organisation...
    invitation_send(
        actor=actor,
        programme=p,
        email="new.partner@example.org",
        roles=[Role.PARTNER_CONTACT],
        organisation=Organisation.objects.filter(programme=p).order_by("pk").first(),
        site_url="https://partnerbase.example.org",
    )
    # And an applicant's account, made on a call's public page.
    applicant_add(
        actor=actor, user=make_user(), organisation=Organisation.objects.filter(programme=p).last()
    )
    figures = figures_of(p)
    counts = record_counts()
    covered = set()
    for original in list(Organisation.objects.filter(programme=p)):
        before, pk = referring(original), original.pk
        copy = services.organisation_create(
            actor=actor, programme=p, name=f"{original.name} (new record)", kind=original.kind
        )
        organisation_merge(actor=actor, kept=copy, removed=original)
        assert referring(copy) == before, original.name
        assert not Organisation.objects.filter(pk=pk).exists()
        covered |= {label for label, pks in before.items() if pks}
        assert copy.history.first().history_change_reason == f"Merged with {original.name}"
        assert [r.id for r in merged_records(copy)] == [pk]
    # Every link in the project was exercised: a new one without a record here fails.
    assert covered == {link.label for link in links_to(Organisation)}
    assert figures_of(p) == figures
    after = record_counts()
    assert {k: v for k, v in after.items() if k != "history"} == {
        k: v for k, v in counts.items() if k != "history"
    }


@pytest.fixture
def make(db):
    actor = make_user(full_name="Tess Team")
    return Make(actor, make_programme(actor, starts_on=date(2017, 1, 1)))


def test_two_records_become_one(make):
    """The kept record keeps its details and fills its gaps from the other; links both had
    (an identifier, a partner's place in one partnership, an account's role) are kept once;
    the funding sums are unchanged and the organisation is engaged once, not twice."""
    kept = make.org(
        "Toolshed", identifiers=["GB-COH-09506232"], regions="London", employee_count=12
    )
    removed = make.org(
        "Toolshed Ltd",
        identifiers=["GB-COH-09506232", "GB-CHC-1090393"],
        regions="Wales, London",
        employee_count=40,
        website="https://toolshed.example.org",
    )
    cohort = make.cohort(date(2017, 3, 1))
    make.member(cohort, removed, date(2017, 3, 1))
    make.engagement(kept, date(2017, 2, 1))
    make.engagement(removed, date(2017, 2, 2))
    funder = make.org("UnLtd", kind="charity")
    make.award(funder=funder, recipient=removed, amount="5000", on=date(2017, 6, 1))
    partnership = make.partnership(innovator=make.org(), partners=[kept, removed], value="900")
    user = make.user()
    for organisation in (kept, removed):
        membership_grant(
            actor=make.actor,
            user=user,
            programme=make.programme,
            role=Role.PARTNER_CONTACT,
            organisation=organisation,
        )
    figures = figures_of(make.programme)
    engaged = figures["organisations_engaged"]["value"]

    removed_pk = removed.pk
    organisation_merge(actor=make.actor, kept=kept, removed=removed)

    kept.refresh_from_db()
    assert kept.name == "Toolshed" and kept.employee_count == 12
    assert kept.website == "https://toolshed.example.org" and kept.regions == "London, Wales"
    assert sorted(str(i) for i in kept.identifiers.all()) == ["GB-CHC-1090393", "GB-COH-09506232"]
    assert kept.engagements.count() == 2 and kept.cohort_memberships.count() == 1
    assert list(partnership.partners.values_list("organisation", flat=True)) == [kept.pk]
    assert list(Membership.objects.filter(user=user).values_list("organisation", flat=True)) == [
        kept.pk
    ]
    after = figures_of(make.programme)
    assert after["organisations_engaged"]["value"] == engaged - 1  # two records, one organisation
    unchanged = ("additional_funding", "partnerships_confirmed", "estimated_partnership_value")
    for key in (*unchanged, "innovators_supported", "new_projects"):
        assert after[key] == figures[key], key
    # History: the kept record says what it merged with; the removed one's stays readable.
    merged = kept.history.first()
    assert merged.history_change_reason == "Merged with Toolshed Ltd"
    assert merged.history_user == make.actor
    last = Organisation.history.filter(id=removed_pk).first()
    assert last.history_type == "-"
    assert last.history_change_reason == f"Merged into Toolshed (record {kept.pk})"
    assert Organisation.history.filter(id=removed_pk).count() == 2  # added, then merged
    for moved in (kept.awards_received.get(), kept.cohort_memberships.get()):
        assert moved.history.first().history_change_reason == "Moved by merging into Toolshed"
        assert moved.history.first().history_user == make.actor


def test_clashes_are_refused_naming_each_and_nothing_changes(make):
    kept, removed = make.org("Toolshed"), make.org("Toolshed Ltd")
    cohort = make.cohort(date(2017, 3, 1))
    make.member(cohort, kept, date(2017, 3, 1))
    make.member(cohort, removed, date(2017, 4, 1))  # a different join date: not a duplicate
    make.engagement(removed, date(2017, 2, 2))
    before_links, before_history = referring(removed), Organisation.history.count()
    with pytest.raises(DomainError) as refused:
        organisation_merge(actor=make.actor, kept=kept, removed=removed)
    assert refused.value.message.startswith(
        "Cannot merge: both records have a cohort membership with the same cohort"
    )
    assert f"(“Toolshed in {cohort.name}” and “Toolshed Ltd in {cohort.name}”)" in (
        refused.value.message
    )
    assert referring(removed) == before_links
    assert Organisation.objects.filter(pk=removed.pk).exists()
    assert Organisation.history.count() == before_history


def test_merging_across_programmes_or_with_itself_is_refused(make):
    organisation = make.org("Toolshed")
    actor = make_user()
    elsewhere = Make(actor, make_programme(actor)).org("Toolshed")
    with pytest.raises(DomainError, match="different programmes"):
        organisation_merge(actor=make.actor, kept=organisation, removed=elsewhere)
    with pytest.raises(DomainError, match="different record"):
        organisation_merge(actor=make.actor, kept=organisation, removed=organisation)
    assert Organisation.objects.filter(pk__in=[organisation.pk, elsewhere.pk]).count() == 2


def test_the_team_merges_through_the_pages(client, make):
    team = make.user(Role.TEAM)
    client.force_login(team)
    this, other = make.org("Toolshed"), make.org("Toolshed Ltd", regions="Wales")
    make.engagement(other, date(2017, 2, 2))
    p = make.programme.slug
    choose = reverse("directory:organisation_merge_choose", args=[p, this.uid])
    assert "Which other record is the same organisation?" in client.get(choose).content.decode()
    nothing = client.get(choose, {"other": ""}).content.decode()
    assert "Select the other record of this organisation" in nothing
    response = client.get(choose, {"other": str(other.uid)})
    confirm = reverse("directory:organisation_merge", args=[p, this.uid, other.uid])
    assert response.status_code == 302 and response["Location"] == confirm
    page = client.get(confirm).content.decode()
    assert "1 engagement" in page and "Merge Toolshed and Toolshed Ltd" in page
    unanswered = client.post(confirm)
    assert "Select which record to keep" in unanswered.content.decode()
    assert Organisation.objects.filter(pk=other.pk).exists()
    # Keep the other record: this one goes, and its page is gone.
    response = client.post(confirm, {"keep": str(other.uid)})
    assert response.status_code == 302
    assert response["Location"] == reverse("directory:organisation_detail", args=[p, other.uid])
    assert not Organisation.objects.filter(pk=this.pk).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Toolshed merged into Toolshed Ltd." in page
    assert "Records merged into this one" in page
    history = reverse("directory:organisation_history", args=[p, this.uid])
    assert history in page
    removed_page = client.get(history).content.decode()
    assert "This record was merged into" in removed_page and "Organisation added" in removed_page
    detail = reverse("directory:organisation_detail", args=[p, this.uid])
    assert client.get(detail).status_code == 404


def test_a_refused_merge_shows_the_clash_on_the_page(client, make):
    client.force_login(make.user(Role.TEAM))
    this, other = make.org("Toolshed"), make.org("Toolshed Ltd")
    cohort = make.cohort(date(2017, 3, 1))
    make.member(cohort, this, date(2017, 3, 1))
    make.member(cohort, other, date(2017, 5, 1))
    assert merge_plan(kept=this, removed=other).conflicts
    confirm = reverse(
        "directory:organisation_merge", args=[make.programme.slug, this.uid, other.uid]
    )
    page = client.get(confirm).content.decode()
    assert "These records cannot be merged yet" in page
    response = client.post(confirm, {"keep": str(this.uid)})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Cannot merge: both records have a cohort membership with the same cohort" in body
    assert Organisation.objects.filter(pk__in=[this.pk, other.pk]).count() == 2
    # A merge within another programme's records is not found.
    actor = make_user()
    elsewhere = Make(actor, make_programme(actor)).org("Toolshed")
    url = reverse(
        "directory:organisation_merge", args=[make.programme.slug, this.uid, elsewhere.uid]
    )
    assert client.post(url, {"keep": str(this.uid)}).status_code == 404


def test_a_merge_that_fails_halfway_changes_nothing(make):
    """An award from one record to the other would be from the organisation to itself: found
    only once the links have moved, the whole merge is undone."""
    kept, removed = make.org("Toolshed"), make.org("Toolshed Ltd")
    make.engagement(removed, date(2017, 2, 2))
    make.award(funder=kept, recipient=removed, amount="100", on=date(2017, 6, 1))
    assert not merge_plan(kept=kept, removed=removed).conflicts
    before = referring(removed), Organisation.history.count(), record_counts()
    with pytest.raises(DomainError) as refused:
        organisation_merge(actor=make.actor, kept=kept, removed=removed)
    assert "would be invalid: The funder cannot fund itself." in refused.value.message
    assert (referring(removed), Organisation.history.count(), record_counts()) == before
