"""Every URL pattern of the project, the admin's included, with its parameters filled from
the small world (page_world.py) by the tables of tests/test_no_get_writes.py:record_params,
and every table's row count in one query: what the page walks share (no writes on GET,
stale saves, not found, page access)."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import URLResolver, get_resolver

from partnerbase.calls.models import Application
from partnerbase.impact.models import KeptFigureSet
from partnerbase.jobs.models import KeptOutput


def one(model, **filters):
    found = model.objects.filter(**filters).order_by("pk").first()
    assert found is not None, f"the world has no {model.__name__} {filters}"
    return found


def patterns(resolver=None, params=(), namespace=""):
    """(URL name, its parameters' names) for every pattern, the admin's included."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        names = params + tuple(_parameters(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry, names, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", names


def _parameters(pattern) -> list[str]:
    converters = getattr(pattern, "converters", None)
    if converters:
        return list(converters)
    named = list(pattern.regex.groupindex)
    # Unnamed groups (django-simple-history's admin page) are positional: "#0", "#1".
    return named + [f"#{i}" for i in range(pattern.regex.groups - len(named))]


def _admin_model(name):
    """The model of an admin page, from its name: admin:<app label>_<model name>_<page>."""
    return next(
        (
            m
            for m in admin.site._registry
            if name.startswith(f"admin:{m._meta.app_label}_{m._meta.model_name}_")
        ),
        None,
    )


def _admin_params(name, names) -> dict | None:
    if name == "admin:view_on_site":
        record = one(Application)
        return {
            "content_type_id": ContentType.objects.get_for_model(record).pk,
            "object_id": record.pk,
        }
    # Django's UserAdmin names its password page after auth.User, whatever the user model.
    model = get_user_model() if name == "admin:auth_user_password_change" else _admin_model(name)
    if name.endswith("_simple_history") and set(names) == {"#0", "#1"}:
        record = one(model)
        return {"#args": (record.pk, record.history.first().history_id)}
    values = {}
    for param in names:
        if param in ("object_id", "id") and model is not None:
            values[param] = one(model).pk
        elif param == "app_label":
            values[param] = "directory"
        else:
            return None
    return values


def fill(name, names, world, tables) -> list[dict] | None:
    """The parameters to open the page with (several pages for some), or None if unknown."""
    by_name, by_record, call_slugs = tables
    names = set(names)
    base = {"slug": world.alpha.slug} if "slug" in names else {}
    if name.startswith("admin:"):
        values = _admin_params(name, names)
        return None if values is None else [values]
    if names <= {"slug"}:
        # A programme's page: the other programme's too (signed-in others must get 404).
        return [base, {"slug": world.bravo.slug}] if base else [{}]
    if name.startswith("calls_public:") and names == {"slug", "call_slug"}:
        # Both programmes' open calls: in the other one, the applicant has not applied yet.
        return [
            {**base, "call_slug": world.call.slug},
            {"slug": world.bravo.slug, "call_slug": world.bravo_call.slug},
        ]
    if name in by_name:
        given = by_name[name]
        return [{**base, **g} for g in (given if isinstance(given, list) else [given])]
    values = dict(base)
    if "call_slug" in names:
        values["call_slug"] = next(s for prefix, s in call_slugs.items() if name.startswith(prefix))
    if "uid" in names:
        record = next((r for prefix, r in by_record.items() if name.startswith(prefix)), None)
        if record is None:
            return None
        values["uid"] = record.uid
    return [values] if set(values) == names else None


def counter():
    """A function returning every table's row count in one query (sessions left out)."""
    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m not in (Session, KeptFigureSet, KeptOutput) and m._meta.managed and not m._meta.proxy
    ]
    tables = sorted({m._meta.db_table for m in models})
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)

    def counts() -> dict:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return dict(zip(tables, cursor.fetchone(), strict=True))

    return counts


# The walk is split by URL pattern into shards that run in parallel (pytest-xdist).
