"""The funding ledger's filters, shared by its page and the API's list of awards."""

import django_filters

from partnerbase.core.filters import ListFilterSet, date_from, date_to, list_filter, record_id

from .models import (
    Disbursement,
    DisbursementKind,
    ExchangeRate,
    FundingAward,
    Instrument,
    LoanRepayment,
)

YES_NO = [("true", "Yes"), ("false", "No")]


class FundingAwardFilter(ListFilterSet):
    search_fields = ("title", "funder__name", "recipient__name")
    instrument = django_filters.ChoiceFilter(
        choices=Instrument.choices, empty_label="Any kind", label="Kind"
    )
    confirmed = django_filters.TypedChoiceFilter(
        choices=[("", "Confirmed or not"), *YES_NO],
        coerce=lambda value: value == "true",
        label="Confirmed",
    )
    award_date__gte = date_from("award_date", "Awarded from")
    award_date__lte = date_to("award_date", "Awarded to")
    funder = record_id("funder", "Funder")
    recipient = record_id("recipient", "Recipient")

    class Meta:
        model = FundingAward
        fields = []


LoanRepaymentFilter = list_filter(
    LoanRepayment, search=("notes",), ids=("award",), dates=("paid_on",)
)
ExchangeRateFilter = list_filter(
    ExchangeRate, search=("source",), exact=("base", "quote"), dates=("rate_date",)
)


class DisbursementFilter(ListFilterSet):
    search_fields = ("award__title", "award__funder__name", "award__recipient__name", "notes")
    kind = django_filters.ChoiceFilter(
        choices=DisbursementKind.choices, empty_label="Planned or actual", label="Planned or actual"
    )
    instrument = django_filters.ChoiceFilter(
        field_name="award__instrument",
        choices=Instrument.choices,
        empty_label="Any kind of award",
        label="Kind of award",
    )
    on__gte = date_from("on", "Paid from")
    on__lte = date_to("on", "Paid to")
    award = record_id("award", "Award")
    recipient = record_id("award__recipient", "Recipient")

    class Meta:
        model = Disbursement
        fields = []
