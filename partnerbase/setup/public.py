"""What the public page shows, for the page itself (reports) and the team's preview (here):
only records the team has published."""

from django.db.models import Prefetch

from partnerbase.core.period import programme_period
from partnerbase.directory.models import Organisation, OrganisationKind
from partnerbase.impact.definitions import DEFINITIONS
from partnerbase.impact.kept import kept_figures
from partnerbase.impact.models import Figure
from partnerbase.programmes import statements
from partnerbase.projects.models import CoalitionMember, CollaborativeProject, Competition
from partnerbase.projects.queries import money_total
from partnerbase.stories.queries import report_stories
from partnerbase.stories.writing import join_words

PHASE_BANNERS = {
    "": "",
    "alpha": "Alpha — this is a new service",
    "beta": "Beta — this is a new service",
}


def department_name(programme) -> str:
    """The owning department: the convening government departments, else every convening
    organisation ("Cabinet Office and Department for ...")."""
    conveners = Organisation.objects.filter(programme=programme, convenes_programme=True)
    departments = conveners.filter(kind=OrganisationKind.GOVERNMENT_DEPARTMENT)
    chosen = departments if departments.exists() else conveners
    return join_words(list(chosen.order_by("name").values_list("name", flat=True)))


def statement_text(programme, which: str) -> str:
    """The team's accessibility statement or privacy notice, or the standard one."""
    own = getattr(programme, which)
    if own.strip():
        return own
    make = {
        "accessibility_statement": statements.default_accessibility_statement,
        "privacy_notice": statements.default_privacy_notice,
    }[which]
    return make(
        programme=programme.name,
        department=department_name(programme),
        contact=programme.department_contact,
    )


def public_projects(programme):
    members = CoalitionMember.objects.select_related("organisation").order_by("organisation__name")
    return (
        CollaborativeProject.objects.filter(programme=programme, published=True)
        .select_related("challenge_area")
        .prefetch_related(Prefetch("coalition", members))
        .order_by("launch_date", "name")
    )


def public_competitions(programme):
    competitions = list(
        Competition.objects.filter(programme=programme, published=True)
        .select_related("sponsor")
        .order_by("launch_date", "name")
    )
    for c in competitions:
        c.prize_fund_display = money_total(
            programme,
            [(c.prize_fund_currency, c.launch_date, c.prize_fund_minor)],
            at=programme.report_date,
        ).display
    return competitions


def public_context(programme) -> dict:
    period = programme_period(programme)
    return {
        "public_programme": programme,
        "department": department_name(programme),
        "figures": kept_figures(programme, period),
        "period": period,
        "definitions": [(Figure(key).label, text) for key, text in DEFINITIONS.items()],
        "stories": report_stories(programme, published_only=True),
        "public_projects": public_projects(programme),
        "public_competitions": public_competitions(programme),
        "public_phase_banner": PHASE_BANNERS.get(programme.phase_banner, ""),
    }
