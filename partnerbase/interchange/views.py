"""/programmes/<slug>/export/ and /import/: the team exports the whole programme as one
interchange file (docs/interchange.md), or uploads one to import as a new programme; both
run on the task queue and are followed on the job's page."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.accounts.permissions import can_manage_programme, is_administrator
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.queries import job_latest
from partnerbase.jobs.services import job_start
from partnerbase.programmes.access import programme_for

from .forms import ProgrammeImportForm
from .tasks import export_programme, import_programme


@require_http_methods(["GET", "POST"])
def programme_export_page(request, slug):
    programme = programme_for(request, slug, can_manage_programme)
    if request.method == "POST":
        job = job_start(
            actor=request.user,
            programme=programme,
            kind=JobKind.EXPORT,
            title=f"Export of {programme.name}",
            task=export_programme,
            arguments={},
        )
        return redirect("jobs:detail", programme.slug, job.uid)
    return render(
        request,
        "interchange/export.html",
        {"programme": programme, "last": job_latest(programme=programme, kind=JobKind.EXPORT)},
    )


@require_http_methods(["GET", "POST"])
def programme_import_page(request, slug):
    """The import makes a new programme, as `partnerbase import` does: a file never merges
    into this one (the format has no rules for merging two programmes' records). Making a
    programme is the administrator's, as "Create a programme" is."""
    programme = programme_for(request, slug, lambda user, _: is_administrator(user))
    form = ProgrammeImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = job_start(
            actor=request.user,
            programme=programme,
            kind=JobKind.IMPORT,
            title=f"Import of {upload.name}"[:200],
            task=import_programme,
            arguments={"slug": form.cleaned_data["slug"] or None},
            upload=upload,
            upload_name=upload.name,
        )
        return redirect("jobs:detail", programme.slug, job.uid)
    return render(
        request,
        "interchange/import.html",
        {
            "programme": programme,
            "form": form,
            "last": job_latest(programme=programme, kind=JobKind.IMPORT),
        },
    )
