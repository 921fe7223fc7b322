"""On the IEP demo, erasing people changes none of the six headline figures, and no trace of
them is left."""

import pytest

from partnerbase.core.period import programme_period
from partnerbase.directory.models import Person
from partnerbase.impact.figures import headline_figures
from partnerbase.privacy.services import person_erase
from partnerbase.privacy.subject import Subject, subject_find

from .scan import tables_holding

# A champion, a working-group member, an innovator, a partner contact and an assessor.
ERASED = [
    "champion@example.org",
    "wg@example.org",
    "innovator@example.org",
    "partner@example.org",
    "nadia.okafor@example.org",
]


@pytest.fixture
def demo(db, iep_restored):
    return iep_restored()


def numbers(programme):
    return [
        (f.label, f.value, f.display)
        for f in headline_figures(programme, programme_period(programme))
    ]


@pytest.mark.django_db
def test_erasing_people_changes_no_headline_figure(demo):
    before = numbers(demo)
    names = []
    for email in ERASED:
        subject = subject_find(email=email)
        names.append(subject.user.full_name)
        person_erase(subject=subject, actor=None, scope=None, reason="Demo erasure")
    # Board champions are directory people without an address: erased by their record.
    champions = list(
        Person.objects.filter(programme=demo, board_seats__isnull=False).distinct()[:3]
    )
    assert champions
    for person in champions:
        names.append(person.name)
        person_erase(
            subject=Subject(email="", people=[person]),
            actor=None,
            scope=None,
            reason="Demo erasure",
        )
    assert numbers(demo) == before
    assert tables_holding(*ERASED, *names) == {}
