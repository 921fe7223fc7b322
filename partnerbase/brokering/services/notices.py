"""Who hears about an introduction, and what they are told (notifications app).

Sent: the people who answer for each side. An answer: the other side and the team member
who made the round. Both accepted: both sides, each told the other's named contacts
(queries.introduction_contacts), which their introduction pages then show too.
"""

from django.urls import reverse

from partnerbase.notifications.models import Kind
from partnerbase.notifications.queries import people_acting_for
from partnerbase.notifications.services import notification_send

from ..models import Introduction, IntroductionStatus
from ..permissions import INTRODUCTION_ROLES
from ..queries import introduction_contacts

OTHER = {"innovator": "partner", "partner": "innovator"}


def side_people(introduction: Introduction, side: str) -> list:
    return people_acting_for(
        programme=introduction.programme,
        organisation=getattr(introduction, side),
        roles=[INTRODUCTION_ROLES[side]],
    )


def _page(introduction: Introduction, side: str) -> str:
    url = reverse(
        "brokering:introduction_respond", args=[introduction.programme.slug, introduction.uid]
    )
    return f"{url}?side={side}"


def introduction_sent_notify(*, actor, introduction: Introduction) -> None:
    for side in OTHER:
        ours, theirs = getattr(introduction, side), getattr(introduction, OTHER[side])
        lines = [f"The {introduction.programme.name} team suggests that {ours} meets {theirs}."]
        if introduction.reasons:
            lines.append(f"Why: {introduction.reasons}")
        lines.append(
            "Accept to start talking, or decline and say why. Once both sides accept, each "
            "sees the other's contact."
        )
        notification_send(
            actor=actor,
            programme=introduction.programme,
            kind=Kind.INTRODUCTION_SENT,
            users=side_people(introduction, side),
            subject=f"Introduction: {ours} and {theirs}",
            body="\n\n".join(lines),
            url=_page(introduction, side),
        )


def introduction_answer_notify(*, actor, introduction: Introduction, side: str, accept: bool):
    """`side` answered. Tell the other side (unless this answer completes both accepting:
    then both hear that) and the team member who made the round."""
    answered, other = getattr(introduction, side), getattr(introduction, OTHER[side])
    verb = "accepted" if accept else "declined"
    subject = f"{answered} {verb} the introduction to {other}"
    reason = getattr(introduction, f"{side}_reason")
    body = f"{answered} {verb} the introduction to {other}." + (
        f"\n\nTheir reason: {reason}" if reason else ""
    )
    both = introduction.status == IntroductionStatus.ACCEPTED
    round_maker = introduction.round.created_by
    told = [round_maker] if round_maker else []
    if not both:
        notification_send(
            actor=actor,
            programme=introduction.programme,
            kind=Kind.INTRODUCTION_ANSWERED,
            users=side_people(introduction, OTHER[side]),
            subject=subject,
            body=body,
            url=_page(introduction, OTHER[side]),
        )
    notification_send(
        actor=actor,
        programme=introduction.programme,
        kind=Kind.INTRODUCTION_ANSWERED,
        users=told,
        subject=subject,
        body=body,
        url=reverse(
            "brokering:round_detail", args=[introduction.programme.slug, introduction.round.uid]
        ),
    )
    if both:
        for each in OTHER:
            theirs = getattr(introduction, OTHER[each])
            contacts = introduction_contacts(introduction, OTHER[each])
            named = "\n".join(f"{c.name}: {c.email}" for c in contacts) or (
                f"{theirs} has no contact recorded yet: ask the programme's team."
            )
            notification_send(
                actor=actor,
                programme=introduction.programme,
                kind=Kind.INTRODUCTION_ACCEPTED,
                users=side_people(introduction, each),
                subject=f"You and {theirs} both accepted the introduction",
                body=f"Both sides accepted: you can now contact {theirs}.\n\n{named}",
                url=_page(introduction, each),
                include_actor=True,  # the last to accept learns the contact too
            )
