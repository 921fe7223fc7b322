"""Format 1.5's public page for the small programme: the department's contact, its own
privacy notice and a beta banner, a published project and competition, and Toolshed's
published story with the team's sentence (the only innovator whose place stands)."""

from partnerbase.programmes.services import programme_update
from partnerbase.projects import services as projects
from partnerbase.projects.models import Competition
from partnerbase.stories import services as stories


def version_1_5_records(actor, p, o, project) -> None:
    programme_update(
        actor=actor,
        programme=p,
        department_contact="team@example.org",
        privacy_notice="## Who we are\n\nThe small programme's team.",
        phase_banner="beta",
    )
    projects.project_publish(actor=actor, project=project, published=True)
    competition = Competition.objects.filter(programme=p).first()
    projects.competition_publish(actor=actor, competition=competition, published=True)
    first = stories.story_add(
        actor=actor,
        programme=p,
        organisation=o["toolshed"],
        own_sentence="Toolshed trains young builders.",
    )
    stories.story_publish(actor=actor, story=first, published=True)
