"""`partnerbase rates import FILE`: good files, bad rows, all or nothing, duplicates."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnerbase.funding.models import ExchangeRate
from partnerbase.funding.rates_import import RatesImportFailed, rates_import

pytestmark = pytest.mark.django_db

GOOD = """date,from,to,rate,source
2018-01-01,GBP,USD,1.3520,Bank of England monthly average
2018-06-01,gbp,usd,1.3350,Bank of England monthly average
2018-06-01,EUR,GBP,0.8790,ECB reference rate

"""


def rates(programme):
    return sorted(
        ExchangeRate.objects.filter(programme=programme).values_list(
            "rate_date", "base", "quote", "rate", "source"
        )
    )


def test_a_good_file_adds_every_rate(make, actor):
    result = rates_import(actor=actor, programme=make.programme, text=GOOD)

    assert (result.added, result.updated, result.unchanged) == (3, 0, 0)
    assert rates(make.programme) == [
        (date(2018, 1, 1), "GBP", "USD", Decimal("1.352"), "Bank of England monthly average"),
        (date(2018, 6, 1), "EUR", "GBP", Decimal("0.879"), "ECB reference rate"),
        (date(2018, 6, 1), "GBP", "USD", Decimal("1.335"), "Bank of England monthly average"),
    ]
    entry = ExchangeRate.objects.get(programme=make.programme, base="EUR")
    assert entry.history.first().history_user == actor


BAD = """date,from,to,rate,source
2018-01-01,GBP,USD,1.3520,BoE
2018-02-30,GBP,USD,1.30,BoE
2018-03-01,GBP,USD,abc,BoE
2018-04-01,GBPX,USD,1.3,BoE
2018-05-01,GBP,GBP,1,BoE
2018-06-01,GBP,USD,-1,BoE
2018-07-01,GBP,USD,1.123456789,BoE
2018-08-01,GBP,USD,1.3,
2018-01-01,GBP,USD,1.36,BoE again
2018-09-01,GBP,USD,,BoE
"""


def test_every_bad_row_is_named_and_nothing_is_saved(make, actor):
    with pytest.raises(RatesImportFailed) as caught:
        rates_import(actor=actor, programme=make.programme, text=BAD)

    assert caught.value.problems == [
        "row 3: date: '2018-02-30' is not a date (write it as YYYY-MM-DD)",
        "row 4: rate: 'abc' is not a number",
        "row 5: from: 'GBPX' is not a three-letter currency code, like GBP",
        "row 6: to: a rate converts between two currencies",
        "row 7: rate: '-1' must be more than 0",
        "row 8: rate: '1.123456789' has more than 8 decimal places",
        "row 9: source: say where the rate comes from",
        "row 10: a GBP to USD rate for 2018-01-01 is already on row 2",
        "row 11: rate: is empty",
    ]
    assert rates(make.programme) == []  # row 2 was good, but all or nothing


def test_a_missing_column_is_refused(make, actor):
    with pytest.raises(RatesImportFailed) as caught:
        rates_import(actor=actor, programme=make.programme, text="date,from,to,rate\n")
    assert caught.value.problems == [
        "row 1: the first row must name the columns date, from, to, rate, source (missing: source)"
    ]


def test_an_existing_rate_is_refused_unless_updating(make, actor):
    make.rate("GBP", "USD", date(2018, 6, 1), "1.30")
    before = rates(make.programme)

    with pytest.raises(RatesImportFailed) as caught:
        rates_import(actor=actor, programme=make.programme, text=GOOD)

    assert caught.value.problems == [
        "row 3: the programme already has a GBP to USD rate for 2018-06-01 (1.3, test); "
        "import with --update to replace it"
    ]
    assert rates(make.programme) == before  # rows 2 and 4 were not kept either

    result = rates_import(actor=actor, programme=make.programme, text=GOOD, update=True)
    assert (result.added, result.updated, result.unchanged) == (2, 1, 0)
    updated = ExchangeRate.objects.get(
        programme=make.programme, rate_date=date(2018, 6, 1), base="GBP"
    )
    assert updated.rate == Decimal("1.335")
    assert [h.rate for h in updated.history.order_by("history_id")] == [
        Decimal("1.3"),
        Decimal("1.335"),
    ]
    # Importing the same file again changes nothing.
    again = rates_import(actor=actor, programme=make.programme, text=GOOD)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_the_command_imports_and_reports(make, tmp_path, capsys):
    good = tmp_path / "rates.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("rates", "import", str(good), programme=make.programme.slug)
    assert "3 added, 0 updated, 0 already there" in capsys.readouterr().out

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError, match="No rates were imported: 10 problem"):
        call_command("rates", "import", str(bad), programme=make.programme.slug)
    err = capsys.readouterr().err
    assert f"{bad}: row 4: rate: 'abc' is not a number" in err
    assert f"{bad}: row 2: the programme already has a GBP to USD rate for 2018-01-01" in err
    assert len(rates(make.programme)) == 3


def test_the_command_needs_a_known_programme_and_a_readable_file(make, tmp_path):
    with pytest.raises(CommandError, match="No programme has the slug 'nope'"):
        call_command("rates", "import", str(tmp_path / "x.csv"), programme="nope")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("rates", "import", str(tmp_path / "x.csv"), programme=make.programme.slug)
