"""A small world for walking every page: two programmes, records of every kind in the first
(the interchange tests' small programme, plus a board, a working group, an open call with a
file answer, an applicant and an account waiting for its email to be confirmed), and a user
for every role, each linked to the records their pages show."""

import re
from dataclasses import dataclass, field
from datetime import date

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partnerbase.accelerator import services as accelerator
from partnerbase.accelerator.models import Milestone
from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.accounts.invitations import invitation_send
from partnerbase.accounts.models import Role, User
from partnerbase.board import services as board
from partnerbase.board.models import Champion
from partnerbase.board.samples import small_pdf
from partnerbase.calls import services as calls
from partnerbase.challenges.services import challenge_area_create
from partnerbase.champions import services as champions
from partnerbase.directory.models import Organisation
from partnerbase.interchange.tasks import export_programme
from partnerbase.interchange.tests.conftest import build_small
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.services import job_start
from partnerbase.notifications.tests.helpers import committed
from partnerbase.privacy.models import ActionKind
from partnerbase.privacy.services import action_record
from partnerbase.privacy.subject import subject_find
from partnerbase.programmes.models import Programme
from partnerbase.workinggroups import services as workinggroups
from tests.factories import Make, make_programme, make_user
from tests.factories.calls import good_answers, make_call


@dataclass
class World:
    alpha: Programme
    bravo: Programme
    call: object  # alpha's open call
    bravo_call: object = None  # bravo's, to which the applicant has not applied
    users: dict = field(default_factory=dict)  # who → user; None is signed out
    key: str = ""  # the emailed link's key of an account not yet confirmed
    reset: dict = field(default_factory=dict)  # a password-reset link's uidb64 and token
    invitation_token: str = ""  # a waiting invitation's link, from its email

    def org(self, name: str) -> Organisation:
        return Organisation.objects.get(programme=self.alpha, name=name)


def _board(make, champion: Champion) -> None:
    kw = {"actor": make.actor, "programme": make.programme}
    meeting = board.meeting_create(**kw, held_on=date(2017, 11, 21), title="First meeting")
    upload = SimpleUploadedFile("paper.pdf", small_pdf("Terms", ["Line one"]), "application/pdf")
    board.paper_upload(actor=make.actor, meeting=meeting, title="Terms", upload=upload)
    board.decision_record(actor=make.actor, meeting=meeting, kind="ambition", summary="Aim high")
    board.action_record(
        actor=make.actor,
        meeting=meeting,
        description="Pledge resources",
        owner_champion=champion,
        due_on=date(2017, 12, 1),
    )


def _working_group(make, user) -> None:
    # The small programme's one area has an archived group (format 1.4): a live one needs
    # an area of its own.
    area = challenge_area_create(
        actor=make.actor,
        programme=make.programme,
        name="Mental health at work",
        slug="mental-health",
        description="",
    )
    group = workinggroups.working_group_create(
        actor=make.actor,
        programme=make.programme,
        challenge_area=area,
        name="Money working group",
        purpose="To meet",
    )
    add = workinggroups.working_group_member_add
    lead = add(
        actor=make.actor,
        working_group=group,
        name="Lena Lead",
        is_lead=True,
        organisation=make.org(kind="business"),
        joined_on=date(2017, 10, 2),
    )
    add(
        actor=make.actor,
        working_group=group,
        name="Mo Member",
        user=user,
        organisation=make.org(kind="business"),
        joined_on=date(2017, 10, 2),
    )
    workinggroups.meeting_record(
        actor=make.actor,
        working_group=group,
        held_on=date(2017, 11, 1),
        notes="Met",
        attendees=[lead],
    )
    workinggroups.idea_propose(
        actor=make.actor,
        working_group=group,
        title="A toolkit",
        proposed_by=lead,
        proposed_on=date(2017, 11, 1),
    )


def _applications(make, call, innovator, applicant) -> None:
    """The innovator's draft with a file answer; the applicant's draft for a new organisation."""
    toolshed = Organisation.objects.get(programme=make.programme, name="Toolshed — Ltd")
    plan = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    for user, organisation in ((innovator, toolshed), (applicant, make.org("Applicant CIC"))):
        if user is applicant:
            calls.applicant_add(actor=user, user=user, organisation=organisation)
        application = calls.application_start(actor=user, call=call, organisation=organisation)
        calls.application_save(
            actor=user,
            application=application,
            answers={**good_answers(call), call.q["plan"]: plan},
        )


def build_world(actor) -> World:
    alpha = build_small(actor, slug="alpha")
    make = Make(actor, alpha)
    world = World(alpha=alpha, bravo=None, call=make_call(make, slug="open-call"))
    bank, toolshed = world.org("Barclays"), world.org("Toolshed — Ltd")
    users = {
        "signed out": None,
        Role.TEAM: make.user(Role.TEAM),
        Role.CHAMPION: make.user(Role.CHAMPION, organisation=bank),
        Role.WORKING_GROUP_MEMBER: make.user(Role.WORKING_GROUP_MEMBER),
        Role.ACCELERATOR_MANAGER: make.user(Role.ACCELERATOR_MANAGER),
        Role.ASSESSOR: User.objects.get(email="asha@example.org"),  # assigned applications
        Role.INNOVATOR: make.user(Role.INNOVATOR, organisation=toolshed),
        Role.PARTNER_CONTACT: make.user(Role.PARTNER_CONTACT, organisation=bank),
        "superuser": User.objects.create_superuser(email="root@example.org", password=None),
        "judge": User.objects.get(email="judge@example.org"),  # judges a competition
        "applicant": make_user(),
        "no role": make_user(),
    }
    _board(make, Champion.objects.get(programme=alpha, organisation=bank))
    _working_group(make, users[Role.WORKING_GROUP_MEMBER])
    _applications(make, world.call, users[Role.INNOVATOR], users["applicant"])
    # An account asked for and not yet confirmed: its key is only in the email.
    calls.applicant_register(
        call=world.call,
        site="http://testserver",
        email="newcomer@example.org",
        full_name="Nia Newcomer",
        password="a long and unusual passphrase",
        organisation_name="Newcomer Ltd",
        kind="charity",
    )
    world.key = re.search(r"/confirm/(\S+)/", mail.outbox[-1].body)[1]
    team = users[Role.TEAM]
    api_token_create(actor=team, user=team, name="Reporting")  # the account page lists it
    # An invitation waiting to be accepted: its link's token is only in the email.
    with committed():  # its email goes after the commit
        invitation_send(
            actor=team,
            programme=alpha,
            email="invited@example.org",
            roles=[Role.ASSESSOR],
            site_url="http://testserver",
        )
    world.invitation_token = re.search(r"/invitations/(\S+?)/", mail.outbox[-1].body)[1]
    # The team looked up someone's data once: the personal-data log has a row.
    subject = subject_find(email=users[Role.INNOVATOR].email)
    action_record(actor=team, kind=ActionKind.VIEW, subject=subject, programme=alpha)
    world.reset = {
        "uidb64": urlsafe_base64_encode(force_bytes(team.pk)),
        "token": default_token_generator.make_token(team),
    }
    # Evidence with a file, for its download page.
    milestone = Milestone.objects.filter(
        membership__cohort__accelerator__programme=alpha, status="planned"
    ).first()
    accelerator.milestone_evidence_record(
        actor=actor,
        milestone=milestone,
        status="in_progress",
        evidence="Halfway",
        upload=SimpleUploadedFile("notes.pdf", small_pdf("Notes", ["Halfway"]), "application/pdf"),
    )
    # A finished background job with its file (the tests run queued work at once).
    job_start(
        actor=actor,
        programme=alpha,
        kind=JobKind.EXPORT,
        title="Export of Alpha",
        task=export_programme,
        arguments={},
    )
    # … and one waiting on the database queue (its row for the admin's task-result pages).
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        job_start(
            actor=actor,
            programme=alpha,
            kind=JobKind.EXPORT,
            title="Export of Alpha, queued",
            task=export_programme,
            arguments={},
        )
    Group.objects.create(name="Editors")  # the admin's groups page has one to open
    # A failed and a successful sign-in, as django-axes keeps them (its admin pages).
    seen = {"user_agent": "test", "ip_address": "192.0.2.1", "http_accept": "*/*"}
    seen |= {"path_info": "/accounts/login/", "username": "someone@example.org"}
    AccessAttempt.objects.create(**seen, get_data="", post_data="", failures_since_start=1)
    AccessFailureLog.objects.create(**seen)
    AccessLog.objects.create(**seen)
    # The other programme: published figures, a prospect before any criteria are saved, and
    # an open call.
    other = Make(
        actor, make_programme(actor, name="Bravo programme", slug="bravo", figures_published=True)
    )
    champions.prospect_add(
        actor=actor,
        programme=other.programme,
        organisation_name="Bravo plc",
        person_name="Bo Bravo",
        added_on=date(2017, 9, 4),
    )
    world.bravo_call = make_call(other, slug="bravo-call")
    applicant = users["applicant"]
    calls.applicant_add(actor=applicant, user=applicant, organisation=other.org("Second CIC"))
    users["other programme's team"] = other.user(Role.TEAM)
    world.bravo, world.users = other.programme, users
    return world
