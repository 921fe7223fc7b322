"""The team's stories page: choose innovators, order them, add a sentence, publish."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.forms import opened
from partnerbase.core.pages import saved
from partnerbase.programmes.access import programme_for

from . import services
from .forms import OwnSentenceForm, StoryAddForm
from .permissions import can_manage_stories, can_view_stories
from .queries import report_stories, story_candidates, story_get

NAV = "stories"


def _list_page(request, programme, form, status=200):
    return render(
        request,
        "stories/story_list.html",
        {
            "programme": programme,
            "stories": report_stories(programme, published_only=False),
            "form": form,
            "can_manage": can_manage_stories(request.user, programme),
            "nav_current": NAV,
        },
        status=status,
    )


@require_GET
def story_index(request, slug):
    programme = programme_for(request, slug, can_view_stories)
    form = StoryAddForm(organisations=story_candidates(programme=programme))
    return _list_page(request, programme, form)


@require_POST
def story_add(request, slug):
    programme = programme_for(request, slug, can_manage_stories)
    form = StoryAddForm(request.POST, organisations=story_candidates(programme=programme))
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        if saved(
            form,
            lambda: services.story_add(
                actor=request.user, programme=programme, organisation=organisation
            ),
        ):
            messages.success(request, f"{organisation.name}'s story added, not yet published.")
            return redirect("stories:story_list", programme.slug)
    return _list_page(request, programme, form, status=400)


@require_POST
def story_move(request, slug, uid):
    programme = programme_for(request, slug, can_manage_stories)
    story = story_get(programme=programme, uid=uid)
    direction = request.POST.get("direction")
    if direction not in (services.UP, services.DOWN):
        return HttpResponseBadRequest("Move a story up or down.")
    services.story_move(actor=request.user, story=story, direction=direction)
    messages.success(request, f"{story.organisation.name}'s story moved {direction}.")
    return redirect("stories:story_list", programme.slug)


@require_POST
def story_publish(request, slug, uid):
    programme = programme_for(request, slug, can_manage_stories)
    story = story_get(programme=programme, uid=uid)
    published = request.POST.get("publish") == "yes"
    services.story_publish(actor=request.user, story=story, published=published)
    state = "published" if published else "unpublished"
    messages.success(request, f"{story.organisation.name}'s story is {state}.")
    return redirect("stories:story_list", programme.slug)


@require_POST
def story_remove(request, slug, uid):
    programme = programme_for(request, slug, can_manage_stories)
    story = story_get(programme=programme, uid=uid)
    services.story_remove(actor=request.user, story=story)
    messages.success(request, f"{story.organisation.name}'s story removed.")
    return redirect("stories:story_list", programme.slug)


@require_http_methods(["GET", "POST"])
def story_edit(request, slug, uid):
    programme = programme_for(request, slug, can_manage_stories)
    story = story_get(programme=programme, uid=uid)
    form = opened(
        OwnSentenceForm(request.POST or None, initial={"own_sentence": story.own_sentence}), story
    )
    if request.method == "POST" and form.is_valid():
        if saved(
            form,
            lambda: services.story_edit(
                actor=request.user, story=story, own_sentence=form.cleaned_data["own_sentence"]
            ),
        ):
            messages.success(request, f"{story.organisation.name}'s sentence saved.")
            return redirect("stories:story_list", programme.slug)
    return render(
        request,
        "stories/story_edit.html",
        {"programme": programme, "story": story, "form": form, "nav_current": NAV},
    )
