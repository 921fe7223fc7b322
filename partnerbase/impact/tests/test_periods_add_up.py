"""Property: on generated programmes, the additive figures of consecutive periods add up
to the figure of the period they cover, exactly, and a distinct-organisation count of a
part is never more than the whole's (DESIGN.md, "Periods add up")."""

from datetime import date, timedelta

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerbase.brokering.stages import Stage
from partnerbase.core.period import Period
from partnerbase.impact import figures as f
from partnerbase.impact.models import Figure
from tests.factories import Make, make_programme, make_user

START, END = date(2017, 1, 1), date(2018, 12, 31)
DAYS = (END - START).days


def days(lo=-90, hi=DAYS + 90):
    """A date from a little before the programme to a little after it."""
    return st.integers(lo, hi).map(lambda n: START + timedelta(days=n))


CURRENCIES = st.sampled_from(["GBP", "USD", "USD", "EUR", "EUR"])
# Amounts whose conversions leave fractions of a penny: the rounding must still add up.
AMOUNTS = st.integers(100, 5_000_000).map(lambda pence: f"{pence / 100:.2f}")
CONFIRMED = [Stage.CONFIRMED, Stage.ACTIVE, Stage.COMPLETED]


def build(data, make: Make):
    make.rate("GBP", "USD", START - timedelta(days=200), "1.3167")
    make.rate("EUR", "GBP", START - timedelta(days=200), "0.8843")
    for on in data.draw(st.lists(days(-90), max_size=3, unique=True)):
        pair = data.draw(st.sampled_from([("GBP", "USD"), ("USD", "GBP"), ("GBP", "EUR")]))
        make.rate(*pair, on, data.draw(st.sampled_from(["1.2711", "0.7", "1.1391"])))
    funders = [make.org(kind="funder"), make.convener()]
    innovators = [make.org() for _ in range(4)]
    for _ in range(data.draw(st.integers(1, 3))):
        starts = data.draw(days())
        ends = starts + timedelta(days=data.draw(st.integers(30, 200)))
        cohort = make.cohort(starts, data.draw(st.sampled_from([ends, None])))
        members = data.draw(st.lists(st.sampled_from(innovators), max_size=3, unique=True))
        for organisation in members:
            joined = starts + timedelta(days=data.draw(st.integers(-40, 40)))
            withdrawn = data.draw(
                st.none() | st.integers(0, 300).map(lambda n, j=joined: j + timedelta(days=n))
            )
            make.member(cohort, organisation, joined, withdrawn_on=withdrawn)
    # Mostly awards that count, so that their amounts meet in the totals.
    for _ in range(data.draw(st.integers(4, 16))):
        make.award(
            funder=data.draw(st.sampled_from(funders[:1] * 4 + funders)),
            recipient=data.draw(st.sampled_from(innovators * 3 + [make.org()])),
            amount=data.draw(AMOUNTS),
            currency=data.draw(CURRENCIES),
            on=data.draw(days()),
            instrument=data.draw(st.sampled_from(["grant", "social_loan", "prize", "in_kind"])),
            confirmed=data.draw(st.sampled_from([True, True, True, False])),
        )
    for _ in range(data.draw(st.integers(2, 8))):
        make.partnership(
            stage=data.draw(st.sampled_from(CONFIRMED * 2 + [Stage.IN_DISCUSSION, Stage.LAPSED])),
            on=data.draw(days()),
            innovator=data.draw(st.sampled_from(innovators)),
            value=data.draw(st.none() | AMOUNTS),
            currency=data.draw(CURRENCIES),
        )
    for _ in range(data.draw(st.integers(0, 3))):
        make.project(
            status=data.draw(st.sampled_from(["launched", "active", "completed", "cancelled"])),
            launch_date=data.draw(days()),
            coalition=[(data.draw(st.sampled_from(innovators + funders)), "delivery", None)],
        )
    for _ in range(data.draw(st.integers(0, 4))):
        make.engagement(data.draw(st.sampled_from(innovators + funders)), data.draw(days()))


def parts_of(whole: Period, cuts: list[date]) -> list[Period]:
    inside = sorted({c for c in cuts if whole.start < c <= whole.end})
    starts = [whole.start] + inside
    ends = [c - timedelta(days=1) for c in inside] + [whole.end]
    return [Period(s, e) for s, e in zip(starts, ends, strict=True)]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_figures_of_consecutive_periods_add_up_to_the_whole(db, data):
    with transaction.atomic():
        actor = make_user()
        programme = make_programme(actor, starts_on=START, ends_on=END, display_currencies="USD")
        make = Make(actor, programme)
        build(data, make)
        # Most of the programme, cut one to five times within it.
        first = data.draw(days(-30, 60), label="whole starts")
        length = data.draw(st.integers(300, DAYS), label="whole's length in days")
        whole = Period(first, first + timedelta(days=length))
        cuts = data.draw(st.lists(st.integers(1, length), min_size=1, max_size=5), label="cuts")
        cuts = [first + timedelta(days=n) for n in cuts]

        figures_of_whole = f.headline_figures(programme, whole).figures
        parts = [f.headline_figures(programme, p).figures for p in parts_of(whole, cuts)]

        for key in f.ADDITIVE_FIGURES:
            assert sum(p[key].value for p in parts) == figures_of_whole[key].value, key
        for key in (Figure.ORGANISATIONS_ENGAGED, Figure.INNOVATORS_SUPPORTED):
            assert all(p[key].value <= figures_of_whole[key].value for p in parts), key
        transaction.set_rollback(True)
