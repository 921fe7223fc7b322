from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ExchangeRate, FundingAward


@admin.register(FundingAward)
class FundingAwardAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "programme",
        "instrument",
        "amount",
        "currency",
        "award_date",
        "confirmed",
    ]
    list_filter = ["programme", "instrument", "confirmed", "currency"]
    search_fields = ["title", "funder__name", "recipient__name"]
    autocomplete_fields = ["funder", "recipient", "via_intermediary"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["rate_date", "base", "quote", "rate", "source", "programme"]
    list_filter = ["programme", "base", "quote"]
