"""Figure refreshes as tasks, for the kept headline figures (`impact/kept.py`: another
change, not here yet). `refresh_kept_figures` is the task; `kept.schedule_refresh` should
queue it with `refresh_kept_figures.enqueue(programme_id=…)`. The work is looked up when
the task runs, so this module imports and its task is named before `kept.py` exists."""

from django.utils.module_loading import import_string
from django_tasks import task


@task()
def refresh_kept_figures(*, programme_id: int) -> dict:
    # Resolved at run time: `partnerbase.impact.kept.refresh(programme_id)` lands separately.
    refresh = import_string("partnerbase.impact.kept.refresh")
    result = refresh(programme_id)
    return result if isinstance(result, dict) else {"programme_id": programme_id}
