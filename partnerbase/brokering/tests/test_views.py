"""The pages, driven as a person would: forms with their error messages, and the round's
run, review, send and answers."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnerbase.accounts.models import Role
from partnerbase.brokering import services
from partnerbase.brokering.models import (
    BrokeringRound,
    Introduction,
    IntroductionStatus,
    Need,
    RoundStatus,
)
from partnerbase.brokering.stages import Stage
from partnerbase.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


def url(world, name, *args):
    return reverse(f"brokering:{name}", args=[world.programme.slug, *args])


def test_the_team_runs_reviews_and_sends_a_round(client, world, inline_runs):
    client.force_login(world.user(Role.TEAM))
    # A bad weight: an error next to the field, and nothing saved.
    weights = {
        "type_fit": 40,
        "challenge_fit": 20,
        "region_overlap": 15,
        "text_similarity": 10,
        "size_fit": 10,
        "preference": -1,
    }
    data = {"name": "Spring", "mode": "optimal", "innovator_capacity": 3, "min_introductions": 1}
    data |= {f"weight_{name}": value for name, value in weights.items()}
    response = client.post(url(world, "round_add"), data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not BrokeringRound.objects.exists()
    data["weight_preference"] = 5
    response = client.post(url(world, "round_add"), data)
    round = BrokeringRound.objects.get()
    assert response["Location"] == url(world, "round_detail", round.uid)
    client.post(url(world, "round_run", round.uid))
    round.refresh_from_db()
    assert round.status == RoundStatus.RUN
    page = client.get(url(world, "round_detail", round.uid)).content.decode()
    assert "Grant Thornton offers mentoring or expertise, which Money A+E needs" in page
    assert "Type fit: 40.0" in page
    # Remove one, then try to add an excluded pair by hand.
    intro = round.introductions.get(partner=world.orgs["barclays"])
    client.post(url(world, "introduction_remove", round.uid, intro.uid))
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.REMOVED
    response = client.post(
        url(world, "introduction_add", round.uid),
        {
            "innovator": world.orgs["toolshed"].pk,
            "partner": world.orgs["unltd"].pk,
            "reasons": "Again",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "already proposed in this round" in body
    client.post(url(world, "round_review", round.uid))
    response = client.post(url(world, "round_send", round.uid), follow=True)
    assert "3 introductions sent." in response.content.decode()
    round.refresh_from_db()
    assert round.status == RoundStatus.SENT
    assert round.introductions.filter(partnership__stage=Stage.INTRODUCED).count() == 3


def test_progress_is_polled_while_the_round_runs(client, world):
    client.force_login(world.user(Role.ACCELERATOR_MANAGER))
    round = world.round()
    BrokeringRound.objects.filter(pk=round.pk).update(
        status=RoundStatus.RUNNING, progress_stage="Scoring pairs", progress_percent=42
    )
    page = client.get(url(world, "round_detail", round.uid)).content.decode()
    assert 'hx-trigger="every 1s"' in page and "Scoring pairs" in page and "42%" in page
    partial = client.get(url(world, "round_progress", round.uid), HTTP_HX_REQUEST="true")
    assert partial.status_code == 200 and "Scoring pairs</span>: 42%" in partial.content.decode()
    BrokeringRound.objects.filter(pk=round.pk).update(status=RoundStatus.RUN)
    done = client.get(url(world, "round_progress", round.uid), HTTP_HX_REQUEST="true")
    assert done.status_code == 204
    assert done["HX-Redirect"] == url(world, "round_detail", round.uid)


def test_the_run_goes_through_the_queue_to_a_worker(client, world, task_worker):
    """The request only queues the run; the page shows it waiting; a worker runs it."""
    team = world.user(Role.TEAM)
    client.force_login(team)
    round = world.round()
    client.post(url(world, "round_run", round.uid))
    round.refresh_from_db()
    assert round.status == RoundStatus.RUNNING and round.introductions.count() == 0
    page = client.get(url(world, "round_detail", round.uid)).content.decode()
    assert 'data-job-status="queued"' in page
    assert task_worker() == 1
    round.refresh_from_db()
    assert round.status == RoundStatus.RUN and round.introductions.count() == 4
    job = Job.objects.get()
    assert job.status == JobStatus.SUCCEEDED and job.result["introductions"] == 4
    assert job.progress_stage == "Saving the proposals" and job.started_by == team
    done = client.get(url(world, "round_progress", round.uid), HTTP_HX_REQUEST="true")
    assert done.status_code == 204


def test_a_run_whose_worker_died_can_be_retried(client, world, task_worker, settings):
    """A worker killed mid-run leaves the round running; once it has been silent for
    JOB_STALE_MINUTES the page says so, and Retry queues the run again."""
    client.force_login(world.user(Role.TEAM))
    round = world.round()
    client.post(url(world, "round_run", round.uid))
    job = Job.objects.get()
    # What a dead worker leaves: the job running, its last word long ago, the queue's row
    # claimed (so no other worker takes it).
    long_ago = timezone.now() - timedelta(minutes=settings.JOB_STALE_MINUTES + 1)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago
    )
    DBTaskResult.objects.filter(id=job.task_result_id).update(status="RUNNING")
    assert task_worker() == 0
    page = client.get(url(world, "round_detail", round.uid)).content.decode()
    assert 'data-job-status="lost"' in page and "Retry the run" in page
    client.post(reverse("jobs:retry", args=[world.programme.slug, job.uid]))
    assert task_worker() == 1
    round.refresh_from_db()
    job.refresh_from_db()
    assert round.status == RoundStatus.RUN and round.introductions.count() == 4
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2


def test_a_partner_declines_with_a_reason_and_an_innovator_accepts(client, world, inline_runs):
    round = services.round_run(actor=world.actor, round=world.round())
    services.round_review(actor=world.actor, round=round)
    services.round_send(actor=world.actor, round=round, on=date(2018, 3, 1))
    intro = Introduction.objects.get(partner=world.orgs["barclays"])
    client.force_login(world.user(Role.PARTNER_CONTACT, "barclays"))
    mine = client.get(url(world, "my_introductions")).content.decode()
    assert "Toolshed with Barclays" in mine and "UnLtd" not in mine
    answer = url(world, "introduction_respond", intro.uid)
    response = client.post(answer, {"answer": "decline", "reason": ""})
    assert "Say why you are declining the introduction" in response.content.decode()
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.SENT
    client.post(answer, {"answer": "decline", "reason": "No budget left"})
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.DECLINED
    assert intro.partner_reason == "No budget left"
    assert intro.partnership.stage == Stage.DECLINED
    # The innovator's side of another introduction.
    other = Introduction.objects.get(partner=world.orgs["unltd"])
    client.force_login(world.user(Role.INNOVATOR, "toolshed"))
    client.post(url(world, "introduction_respond", other.uid), {"answer": "accept"})
    other.refresh_from_db()
    assert other.innovator_response == "accepted" and other.partner_response == "pending"


def test_the_team_moves_a_partnership_on_with_its_value(client, world):
    partnership = world.make.partnership(
        stage=Stage.IN_DISCUSSION, innovator=world.orgs["toolshed"], on=date(2018, 3, 1)
    )
    client.force_login(world.user(Role.TEAM))
    page = url(world, "partnership_detail", partnership.uid)
    data = {"stage": "confirmed", "on_0": "1", "on_1": "4", "on_2": "2018"}
    response = client.post(page, data)
    assert "Enter the estimated value over the next 12 months" in response.content.decode()
    response = client.post(page, {**data, "estimated_value": "15000"})
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.stage == Stage.CONFIRMED and partnership.confirmed_on == date(2018, 4, 1)
    assert partnership.estimated_value_minor == 1_500_000
    assert "Moved to confirmed" in client.get(page).content.decode()


def test_an_innovator_records_needs_only_for_its_own_organisation(client, world):
    client.force_login(world.user(Role.INNOVATOR, "toolshed"))
    data = {"type": "premises", "description": "A workshop", "regions": "", "quantity": 1}
    response = client.post(url(world, "need_add"), {**data, "innovator": world.orgs["mkf"].pk})
    assert "Select a valid choice" in response.content.decode()
    client.post(url(world, "need_add"), {**data, "innovator": world.orgs["toolshed"].pk})
    need = Need.objects.get(type="premises")
    assert need.innovator == world.orgs["toolshed"]
    assert need.history.first().history_user is not None


def test_the_dashboard_shows_the_conversion(client, world):
    world.make.partnership(stage=Stage.CONFIRMED, on=date(2018, 5, 1))
    world.make.partnership(stage=Stage.DECLINED, on=date(2018, 5, 1))
    client.force_login(world.user(Role.TEAM))
    page = client.get(reverse("reports:dashboard", args=[world.programme.slug])).content.decode()
    assert "2 introductions → 1 confirmed partnership (50%)" in page
    listed = client.get(
        url(world, "partnership_list") + "?introduced=yes&from=2018-01-01&to=2018-12-31"
    )
    assert listed.content.decode().count('class="govuk-table__row"') == 3  # header and two
