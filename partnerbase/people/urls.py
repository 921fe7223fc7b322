"""The team's people pages, under /programmes/<slug>/people/."""

from django.urls import path

from . import views as people

app_name = "people"

urlpatterns = [
    path("", people.people, name="list"),
    path("invite/", people.invite, name="invite"),
    path("invitations/<uuid:uid>/resend/", people.invitation_resend, name="invitation_resend"),
    path("invitations/<uuid:uid>/withdraw/", people.invitation_revoke, name="invitation_revoke"),
    path("<int:user_id>/", people.person, name="person"),
    path("<int:user_id>/unlock/", people.sign_in_unlock, name="sign_in_unlock"),
    path("<int:user_id>/roles/add/", people.role_form, name="role_add"),
    path("<int:user_id>/roles/<int:pk>/", people.role_form, name="role_change"),
    path("<int:user_id>/roles/<int:pk>/remove/", people.role_remove, name="role_remove"),
]
