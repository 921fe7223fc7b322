"""Where a round's engine run happens: a task on the queue (partnerbase/jobs), so the request
returns at once, the round page polls the progress the run writes to the database, and the
run survives the web process that asked for it. `partnerbase db_worker` works the queue."""

from django.db import transaction

from partnerbase.jobs.models import Job, JobKind
from partnerbase.jobs.queries import job_latest
from partnerbase.jobs.services import job_start

from .models import BrokeringRound
from .services import round_start
from .tasks import run_round


@transaction.atomic
def start_run(*, actor, round: BrokeringRound) -> BrokeringRound:
    """Mark the round running (raises DomainError if it cannot run) and queue its run; both
    or neither are saved."""
    round = round_start(actor=actor, round=round)
    job_start(
        actor=actor,
        programme=round.programme,
        kind=JobKind.BROKERING_ROUND,
        title=f"Brokering round: {round.name}",
        task=run_round,
        arguments={"round_id": round.pk, "actor_id": getattr(actor, "pk", None)},
    )
    round.refresh_from_db()
    return round


def round_job(round: BrokeringRound) -> Job | None:
    """The latest run of the round on the queue, for its page (progress, error, Retry)."""
    return job_latest(
        programme=round.programme, kind=JobKind.BROKERING_ROUND, arguments__round_id=round.pk
    )
