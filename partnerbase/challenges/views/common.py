"""What the challenge pages share: their navigation, the vote's URL."""

from django.urls import reverse

NAV = "challenges"


def vote_url(vote, name="vote_detail") -> str:
    return reverse(f"challenges:{name}", args=[vote.programme.slug, vote.uid])


def posted(request):
    """The submitted data, even when empty (an unticked ballot must still be checked)."""
    return request.POST if request.method == "POST" else None
