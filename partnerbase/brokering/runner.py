"""Where a round's engine run happens: a background thread the view starts, so the request
returns at once and the round page polls the progress the run writes to the database.

A thread per run suits one app process and runs of seconds (benchmarks/brokering.py); a
deployment with several processes would hand `run_round` to its task queue instead.
Setting BROKERING_RUN_INLINE runs it in the request (tests, and debugging).
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection

from partnerbase.accounts.models import User
from partnerbase.core.errors import DomainError

from .models import BrokeringRound
from .services import round_run, round_start

log = logging.getLogger(__name__)


def start_run(*, actor, round: BrokeringRound) -> BrokeringRound:
    """Mark the round running (raises DomainError if it cannot run) and run it."""
    round = round_start(actor=actor, round=round)
    if getattr(settings, "BROKERING_RUN_INLINE", False):
        _run(round.pk, actor.pk)
    else:
        threading.Thread(
            target=_in_thread, args=(round.pk, actor.pk), name=f"round-{round.pk}", daemon=True
        ).start()
    return round


def _in_thread(round_pk: int, actor_pk: int) -> None:
    close_old_connections()
    try:
        _run(round_pk, actor_pk)
    finally:
        connection.close()  # the thread's own connection


def _run(round_pk: int, actor_pk: int) -> None:
    try:
        round_run(
            actor=User.objects.get(pk=actor_pk), round=BrokeringRound.objects.get(pk=round_pk)
        )
    except DomainError:
        pass  # round_run stored the message on the round for the page to show
    except Exception:
        log.exception("Brokering round %s failed", round_pk)
