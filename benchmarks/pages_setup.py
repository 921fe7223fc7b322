#!/usr/bin/env python
"""The pages benchmark's set-up (pages.py), run in a child process with DATABASE_URL set:
migrate, build the programme if the database has none, give it a user for each role, and
write the pages each role opens to a JSON file.

    DATABASE_URL=… python benchmarks/pages_setup.py --size demo|N --out pages.json [--build]

With --build it only builds the figures benchmark's data set into an empty database (the
cached original), and adds no users. The demo's own users are used for the demo (password
`demo`); the figures benchmark's programme gets `bench-<role>@example.org` users.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from figures_loader import SEED

PASSWORD = "bench-pages-not-secret"  # the users exist only in the benchmark's copy
DEMO_SLUG = "iep"
# The demo's users, one per role; the applicant is added (the demo has none).
DEMO_USERS = {
    "team": "team@example.org",
    "champion": "champion@example.org",
    "working_group_member": "wg@example.org",
    "accelerator_manager": "manager@example.org",
    "assessor": "assessor@example.org",
    "judge": "judge@example.org",
    "innovator": "innovator@example.org",
    "partner_contact": "partner@example.org",
}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="demo")
    parser.add_argument("--out")
    parser.add_argument("--build", action="store_true")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from partnerbase.directory.models import Organisation

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"  migrated in {time.perf_counter() - started:.1f} s", flush=True)
    programme = build(connection, args.size)
    if args.build:
        return 0
    users = users_for(programme, args.size)
    result = {
        "slug": programme.slug,
        "organisations": Organisation.objects.filter(programme=programme).count(),
        "roles": [
            {
                "role": role,
                "email": email,
                "password": password,
                "pages": pages,
                "main": main_pages(role),
            }
            for role, (email, password, pages) in users.items()
        ],
        "public": public_pages(programme),
    }
    Path(args.out).write_text(json.dumps(result, indent=1))
    return 0


def build(connection, size: str):
    """The programme: the demo's, or the figures benchmark's (built if the database has none)."""
    from partnerbase.programmes.models import Programme

    slug = DEMO_SLUG if size == "demo" else f"bench-{SEED}"
    programme = Programme.objects.filter(slug=slug).first()
    if programme is not None:
        return programme
    started = time.perf_counter()
    if size == "demo":
        from partnerbase.demo.iep import build_iep

        print("  building the IEP demo…", flush=True)
        programme = build_iep()
    else:
        from figures_data import generate

        n = int(size)
        print(f"  building the figures benchmark's data set at {n:,} organisations…", flush=True)
        programme = generate(connection, n, n * 10, slug)
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    return programme


# --- the users -------------------------------------------------------------------------------


def users_for(programme, size: str) -> dict:
    """{role: (email, password, [(name, path)])}, the roles in the order they are measured."""
    from partnerbase.accounts.models import User

    picks = organisations(programme)
    if size == "demo":
        emails = dict(DEMO_USERS)
        passwords = dict.fromkeys(emails, "demo")
    else:
        emails = {role: f"bench-{role.replace('_', '-')}@example.org" for role in DEMO_USERS}
        passwords = dict.fromkeys(emails, PASSWORD)
        for role, email in emails.items():
            roles_give(programme, email, role, picks)
        if not programme.figures_published:  # the demo's is; the public page is measured
            from partnerbase.programmes.services import programme_publish

            programme_publish(actor=team_actor(programme), programme=programme, published=True)
    emails["applicant"] = "bench-applicant@example.org"
    passwords["applicant"] = PASSWORD
    applicant_give(programme, emails["applicant"], picks["applicant"])
    found = {}
    for role, email in emails.items():
        user = User.objects.get(email=email)
        found[role] = (email, passwords[role], role_pages(user, programme, picks))
    return found


def organisations(programme) -> dict:
    """The records the users act for and the detail pages open. Where a role is held
    already (the demo's users) its own organisation; else the busiest partner, an innovator
    in the latest cohort with the most partnerships, the latest accelerator's delivery
    partner, and for the applicant an organisation that applied and was not selected (or
    any other)."""
    from django.db.models import Count

    from partnerbase.accelerator.models import CohortMembership
    from partnerbase.accounts.models import Membership, Role
    from partnerbase.calls.models import Application
    from partnerbase.directory.models import Organisation

    def held(role):
        found = Membership.objects.filter(programme=programme, role=role)
        return found.exclude(organisation=None).values_list("organisation", flat=True).first()

    orgs = Organisation.objects.filter(programme=programme)
    partners = orgs.annotate(n=Count("partner_in")).order_by("-n", "pk")
    busy = list(partners.values_list("pk", flat=True)[:2])
    places = (
        CohortMembership.objects.filter(cohort__accelerator__programme=programme)
        .exclude(status="withdrawn")
        .annotate(n=Count("organisation__innovator_partnerships"))
        .order_by("-cohort__starts_on", "-n", "pk")
        .select_related("organisation", "cohort__accelerator")
    )
    innovator = held(Role.INNOVATOR)
    place = (places.filter(organisation=innovator) if innovator else places).first()
    partner = held(Role.PARTNER_CONTACT) or busy[0]
    champion = held(Role.CHAMPION) or busy[1]
    taken = {partner, champion, place.organisation_id}
    applied = (
        Application.objects.filter(call__accelerator__programme=programme)
        .exclude(organisation__in=taken)
        .exclude(organisation__cohort_memberships__isnull=False)
        .values_list("organisation", flat=True)
        .first()
    )
    other = orgs.exclude(pk__in=taken).order_by("-pk").values_list("pk", flat=True).first()
    return {
        "partner": orgs.get(pk=partner),
        "champion": orgs.get(pk=champion),
        "place": place,
        "delivery": place.cohort.accelerator.delivery_partner,
        "applicant": orgs.get(pk=applied or other),
    }


def roles_give(programme, email: str, role: str, picks: dict) -> None:
    """A user with the role (the judge: an assessor judging the first competition)."""
    from partnerbase.accounts.models import Role, User
    from partnerbase.accounts.services import membership_grant, user_create
    from partnerbase.projects.models import Competition
    from partnerbase.projects.services import competition_judge_add

    actor = team_actor(programme)
    user = User.objects.filter(email=email).first() or user_create(
        email=email, password=PASSWORD, full_name=f"Benchmark {role.replace('_', ' ')}"
    )
    organisation = {
        "champion": picks["champion"],
        "innovator": picks["place"].organisation,
        "partner_contact": picks["partner"],
        "accelerator_manager": picks["delivery"],
    }.get(role)
    granted = Role.ASSESSOR if role == "judge" else role
    if role == "team":
        actor = user if actor is None else actor
    membership_grant(
        actor=actor, user=user, programme=programme, role=granted, organisation=organisation
    )
    if role == "judge":
        competition = Competition.objects.filter(programme=programme).order_by("pk").first()
        if competition and not competition.judges.filter(user=user).exists():
            competition_judge_add(actor=actor, competition=competition, user=user)


def team_actor(programme):
    from partnerbase.accounts.models import Role, User

    return User.objects.filter(
        memberships__programme=programme, memberships__role=Role.TEAM
    ).first()


def applicant_give(programme, email: str, organisation) -> None:
    from partnerbase.accounts.models import User
    from partnerbase.accounts.services import user_create
    from partnerbase.calls.services.applicants import applicant_add

    user = User.objects.filter(email=email).first() or user_create(
        email=email, password=PASSWORD, full_name="Benchmark applicant"
    )
    if not user.applicant_records.filter(organisation=organisation).exists():
        applicant_add(actor=team_actor(programme), user=user, organisation=organisation)


# --- the pages ------------------------------------------------------------------------------


def role_pages(user, programme, picks) -> list[tuple[str, str]]:
    """The landing page, every place the landing page offers the user (reports/places.py),
    then the detail pages: the report, a figure's records, an organisation, an innovator.
    Pages the role may not open are kept: the run probes them and says which it skipped."""
    from django.urls import reverse

    from partnerbase.impact.models import Figure
    from partnerbase.reports.places import places

    slug = programme.slug
    pages = [("landing", reverse("home"))]
    for _, links in places(user, programme):
        pages += [(key, url) for key, _, url in links]
    details = [
        ("dashboard", reverse("reports:dashboard", args=[slug])),
        ("report", reverse("reports:report", args=[slug])),
        (
            "figure records",
            reverse("reports:figure_detail", args=[slug, Figure.PARTNERSHIPS_CONFIRMED]),
        ),
        (
            "organisation",
            reverse("directory:organisation_detail", args=[slug, picks["partner"].uid]),
        ),
        ("innovator", reverse("accelerator:innovator", args=[slug, picks["place"].uid])),
    ]
    known = {path for _, path in pages}
    return pages + [(name, path) for name, path in details if path not in known]


def main_pages(role: str) -> list[str]:
    """The pages loaded without --pages all, besides the lists: the landing page, the
    role's top navigation (reports/places.py) and the detail pages."""
    from partnerbase.accounts.models import Role
    from partnerbase.reports.places import NO_ROLE_NAV, ROLE_NAV

    if role == "judge":
        nav = ROLE_NAV[Role.ASSESSOR] + ["competitions"]  # the judge's work is there
    elif role == "applicant":
        nav = NO_ROLE_NAV
    else:
        nav = ROLE_NAV[Role(role)]
    return ["landing", *nav, "dashboard", "report", "figure records", "organisation", "innovator"]


def public_pages(programme) -> list[tuple[str, str]]:
    from django.urls import reverse

    return [("public page", reverse("public_figures", args=[programme.slug]))]


if __name__ == "__main__":
    sys.exit(main())
