"""Each permission function for every role, and for signed-out, role-less and super users."""

import pytest
from django.contrib.auth.models import AnonymousUser

from partnerbase.accounts import permissions as perm
from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

EVERY_ROLE = set(Role.values)
ALLOWED = {
    perm.can_view_programme: EVERY_ROLE | {"superuser"},
    perm.can_view_dashboard: {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER, "superuser"},
    perm.can_view_figure_records: {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER, "superuser"},
    perm.can_view_directory: {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"},
    perm.can_manage_programme: {Role.TEAM, "superuser"},
    perm.can_manage_people: {Role.TEAM, "superuser"},
}
# Who may be asking: each role in the programme, and users with no role in it.
WHO = [
    *Role.values,
    "superuser",
    "anonymous",
    "no role",
    "staff, no role",
    "team of another programme",
]


@pytest.fixture
def make():
    actor = make_user()
    return Make(actor, make_programme(actor))


def someone(make, who):
    if who in EVERY_ROLE:
        return make.user(who)
    if who == "superuser":
        return User.objects.create_superuser(email="root@example.org", password=None)
    if who == "anonymous":
        return AnonymousUser()
    if who == "staff, no role":
        return User.objects.create_user(email="staff@example.org", is_staff=True)
    if who == "team of another programme":
        return Make(make.actor, make_programme(make.actor)).user(Role.TEAM)
    return make_user()


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("check", ALLOWED, ids=lambda c: c.__name__)
def test_each_permission_for_each_role(make, check, who):
    assert check(someone(make, who), make.programme) is (who in ALLOWED[check])


@pytest.mark.parametrize("role", Role.values)
def test_programme_roles_are_the_roles_held_in_that_programme_only(make, role):
    user = make.user(role)
    other = Make(make.actor, make_programme(make.actor))

    assert perm.programme_roles(user, make.programme) == {role}
    assert perm.programme_roles(user, other.programme) == set()
    assert not perm.can_view_programme(user, other.programme)


def test_roles_add_up_across_memberships(make):
    user = make.user(Role.INNOVATOR)
    assert not perm.can_view_directory(user, make.programme)

    membership_grant(
        actor=make.actor, user=user, programme=make.programme, role=Role.ACCELERATOR_MANAGER
    )
    user = User.objects.get(pk=user.pk)  # a new request: the role cache starts empty

    assert perm.programme_roles(user, make.programme) == {Role.INNOVATOR, Role.ACCELERATOR_MANAGER}
    assert perm.can_view_directory(user, make.programme)
    assert not perm.can_manage_programme(user, make.programme)


def test_roles_are_read_once_per_user_and_programme(make, django_assert_num_queries):
    user = make.user(Role.TEAM)
    with django_assert_num_queries(1):
        for check in ALLOWED:
            assert check(user, make.programme)


def test_roles_of_one_programme_are_not_cached_for_another(make):
    user = make.user(Role.TEAM)
    other = Make(make.actor, make_programme(make.actor))

    assert perm.can_manage_programme(user, make.programme)
    assert not perm.can_manage_programme(user, other.programme)
    assert not perm.can_view_dashboard(user, other.programme)
