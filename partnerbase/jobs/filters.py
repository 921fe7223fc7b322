"""Background work's filters."""

from partnerbase.core.filters import list_filter

from .models import Job

JobFilter = list_filter(
    Job, search=("title",), ids=("started_by",), choices=("kind", "status"), dates=("started_at",)
)
