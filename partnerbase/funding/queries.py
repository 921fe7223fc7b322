"""Reads of the funding ledger, restricted to what the user may see."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.http import Http404

from partnerbase.core.money import Rate, RateTable
from partnerbase.directory.models import Organisation

from .ledger import AwardSum
from .models import Disbursement, ExchangeRate, FundingAward, LoanRepayment
from .permissions import sees_whole_ledger, visible_awards


def award_list(*, user, programme) -> QuerySet:
    """The programme's awards the user may see: all of them, or those to or from the
    organisation an innovator or partner contact acts for."""
    return (
        visible_awards(user, programme)
        .select_related("funder", "recipient", "via_intermediary")
        .order_by("-award_date", "title", "id")
    )


def award_sums(awards: QuerySet) -> list[AwardSum]:
    """The ledger's totals' inputs, summed in the database: one row per instrument,
    currency, date and confirmation, however many awards there are (read from the index
    funding_award_ledger_sums), and the convening organisations' share of them apart."""
    fields = ("instrument", "currency", "award_date", "confirmed")
    groups = (
        awards.order_by().values_list(*fields).annotate(total=Sum("amount_minor"), n=Count("pk"))
    )
    conveners = Organisation.objects.filter(convenes_programme=True).values("pk")
    theirs = groups.filter(funder_id__in=conveners)
    return [
        *(AwardSum(*row[:4], False, row[4], row[5]) for row in groups),
        *(AwardSum(*row[:4], True, row[4], row[5]) for row in theirs),
    ]


def award_get(*, user, programme, uid) -> FundingAward:
    """One award the user may see; 404 otherwise (so others cannot learn it exists)."""
    award = award_list(user=user, programme=programme).filter(uid=uid).first()
    if award is None:
        raise Http404("No such award")
    return award


def disbursement_list(*, user, programme) -> QuerySet:
    """The disbursements of the awards the user may see (each award's page lists them)."""
    if sees_whole_ledger(user, programme):
        # Every award's: each row's award checked by its key as the rows are read, so a page
        # in date order walks the date index and stops after its rows. Not `award__in`:
        # SQLite would read the programme's million awards first and sort all their
        # disbursements (1.5 s a page); nor a join, which it filters through a Bloom
        # filter built from every award.
        rows = Disbursement.objects.filter(
            Exists(FundingAward.objects.filter(pk=OuterRef("award_id"), programme=programme))
        )
    else:
        rows = Disbursement.objects.filter(
            award__in=award_list(user=user, programme=programme).values("pk")
        )
    return rows.order_by("award_id", "on", "id")


def repayment_list(*, user, programme) -> QuerySet:
    """The repayments of the loans the user may see (each loan's page lists them)."""
    awards = award_list(user=user, programme=programme).values("pk")
    return LoanRepayment.objects.filter(award__in=awards).order_by("award_id", "paid_on", "id")


def rate_list(*, programme) -> QuerySet:
    return ExchangeRate.objects.filter(programme=programme).order_by("-rate_date", "base", "quote")


def rate_table(programme) -> RateTable:
    """The programme's exchange rates, the one table every money figure converts with."""
    # Five columns, unordered (RateTable sorts each pair): a fifth of the time of loading
    # whole ExchangeRate objects, which shows on a dashboard with daily rates.
    rows = (
        ExchangeRate.objects.filter(programme=programme)
        .order_by()
        .values_list("base", "quote", "rate_date", "rate", "source")
    )
    return RateTable(Rate(base, quote, on, rate, source) for base, quote, on, rate, source in rows)


def report_date(programme, today: date | None = None) -> date:
    """The date display currencies are shown at: as the dashboard does for the whole
    programme (its report date, no later than its end)."""
    end = programme.ends_on or programme.report_date or today or date.today()
    return min(programme.report_date or end, end)


def award_history_parts(award) -> dict:
    """The history rows of an award and of its disbursements and repayments, deleted ones'
    too (core.changes, by kind key)."""
    return {
        "funding.fundingaward": FundingAward.history.filter(id=award.pk),
        "funding.disbursement": Disbursement.history.filter(award_id=award.pk),
        "funding.loanrepayment": LoanRepayment.history.filter(award_id=award.pk),
    }
