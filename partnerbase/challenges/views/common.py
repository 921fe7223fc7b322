"""What the challenge pages share: their navigation and form page, the vote's URL."""

from django.urls import reverse

from partnerbase.core import pages

NAV = "challenges"


def form_page(request, template, context, form, save, success, target):
    """The shared form page (core/pages.py), under the challenges' navigation."""
    context = {"nav_current": NAV, **context}
    return pages.form_page(request, template, context, form, save, success, target)


def vote_url(vote, name="vote_detail") -> str:
    return reverse(f"challenges:{name}", args=[vote.programme.slug, vote.uid])


def posted(request):
    """The submitted data, even when empty (an unticked ballot must still be checked)."""
    return request.POST if request.method == "POST" else None
