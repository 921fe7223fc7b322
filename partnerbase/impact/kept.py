"""Kept headline figures: computed once per programme and period, read by the dashboard and
the public page instead of recomputing them on every request, and refreshed after the
records they depend on change (impact/dependencies.py). The figure pages that list the
records stay live.

Freshness is a number per programme (FiguresVersion). The first change to a dependency in
a transaction raises it in that same transaction, so the kept sets go stale exactly when
the change commits (and not if it rolls back). A kept set remembers the number read before
it was computed, so one computed while a change was being made is stale too, never wrong.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import DatabaseError, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from partnerbase.core.money import Rate
from partnerbase.core.period import Period, programme_period
from partnerbase.programmes.models import Programme

from .figures import FigureResult, FigureSet, headline_figures, rate_table
from .models import Figure, FiguresVersion, KeptFigureSet

logger = logging.getLogger(__name__)

# Kept sets per programme besides the whole programme's: periods people asked for on the
# dashboard, the newest kept. Each one is recomputed on every refresh, so keep them few.
OTHER_PERIODS_KEPT = 11

# What layers above keep with a programme's figures (reports: the public page's charts),
# by name: the dotted path of what computes it from the figures, as JSON. See keep_also.
ALSO_KEPT: dict[str, str] = {}


# --- the figures as JSON and back ------------------------------------------------------


def _encode(value, is_money: bool):
    if value is None:
        return None
    return format(value, "f") if is_money else int(value)


def _decode(value, is_money: bool):
    if value is None:
        return None
    return Decimal(value) if is_money else int(value)


def figure_set_json(figures: FigureSet) -> dict:
    """Everything the dashboard and the public page show of a figure set, as JSON."""
    return {
        "currency": figures.currency,
        "figures": {
            key: {
                "label": r.label,
                "value": _encode(r.value, r.is_money),
                "target": _encode(r.target, r.is_money),
                "status": r.status,
                "display": r.display,
                "target_display": r.target_display,
                "is_money": r.is_money,
                "target_illustrative": r.target_illustrative,
                "problem": r.problem,
                "records": r.records,
            }
            for key, r in figures.figures.items()
        },
        "display_rates": [
            {
                "code": code,
                "multiplier": format(multiplier, "f"),
                "rate": None
                if rate is None
                else {
                    "base": rate.base,
                    "quote": rate.quote,
                    "on": rate.on.isoformat(),
                    "rate": format(rate.rate, "f"),
                    "source": rate.source,
                },
            }
            for code, multiplier, rate in figures.display_rates
        ],
        "notes": list(figures.notes),
    }


_FIGURE_ORDER = {key: index for index, key in enumerate(Figure.values)}


def figure_set_from_json(programme, period: Period, data: dict, *, as_of=None) -> FigureSet:
    """The FigureSet that figure_set_json was given, back (with when it was computed)."""
    results = {}
    # In the figures' own order: PostgreSQL's jsonb keeps an object's keys in an order of
    # its own, and the dashboard and the public page's charts follow this one.
    kept = data["figures"]
    for key in sorted(kept, key=_FIGURE_ORDER.get):
        r = kept[key]
        money = r["is_money"]
        results[key] = FigureResult(
            key=key,
            label=r["label"],
            value=_decode(r["value"], money),
            target=_decode(r["target"], money),
            status=r["status"],
            display=r["display"],
            target_display=r["target_display"],
            is_money=money,
            target_illustrative=r["target_illustrative"],
            problem=r["problem"],
            records=r.get("records"),  # sets kept before it was counted have none
        )
    rates = [
        (
            d["code"],
            Decimal(d["multiplier"]),
            None
            if d["rate"] is None
            else Rate(
                d["rate"]["base"],
                d["rate"]["quote"],
                date.fromisoformat(d["rate"]["on"]),
                Decimal(d["rate"]["rate"]),
                d["rate"]["source"],
            ),
        )
        for d in data["display_rates"]
    ]
    return FigureSet(
        programme,
        period,
        data["currency"],
        results,
        rates,
        list(data["notes"]),
        as_of=as_of,
        also=data.get("also", {}),
    )


# --- freshness -------------------------------------------------------------------------


def version_start(programme_id: int) -> None:
    """A new programme's number, made with it so that changes only ever update it."""
    FiguresVersion.objects.get_or_create(programme_id=programme_id)


def _version(programme_id: int) -> int:
    number = FiguresVersion.objects.filter(programme_id=programme_id).values_list(
        "number", flat=True
    )
    found = number.first()
    if found is None:  # a programme from before the kept figures
        version_start(programme_id)
        return 0
    return found


@dataclass(frozen=True)
class _Changed:
    """A no-op callback on the transaction's commit, there only to mark that the
    transaction has changed the programme's figures (None: every programme's). Django
    drops it with the transaction or savepoint that rolls back, so the mark lasts exactly
    as long as the change."""

    programme_id: int | None

    def __call__(self):
        pass


def _changed_here(programme_id: int) -> bool:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    marks = {_Changed(programme_id), _Changed(None)}
    return any(func in marks for _, func, _ in connection.run_on_commit)


def figures_changed(programme_id: int | None) -> None:
    """A record the programme's figures depend on was saved or deleted: mark its kept sets
    stale (once per transaction, so an import of thousands of records marks them once)
    and refresh them after the commit. None: a programme not known, so every programme."""
    if _changed_here(programme_id):
        return
    transaction.on_commit(_Changed(programme_id))
    mark_stale(programme_id)
    if programme_id is not None:
        schedule_refresh(programme_id)
        return
    for pid in Programme.objects.values_list("pk", flat=True):
        schedule_refresh(pid)


def mark_stale(programme_id: int | None) -> None:
    versions = FiguresVersion.objects.all()
    if programme_id is not None:
        versions = versions.filter(programme_id=programme_id)
    versions.update(number=F("number") + 1)


def schedule_refresh(programme_id: int) -> None:
    """The one place the refresh is scheduled: once the transaction commits, a task on the
    queue (`refresh_kept_figures`, run by `partnerbase db_worker`) recomputes the stale sets, so
    the writer's request does not wait for the figures. Only a programme with kept sets
    queues one (a programme being built has none). Robust: a failure is logged and leaves
    the sets stale, recomputed when next read; the change itself stands."""

    def enqueue():
        if KeptFigureSet.objects.filter(programme_id=programme_id).exists():
            refresh_kept_figures.enqueue(programme_id=programme_id)

    transaction.on_commit(enqueue, robust=True)


@task()
def refresh_kept_figures(*, programme_id: int) -> dict:
    """The refresh as a task on the queue."""
    return {"programme_id": programme_id, "refreshed": refresh(programme_id)}


def refresh(programme_id: int) -> int:
    """Recompute every stale kept set of the programme; how many were."""
    versions = FiguresVersion.objects.filter(programme_id=programme_id)
    version = versions.values_list("number", flat=True).first()
    if version is None:  # the programme was deleted in the transaction that scheduled this
        return 0
    stale = list(
        KeptFigureSet.objects.filter(programme_id=programme_id, version__lt=version)
        .order_by("pk")
        .values_list("starts_on", "ends_on", "figures")
    )
    programme = Programme.objects.filter(pk=programme_id).first() if stale else None
    if programme is None:  # nothing kept is stale (a programme being built, mostly)
        return 0
    rates = rate_table(programme)
    for start, end, old in stale:
        period = Period(start, end)
        figures = headline_figures(programme, period, rates=rates)
        # What was kept with the old figures is kept with the new: only what a page asked for.
        figures.also = {
            name: _computed(name, programme, period, figures)
            for name in old.get("also", {})
            if name in ALSO_KEPT
        }
        _store(programme, period, figures, version)
    return len(stale)


# --- reading and keeping ---------------------------------------------------------------


def kept_figures(programme, period: Period) -> FigureSet:
    """The programme's figures for the period: the kept set if fresh, else computed now
    and kept. `as_of` says when they were computed."""
    if _changed_here(programme.pk):
        # This transaction has changed the records: what it sees is not yet anyone else's.
        return headline_figures(programme, period)
    kept = (
        KeptFigureSet.objects.filter(
            programme=programme, starts_on=period.start, ends_on=period.end
        )
        .annotate(
            current=Subquery(
                FiguresVersion.objects.filter(programme=OuterRef("programme")).values("number")
            )
        )
        .first()
    )
    if kept is not None and kept.version == kept.current:
        return figure_set_from_json(programme, period, kept.figures, as_of=kept.computed_at)
    # Read before computing: a change committed meanwhile leaves what is kept stale.
    version = kept.current if kept is not None and kept.current is not None else None
    version = _version(programme.pk) if version is None else version
    figures = headline_figures(programme, period)
    figures.as_of = _store(programme, period, figures, version)
    return figures


def _store(programme, period: Period, figures: FigureSet, version: int) -> datetime:
    """Keep the figures computed at `version`, unless a newer computation is kept already.
    A failure to keep them is logged, not raised: the caller still has its figures."""
    now = timezone.now()
    key = {"programme": programme, "starts_on": period.start, "ends_on": period.end}
    data = figure_set_json(figures) | ({"also": figures.also} if figures.also else {})
    fields = {"figures": data, "computed_at": now, "version": version}
    try:
        with transaction.atomic():
            kept = KeptFigureSet.objects.filter(**key)
            if not kept.filter(version__lte=version).update(**fields) and not kept.exists():
                KeptFigureSet.objects.create(**key, **fields)
                _prune(programme)
    except DatabaseError:
        logger.warning("Could not keep the figures of %s for %s", programme, period, exc_info=True)
    return now


def keep_also(name: str, compute: str) -> None:
    """Keep `compute(programme, period, figures)` (JSON; `compute` is its dotted path,
    imported when first needed) with a programme's figures once a page asks for it
    (kept_also): a layer above registers it (reports: the public page's charts, in its
    AppConfig.ready), so that it goes stale, is refreshed and is verified with the figures
    it was computed from."""
    ALSO_KEPT[name] = compute


def _computed(name: str, programme, period: Period, figures: FigureSet):
    compute: Callable[[Programme, Period, FigureSet], object] = import_string(ALSO_KEPT[name])
    return compute(programme, period, figures)


def kept_also(figures: FigureSet, name: str):
    """What `name` computes from these figures: kept with them if they are kept (read
    back, or computed now and added to their set, which the refresh then keeps up to
    date), computed live if they were."""
    if name in figures.also:
        return figures.also[name]
    value = _computed(name, figures.programme, figures.period, figures)
    if figures.as_of is None:  # live figures: nothing kept to add it to
        return value
    period = figures.period
    try:
        with transaction.atomic():
            # Only to the set these figures came from: a newer one was computed without it.
            kept = KeptFigureSet.objects.select_for_update().filter(
                programme=figures.programme,
                starts_on=period.start,
                ends_on=period.end,
                computed_at=figures.as_of,
            )
            row = kept.first()
            if row is not None:
                row.figures["also"] = {**row.figures.get("also", {}), name: value}
                kept.update(figures=row.figures)
    except DatabaseError:
        logger.warning("Could not keep %s with the figures of %s", name, figures.programme)
    figures.also[name] = value
    return value


def _prune(programme) -> None:
    whole = programme_period(programme)
    others = KeptFigureSet.objects.filter(programme=programme).exclude(
        starts_on=whole.start, ends_on=whole.end
    )
    old = others.order_by("-pk").values_list("pk", flat=True)[OTHER_PERIODS_KEPT:]
    KeptFigureSet.objects.filter(pk__in=list(old)).delete()


# --- checking them ---------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    figure: str  # a figure's key and field ("additional_funding display"), or "display rates"
    kept: object
    live: object


def differences(kept: KeptFigureSet) -> list[Difference]:
    """Where the kept set (and what is kept with it) differs from the figures computed
    live now."""
    period = Period(kept.starts_on, kept.ends_on)
    figures = headline_figures(kept.programme, period)
    live = figure_set_json(figures)
    found = []
    for name, value in kept.figures.get("also", {}).items():
        if name in ALSO_KEPT:
            now = _computed(name, kept.programme, period, figures)
            found += _leaf_differences(name, value, now)
    for key in dict.fromkeys([*kept.figures["figures"], *live["figures"]]):
        old, new = kept.figures["figures"].get(key, {}), live["figures"].get(key, {})
        for name in dict.fromkeys([*old, *new]):
            if old.get(name) != new.get(name):
                found.append(Difference(f"{key} {name}", old.get(name), new.get(name)))
    for name in ("currency", "display_rates", "notes"):
        if kept.figures.get(name) != live[name]:
            found.append(Difference(name.replace("_", " "), kept.figures.get(name), live[name]))
    return found


def _leaf_differences(where: str, kept, live) -> list[Difference]:
    """Differences between two JSON values, named down to the first differing leaves
    ("charts[2] svg"); long texts cut short."""
    if kept == live:
        return []
    if isinstance(kept, dict) and isinstance(live, dict):
        keys = dict.fromkeys([*kept, *live])
        return [
            d for k in keys for d in _leaf_differences(f"{where} {k}", kept.get(k), live.get(k))
        ]
    if isinstance(kept, list) and isinstance(live, list) and len(kept) == len(live):
        pairs = enumerate(zip(kept, live, strict=True))
        return [d for n, (a, b) in pairs for d in _leaf_differences(f"{where}[{n}]", a, b)]

    def short(value):
        text = value if isinstance(value, str) else None
        return text[:77] + "..." if text is not None and len(text) > 80 else value

    return [Difference(where, short(kept), short(live))]


def fresh_sets(programme=None):
    """The kept sets a reader would be given now (not stale), with their programmes."""
    sets = KeptFigureSet.objects.select_related("programme").annotate(
        current=Subquery(
            FiguresVersion.objects.filter(programme=OuterRef("programme")).values("number")
        )
    )
    if programme is not None:
        sets = sets.filter(programme=programme)
    return sets.filter(version=F("current")).order_by("programme__slug", "starts_on", "ends_on")
