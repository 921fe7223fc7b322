"""The kept headline figures' refresh as a task on the queue (`kept.schedule_refresh` queues
it after a change its figures depend on commits; `partnerbase db_worker` runs it)."""

from django_tasks import task

from .kept import refresh


@task()
def refresh_kept_figures(*, programme_id: int) -> dict:
    return {"programme_id": programme_id, "refreshed": refresh(programme_id)}
