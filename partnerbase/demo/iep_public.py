"""The IEP's public page: the three innovators' stories the seed tells (Toolshed, Money A+E,
MyKindaFuture, in its order), published, and the West Midlands pilot and Nationwide's Open
Banking for Good competition on the page. Publishing changes no figure."""

from partnerbase.projects import services as projects
from partnerbase.projects.models import Competition
from partnerbase.stories import services as stories

from .ids import uid

# (innovator, the team's own sentence): the paragraphs themselves come from the records.
STORIES = [
    ("toolshed", "Toolshed trains young people in construction skills."),
    ("money-ae", "Money A+E gives money advice and education to Black, Asian and minority "
                 "ethnic and hard-to-reach people in London."),
    ("mykindafuture", "MyKindaFuture's Connectr platform helps disadvantaged young people "
                      "into work and beyond."),
]  # fmt: skip
CONTACT = "iep-team@example.org"


def build_public_page(b) -> None:
    a, p = b.actor, b.programme
    for key, sentence in STORIES:
        story = stories.story_add(
            actor=a,
            programme=p,
            organisation=b.orgs[key],
            own_sentence=sentence,
            uid=uid("story", key),
        )
        stories.story_publish(actor=a, story=story, published=True)
    projects.project_publish(actor=a, project=b.projects["west-midlands"], published=True)
    competition = Competition.objects.get(programme=p, uid=uid("competition", "ob4g"))
    projects.competition_publish(actor=a, competition=competition, published=True)
