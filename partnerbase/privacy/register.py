"""The register of personal data: every model that holds something identifying a person, and
how export and erasure treat each field.

`links()` finds every relation to a user or a directory person from the models' `_meta`, so a
new model pointing at a person shows up; tests/test_register.py fails until it is placed here
(LINKS) and until every field that looks personal is classed (FIELDS or NOT_PERSONAL)."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

# What erasure puts in a personal field.
NAME = "name"  # "Erased person 12"
EMAIL = "email"  # a unique address that no mail server accepts
CLEAR = "clear"  # blank


# Personal fields of the records that are about a person, and what erasure does to each.
# The same fields of their history rows get the same values.
FIELDS: dict[str, dict[str, str]] = {
    "accounts.User": {"full_name": NAME, "first_name": CLEAR, "last_name": CLEAR, "email": EMAIL},
    "accounts.Invitation": {"full_name": NAME, "email": EMAIL},
    "directory.Person": {"name": NAME, "email": EMAIL, "phone": CLEAR, "job_title": CLEAR},
    "notifications.Notification": {"email": EMAIL, "body": CLEAR},
}

# Records kept only while needed, deleted outright on erasure: a pending account request,
# sign-in attempts (their address, browser and the email typed) and the person's sessions.
DELETED = {
    "calls.AccountRequest": "email",
    "axes.AccessAttempt": "username",
    "axes.AccessLog": "username",
    "axes.AccessFailureLog": "username",
}


@dataclass(frozen=True)
class Link:
    """A relation from `model` to a user or a directory person, and how its rows reach a
    programme ("" for rows of no programme, seen only by the administrator; "*" for the
    person's own settings, which belong to every programme they are in)."""

    model: str
    field: str
    programme: str


LINKS = [
    Link("admin.LogEntry", "user", ""),
    Link("accounts.Membership", "user", "programme"),
    Link("accounts.Invitation", "invited_by", "programme"),
    Link("accounts.Invitation", "accepted_by", "programme"),
    Link("directory.EngagementParticipant", "person", "engagement__programme"),
    Link("challenges.ChallengeProposal", "proposed_by", "programme"),
    Link("challenges.Ballot", "cast_by", "vote__programme"),
    Link("board.Champion", "person", "programme"),
    Link("board.BoardPaper", "uploaded_by", "meeting__programme"),
    Link("board.Action", "owner_person", "meeting__programme"),
    Link("champions.Prospect", "person", "programme"),
    Link("workinggroups.WorkingGroupMember", "person", "working_group__programme"),
    Link("workinggroups.WorkingGroupMember", "user", "working_group__programme"),
    Link("accelerator.SelectionDecision", "decided_by", "application__call__programme"),
    Link(
        "accelerator.Milestone",
        "evidence_recorded_by",
        "membership__cohort__accelerator__programme",
    ),
    Link("calls.Applicant", "user", "programme"),
    Link("assessment.Assignment", "assessor", "application__call__programme"),
    Link("brokering.BrokeringRound", "created_by", "programme"),
    Link("jobs.Job", "started_by", "programme"),
    Link("projects.CompetitionJudge", "user", "competition__programme"),
    Link("notifications.Notification", "user", "programme"),
    Link("notifications.TurnedOff", "user", "*"),
    # A person's API tokens are theirs whatever programme they are limited to (erasure
    # revokes them).
    Link("accounts.ApiToken", "user", "*"),
    Link("privacy.PersonalDataAction", "actor", "programme"),
    Link("privacy.PersonalDataAction", "subject_user", "programme"),
]

# Records found by the email address they hold, whoever they link to.
BY_EMAIL = {
    "accounts.Invitation": ("email", "programme"),
    "directory.Person": ("email", "programme"),
    "notifications.Notification": ("email", "programme"),
    "calls.AccountRequest": ("email", "call__programme"),
}

# Fields that may quote what an uploaded file said about someone: a refused import's problems
# ("row 3: email: pat@… is not a valid address") and its error. They are kept while the job
# is, for whoever fixes the file; the subject access export lists the records whose fields
# quote the person's address, and erasure replaces their names and addresses there (and in
# the records' history), as in any free text. Each: (the fields, the path to the programme).
QUOTED = {"jobs.Job": (("problems", "error"), "programme")}

# Fields that look personal by their name or type but hold no one's personal data.
NOT_PERSONAL = {
    "accounts.User.password",  # a hash; erasure makes it unusable
    "accounts.Invitation.token_hash",
    "accounts.ApiToken.name",  # what the token is for ("Reporting spreadsheet")
    "admin.LogEntry.change_message",
    "auth.Group.name",
    "auth.Permission.name",
    "auth.Permission.codename",
    "notifications.Notification.email_state",
    "accelerator.Accelerator.name",
    "accelerator.Cohort.name",
    "accelerator.Milestone.evidence_filename",
    "accelerator.SupportSession.facilitator",  # an organisation or a role, by the forms
    "board.BoardPaper.original_filename",
    "brokering.BrokeringRound.name",
    "django_tasks_database.DBTaskResult.backend_name",  # the task queue's own rows
    "django_tasks_database.DBTaskResult.queue_name",
    "jobs.Job.output_name",  # the file the job made ("iep-report-2017-04-01-….pdf")
    "jobs.Job.upload_name",  # the file a job was given ("iep.json", "rates.csv")
    "jobs.KeptOutput.name",  # what is kept ("360giving"); the outputs go on any erasure
    "brokering.Partnership.name",
    "calls.AccountRequest.organisation_name",
    "calls.AccountRequest.full_name",  # deleted with the request (DELETED)
    "calls.AccountRequest.password",
    "calls.Answer.file_name",
    "challenges.ChallengeArea.name",
    "champions.Criterion.name",
    "directory.Organisation.name",
    "funding.ExchangeRate.source",
    "outcomes.OutcomeIndicator.name",
    "programmes.Programme.name",
    "programmes.Programme.department_contact",  # a department's, shown on the public page
    "projects.CollaborativeProject.name",
    "projects.Competition.name",
    "projects.CompetitionStage.name",
    "projects.ProjectIndicator.name",
    "rubrics.Criterion.name",
    "workinggroups.WorkingGroup.name",
    "axes.AccessAttempt.ip_address",  # the axes tables are deleted (DELETED)
    "axes.AccessAttempt.username",
    "axes.AccessAttempt.user_agent",
    "axes.AccessLog.ip_address",
    "axes.AccessLog.username",
    "axes.AccessLog.user_agent",
    "axes.AccessFailureLog.ip_address",
    "axes.AccessFailureLog.username",
    "axes.AccessFailureLog.user_agent",
}

# What makes a field look personal: its type, or a word in its name.
PERSONAL_TYPES = (models.EmailField, models.GenericIPAddressField)
PERSONAL_WORDS = ("name", "email", "phone", "address", "ip_", "user_agent", "username")


def person_models() -> tuple[type[models.Model], type[models.Model]]:
    return get_user_model(), apps.get_model("directory", "Person")


def domain_models() -> list[type[models.Model]]:
    """Every model but simple-history's historical copies (erasure reaches those through
    their record's model)."""
    return [m for m in apps.get_models() if not _is_historical(m)]


def _is_historical(model) -> bool:
    return hasattr(model, "instance_type") and model.__name__.startswith("Historical")


def links() -> list[tuple[str, str]]:
    """(model label, field) of every relation to a user or a directory person, from `_meta`."""
    targets = person_models()
    return sorted(
        (model._meta.label, field.name)
        for model in domain_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model in targets
    )


def looks_personal() -> list[str]:
    """ "app.Model.field" of every text field whose type or name suggests personal data."""
    found = []
    for model in domain_models():
        for field in model._meta.concrete_fields:
            if field.is_relation or not isinstance(
                field, (models.CharField, models.TextField, models.GenericIPAddressField)
            ):
                continue
            if isinstance(field, PERSONAL_TYPES) or any(w in field.name for w in PERSONAL_WORDS):
                found.append(f"{model._meta.label}.{field.name}")
    return sorted(found)


def classed() -> set[str]:
    """Every field the register names, as "app.Model.field"."""
    named = {f"{label}.{field}" for label, fields in FIELDS.items() for field in fields}
    named |= {f"{label}.{field}" for label, (field, _) in BY_EMAIL.items()}
    return named | NOT_PERSONAL
