"""The demo's public page: the three stories the seed tells, written from the records and
carrying its facts, and the project and competition it names published."""

import pytest
from django.test import Client
from django.urls import reverse

from partnerbase.core.period import programme_period
from partnerbase.impact.figures import headline_figures
from partnerbase.projects.models import CollaborativeProject, Competition
from partnerbase.stories.queries import report_stories

pytestmark = pytest.mark.django_db

# The seed's facts, as each generated paragraph must carry them.
SEED_FACTS = {
    "Toolshed": [
        "an £80,500 ($105,994) social loan from UnLtd",
        "a £25,000 ($32,918) grant from Barclays",
        "participants served trebled from 120 to 360 participants",
        "the number of cities operating in doubled from 1 to 2 cities, another city (verified)",
    ],
    "Money A+E": [
        "another 15,000 people (estimate)",
        "Grant Thornton",
        "Money Advice Service",
        "Fair Finance",
        "WhatsApp",
    ],
    "MyKindaFuture": [
        "Marks & Spencer",
        "young people into work rose from none to 3,000 young people (verified)",
    ],
}


def test_the_three_stories_carry_the_seeds_facts_and_the_page_shows_only_what_is_published(
    iep_restored,
):
    iep = iep_restored()

    stories = report_stories(iep, published_only=True)

    assert [s.organisation.name for s in stories] == ["Toolshed", "Money A+E", "MyKindaFuture"]
    for s in stories:
        for fact in SEED_FACTS[s.organisation.name]:
            assert fact in s.paragraph, (s.organisation.name, fact)
        assert s.own_sentence
    published = CollaborativeProject.objects.filter(programme=iep, published=True)
    assert [p.name for p in published] == ["West Midlands transition-to-work pilot"]
    assert [c.name for c in Competition.objects.filter(programme=iep, published=True)] == [
        "Open Banking for Good"
    ]
    # Publishing changed no figure.
    f = headline_figures(iep, programme_period(iep)).figures
    assert [f[k].display for k in f] == [
        "125",
        "4",
        "18",
        "£632,913 ($833,356)",
        "100",
        "£2 million ($2.63 million)",
    ]

    page = Client().get(reverse("public_figures", args=["iep"])).content.decode()
    assert "Cabinet Office and Department for Digital, Culture, Media and Sport" in page
    assert "iep-team@example.org" in page
    assert "West Midlands transition-to-work pilot" in page
    assert "£3 million ($3.95 million)" in page  # Nationwide's competition
    others = CollaborativeProject.objects.filter(programme=iep, published=False)
    assert others.exists() and not any(p.name in page for p in others)
    assert "an £80,500 ($105,994) social loan from UnLtd" in page
    assert "govuk-phase-banner" not in page  # no banner unless the team sets one
