"""/accounts/notifications/: a person's own notifications and what they want to hear about."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.notifications_read_all, name="read_all"),
    path("settings/", views.notification_settings, name="settings"),
    path("<uuid:uid>/read/", views.notification_read, name="read"),
]
