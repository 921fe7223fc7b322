"""The deadline: checked on the server at the moment of submission, at the boundary and
across the UK's two time zones."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from partnerbase.calls import deadlines, services
from partnerbase.calls.models import ApplicationStatus
from partnerbase.core.errors import DomainError
from tests.factories.calls import good_answers, make_call

# The IEP call closed at 12pm UK time on Friday 3 November 2017: GMT, so 12:00 UTC.
IEP_CLOSE = deadlines.uk_local(date(2017, 11, 3), time(12, 0))
SECOND = timedelta(seconds=1)


def test_uk_local_time_in_winter_is_gmt_and_in_summer_bst():
    assert IEP_CLOSE == datetime(2017, 11, 3, 12, 0, tzinfo=UTC)
    summer = deadlines.uk_local(date(2017, 8, 1), time(12, 0))
    assert summer == datetime(2017, 8, 1, 11, 0, tzinfo=UTC)


def test_closing_time_is_shown_in_uk_time_with_its_zone():
    assert deadlines.format_uk(IEP_CLOSE) == "12pm on Friday 3 November 2017 (GMT)"
    # The same moment given in another zone still reads in UK time.
    assert deadlines.format_uk(IEP_CLOSE.astimezone(deadlines.ZoneInfo("America/New_York"))) == (
        "12pm on Friday 3 November 2017 (GMT)"
    )
    assert deadlines.format_uk(datetime(2017, 8, 1, 8, 30, tzinfo=UTC)) == (
        "9:30am on Tuesday 1 August 2017 (BST)"
    )
    assert deadlines.format_uk(datetime(2018, 1, 1, 0, 0, tzinfo=UTC)).startswith("12am on Monday")


def test_open_from_opening_until_just_before_closing():
    opens = IEP_CLOSE - timedelta(days=90)
    assert not deadlines.is_open(opens, IEP_CLOSE, opens - SECOND)
    assert deadlines.is_open(opens, IEP_CLOSE, opens)
    assert deadlines.is_open(opens, IEP_CLOSE, IEP_CLOSE - SECOND)
    assert not deadlines.is_open(opens, IEP_CLOSE, IEP_CLOSE)
    assert not deadlines.is_open(opens, IEP_CLOSE, IEP_CLOSE + SECOND)


def test_a_time_the_clocks_skip_is_refused_and_a_repeated_one_means_bst():
    with pytest.raises(deadlines.NonexistentTime):
        deadlines.uk_local(date(2018, 3, 25), time(1, 30))
    repeated = deadlines.uk_local(date(2017, 10, 29), time(1, 30))
    assert repeated == datetime(2017, 10, 29, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("12pm", time(12)),
        ("9:30am", time(9, 30)),
        ("17:00", time(17)),
        ("midnight", time(0)),
        ("12am", time(0)),
        ("5.15 pm", time(17, 15)),
    ],
)
def test_times_as_people_type_them(typed, expected):
    assert deadlines.parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["13pm", "25:00", "noonish", "9:5"])
def test_times_that_are_not_times(typed):
    with pytest.raises(ValueError):
        deadlines.parse_time(typed)


@pytest.fixture
def iep_like(make):
    """A call closing at 12pm UK time on 3 November 2017, as the IEP's did."""
    return make_call(
        make, opens_at=deadlines.uk_local(date(2017, 8, 1), time(9, 0)), closes_at=IEP_CLOSE
    )


@pytest.fixture
def draft(iep_like, applicant):
    user, organisation = applicant
    application = services.application_start(actor=user, call=iep_like, organisation=organisation)
    return user, application


def submit(draft, now):
    user, application = draft
    return services.application_submit(
        actor=user,
        application=application,
        answers=good_answers(application.call),
        challenge_area=application.call.area,
        now=now,
    )


def test_submission_one_second_before_the_deadline_is_accepted(draft):
    application = submit(draft, IEP_CLOSE - SECOND)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at == IEP_CLOSE - SECOND


@pytest.mark.parametrize("late", [timedelta(0), SECOND])
def test_submission_at_or_after_the_deadline_is_refused_with_the_closing_time(draft, late):
    with pytest.raises(DomainError) as caught:
        submit(draft, IEP_CLOSE + late)
    assert caught.value.message == (
        "This call closed at 12pm on Friday 3 November 2017 (GMT): "
        "you can no longer submit an application."
    )
    _, application = draft
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.answers.count() == 0


def test_the_deadline_is_a_moment_whatever_zone_the_clock_is_in(draft):
    # 12:59:59 in Paris (CET, UTC+1) on 3 November is 11:59:59 UTC: one second early.
    paris = deadlines.ZoneInfo("Europe/Paris")
    application = submit(draft, datetime(2017, 11, 3, 12, 59, 59, tzinfo=paris))
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_summer_closing_time_is_an_hour_earlier_in_utc(make, applicant):
    # Closing at 12pm UK time on 1 September 2017 (BST) is 11:00 UTC.
    closes = deadlines.uk_local(date(2017, 9, 1), time(12))
    call = make_call(make, opens_at=closes - timedelta(days=30), closes_at=closes, slug="summer")
    user, organisation = applicant
    application = services.application_start(actor=user, call=call, organisation=organisation)
    with pytest.raises(DomainError, match=r"12pm on Friday 1 September 2017 \(BST\)"):
        submit((user, application), datetime(2017, 9, 1, 11, 0, 0, tzinfo=UTC))
    submit((user, application), datetime(2017, 9, 1, 10, 59, 59, tzinfo=UTC))


def test_drafts_cannot_be_saved_before_the_call_opens(draft):
    user, application = draft
    with pytest.raises(DomainError, match="opens at 9am on Tuesday 1 August 2017"):
        services.application_save(
            actor=user, application=application, now=datetime(2017, 7, 31, tzinfo=UTC)
        )
    with pytest.raises(DomainError, match="closed at 12pm"):
        services.application_save(actor=user, application=application, now=IEP_CLOSE)
