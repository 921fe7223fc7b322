from django.contrib import admin
from django.urls import include, path

from partnerbase.opendata import views as opendata_views
from partnerbase.reports import public as report_public
from partnerbase.reports import views as report_views
from partnerbase.setup import views as setup_views

urlpatterns = [
    path("", report_views.programme_list, name="home"),
    # Before accounts/: a person's notifications live under their account.
    path("accounts/notifications/", include("partnerbase.notifications.urls")),
    path("accounts/", include("partnerbase.accounts.urls")),
    # Before programmes/<slug>/: "new" is not a programme (setup.forms.RESERVED_SLUGS).
    path("programmes/new/", setup_views.programme_new, name="programme_new"),
    path("programmes/<slug:slug>/", include("partnerbase.reports.urls")),
    path("programmes/<slug:slug>/settings/", include("partnerbase.setup.urls")),
    path("programmes/<slug:slug>/changes/", include("partnerbase.setup.changes_urls")),
    path("programmes/<slug:slug>/", include("partnerbase.network.urls")),
    path("programmes/<slug:slug>/organisations/", include("partnerbase.directory.urls")),
    path("programmes/<slug:slug>/brokering/", include("partnerbase.brokering.urls")),
    path("programmes/<slug:slug>/funding/", include("partnerbase.funding.urls")),
    path("programmes/<slug:slug>/projects/", include("partnerbase.projects.urls")),
    path("programmes/<slug:slug>/open-data/", include("partnerbase.opendata.urls")),
    path("programmes/<slug:slug>/board/", include("partnerbase.board.urls")),
    path("programmes/<slug:slug>/champions/", include("partnerbase.champions.urls")),
    path("programmes/<slug:slug>/pledges/", include("partnerbase.pledges.urls")),
    path("programmes/<slug:slug>/working-groups/", include("partnerbase.workinggroups.urls")),
    path("programmes/<slug:slug>/calls/", include("partnerbase.calls.urls")),
    path("programmes/<slug:slug>/assessment/", include("partnerbase.assessment.urls")),
    path("programmes/<slug:slug>/outcomes/", include("partnerbase.outcomes.urls")),
    path("programmes/<slug:slug>/accelerator/", include("partnerbase.accelerator.urls")),
    path("programmes/<slug:slug>/challenges/", include("partnerbase.challenges.urls")),
    path("programmes/<slug:slug>/people/", include("partnerbase.people.urls")),
    path("programmes/<slug:slug>/personal-data/", include("partnerbase.privacy.urls")),
    path("programmes/<slug:slug>/notifications/", include("partnerbase.notifications.team_urls")),
    path("programmes/<slug:slug>/background/", include("partnerbase.jobs.urls")),
    path("programmes/<slug:slug>/", include("partnerbase.interchange.urls")),
    path("programmes/<slug:slug>/stories/", include("partnerbase.stories.urls")),
    path("public/<slug:slug>/calls/", include("partnerbase.calls.public_urls")),
    path("public/<slug:slug>/", report_public.public_figures, name="public_figures"),
    path(
        "public/<slug:slug>/figures.csv",
        report_public.public_figures_csv,
        name="public_figures_csv",
    ),
    path(
        "public/<slug:slug>/figures.json",
        report_public.public_figures_json,
        name="public_figures_json",
    ),
    path(
        "public/<slug:slug>/accessibility/",
        report_public.public_accessibility,
        name="public_accessibility",
    ),
    path("public/<slug:slug>/privacy/", report_public.public_privacy, name="public_privacy"),
    path(
        "public/<slug:slug>/report.pdf", report_public.public_report_pdf, name="public_report_pdf"
    ),
    path(
        "public/<slug:slug>/charts/<slug:chart>.csv",
        report_public.public_chart_csv,
        name="public_chart_csv",
    ),
    path(
        "public/<slug:slug>/360giving.json",
        opendata_views.public_360giving,
        name="public_360giving",
    ),
    path("api/v1/", include("partnerbase.api.urls")),
    path("healthz", report_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Partnerbase administration"
admin.site.site_title = "Partnerbase"
