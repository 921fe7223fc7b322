from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.story_index, name="story_list"),
    path("add/", views.story_add, name="story_add"),
    path("<uuid:uid>/edit/", views.story_edit, name="story_edit"),
    path("<uuid:uid>/move/", views.story_move, name="story_move"),
    path("<uuid:uid>/publish/", views.story_publish, name="story_publish"),
    path("<uuid:uid>/remove/", views.story_remove, name="story_remove"),
]
