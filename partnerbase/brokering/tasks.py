"""The brokering round's engine run as a task, worked by `partnerbase db_worker`."""

from django_tasks import task

from partnerbase.accounts.models import User
from partnerbase.jobs.services import job_run

from .models import BrokeringRound, RoundStatus
from .services import round_run, round_start


@task()
def run_round(*, job_id: int, round_id: int, actor_id: int | None) -> dict:
    def work(job, progress):
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        round = BrokeringRound.objects.get(pk=round_id)
        if round.status != RoundStatus.RUNNING:
            # A retry after a failed run, which put the round back as it was.
            round = round_start(actor=actor, round=round)
        round = round_run(actor=actor, round=round, report=progress)
        return {"round": str(round.uid), "introductions": round.introductions.count()}

    return job_run(job_id, work)
