from django.urls import path

from .views import cohorts, innovators, selection, setup, support

app_name = "accelerator"

urlpatterns = [
    path("", cohorts.home, name="home"),
    path("selection/<slug:call_slug>/", selection.selection, name="selection"),
    path("selection/<slug:call_slug>/notify/", selection.notify, name="notify"),
    path("selection/<slug:call_slug>/cohort/", selection.select_cohort, name="select_cohort"),
    path("selection/<slug:call_slug>/<uuid:uid>/", selection.decide, name="decide"),
    path("accelerators/add/", setup.accelerator_add, name="accelerator_add"),
    path("accelerators/<uuid:uid>/edit/", setup.accelerator_edit, name="accelerator_edit"),
    path("accelerators/<uuid:uid>/cohorts/add/", setup.cohort_add, name="cohort_add"),
    path("cohorts/<uuid:uid>/", cohorts.cohort, name="cohort"),
    path("cohorts/<uuid:uid>/edit/", setup.cohort_edit, name="cohort_edit"),
    path("cohorts/<uuid:uid>/innovators/add/", setup.place_add, name="place_add"),
    path("cohorts/<uuid:uid>/sessions/add/", support.session_add, name="session_add"),
    path("cohorts/<uuid:uid>/milestones/add/", support.milestone_add, name="milestone_add"),
    path("sessions/<uuid:uid>/", support.session, name="session"),
    path("innovators/mine/", innovators.mine, name="mine"),
    path("innovators/<uuid:uid>/", innovators.innovator, name="innovator"),
    path("innovators/<uuid:uid>/status/", cohorts.membership_status, name="membership_status"),
    path("milestones/<uuid:uid>/", innovators.evidence, name="evidence"),
    path("milestones/<uuid:uid>/file/", innovators.evidence_file, name="evidence_file"),
]
