"""/api/v1/: programmes, each programme's records, the figures, the schema and the docs.

Every pattern here is walked by the permission matrix (api/tests/test_matrix.py), so an
endpoint without a rule fails it."""

from django.urls import path

from . import docs, writes
from .figures import Figures
from .people import PeopleList
from .reads import KINDS, ProgrammeDetail, ProgrammeList
from .reads_more import MORE_KINDS, more_views
from .reads_others import OTHER_KINDS

app_name = "api"

PROGRAMME = "programmes/<slug:slug>/"

urlpatterns = [
    path("schema/", docs.Schema.as_view(), name="schema"),
    path("docs/", docs.Docs.as_view(), name="docs"),
    path("docs/try/", docs.Explore.as_view(), name="explore"),
    path("programmes/", ProgrammeList.as_view(), name="programme_list"),
    path(PROGRAMME, ProgrammeDetail.as_view(), name="programme_detail"),
    path(PROGRAMME + "figures/", Figures.as_view(), name="figures"),
    path(PROGRAMME + "people/", PeopleList.as_view(), name="people-list"),
]
for kind in KINDS:
    listing, detail = writes.record_views(kind)
    urlpatterns += [
        path(f"{PROGRAMME}{kind.path}/", listing.as_view(), name=f"{kind.path}-list"),
        path(f"{PROGRAMME}{kind.path}/<uuid:uid>/", detail.as_view(), name=f"{kind.path}-detail"),
    ]
for kind in [*MORE_KINDS, *OTHER_KINDS]:
    listing, detail = more_views(kind)
    urlpatterns += [
        path(f"{PROGRAMME}{kind.path}/", listing.as_view(), name=f"{kind.path}-list"),
        path(f"{PROGRAMME}{kind.path}/<uuid:uid>/", detail.as_view(), name=f"{kind.path}-detail"),
    ]
urlpatterns += [
    path(
        PROGRAMME + "organisations/<uuid:uid>/engagements/",
        writes.EngagementRecord.as_view(),
        name="engagement-record",
    ),
    path(
        PROGRAMME + "introductions/<uuid:uid>/answer/",
        writes.IntroductionAnswer.as_view(),
        name="introduction-answer",
    ),
    path(
        PROGRAMME + "partnerships/<uuid:uid>/stage/",
        writes.PartnershipStage.as_view(),
        name="partnership-stage",
    ),
    path(
        PROGRAMME + "outcome-indicators/<uuid:uid>/observations/",
        writes.ObservationRecord.as_view(),
        name="observation-record",
    ),
]
