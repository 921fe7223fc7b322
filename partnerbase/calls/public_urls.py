from django.urls import path

from . import public_views

# Public pages of a programme's calls: anyone may read an open call and apply.
app_name = "calls_public"

urlpatterns = [
    path("<slug:call_slug>/", public_views.call_page, name="call"),
    path("<slug:call_slug>/create-account/", public_views.register, name="register"),
    path(
        "<slug:call_slug>/create-account/check-your-email/",
        public_views.register_sent,
        name="register_sent",
    ),
    path("<slug:call_slug>/confirm/<str:key>/", public_views.confirm, name="confirm"),
    path("<slug:call_slug>/apply/", public_views.apply, name="apply"),
    path("<slug:call_slug>/withdraw/", public_views.withdraw, name="withdraw"),
]
