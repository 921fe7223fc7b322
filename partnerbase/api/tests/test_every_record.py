"""Read access to every record of a programme: each model of Partnerbase is an API kind,
read inside one (NESTED: a record's parts, listed with it), or named in EXCLUDED with the
reason it is not a programme's record to read. A new model with none of the three fails."""

from django.apps import apps

from .test_matrix import ALL_KINDS

# Parts read inside their record: model → (kind, the serializer's field listing them).
NESTED = {
    "directory.OrganisationIdentifier": ("organisations", "identifiers"),
    "directory.EngagementParticipant": ("engagements", "participants"),
    "champions.Score": ("champion-prospects", "scores"),
    "champions.StageChange": ("champion-prospects", "stage_changes"),
    "champions.Contact": ("champion-prospects", "contacts"),
    "calls.Answer": ("applications", "answers"),
    "brokering.PartnershipPartner": ("partnerships", "partners"),
    "brokering.RoundInnovatorSetting": ("brokering-rounds", "innovator_settings"),
    "projects.ProjectObservation": ("project-indicators", "observations"),
    "projects.JudgeScore": ("judge-assignments", "scores"),
}

# Not a kind, and why.
EXCLUDED = {
    "programmes.Programme": "the programmes themselves: programmes/ and programmes/<slug>/",
    "accounts.User": "an account is no programme's record: people/ lists who holds a role",
    "accounts.Membership": "read as people/: each person with their roles (the people page)",
    "accounts.ApiToken": "tokens (kept as hashes): each holder manages theirs on the account page",
    "calls.AccountRequest": (
        "a sign-up not yet confirmed: a password hash and its link's hash, forgotten once "
        "confirmed or three days old; no page shows it"
    ),
    "calls.Applicant": (
        "which account applies for which organisation: no page lists it; what they applied "
        "for is applications/"
    ),
    "notifications.TurnedOff": "a person's own settings, no programme's record",
    "impact.FiguresVersion": "derived: when the kept figures went stale",
    "impact.KeptFigureSet": "derived: figures/ computes the figures live, with their records",
    "jobs.KeptOutput": "derived: the 360Giving file and the report, built from the records",
    "opendata.GrantDetails": (
        "the 360Giving columns of an imported award, published whole in the programme's "
        "360Giving file"
    ),
}


def _models():
    for model in apps.get_models():
        if model.__module__.startswith("partnerbase.") and not model.__name__.startswith(
            "Historical"
        ):
            yield model._meta.label


def test_every_model_is_read_or_excluded_with_a_reason():
    kinds = {kind.model._meta.label for kind in ALL_KINDS.values()}
    missing = set(_models()) - kinds - set(NESTED) - set(EXCLUDED)
    assert not missing, (
        f"give these models an API kind (api/reads_others.py), or say in NESTED which kind "
        f"lists them, or in EXCLUDED why none does: {sorted(missing)}"
    )
    assert set(EXCLUDED) <= set(_models()) and set(NESTED) <= set(_models()), "gone models"
    assert not (kinds & set(EXCLUDED)), "a kind lists a model said to be excluded"


def test_each_nested_part_is_in_its_records_serializer():
    for label, (path, name) in NESTED.items():
        kind = ALL_KINDS[path]
        assert name in kind.serializer().fields, (label, path, name)
        related = kind.model._meta.get_field(name).related_model
        if related._meta.label != label:  # a many-to-many through the part, as partners
            through = kind.model._meta.get_field(name).remote_field.through
            related = through or related
        assert related._meta.label == label, (label, related._meta.label)
