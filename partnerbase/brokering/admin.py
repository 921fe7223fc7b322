from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BrokeringRound,
    Introduction,
    Need,
    Offer,
    Partnership,
    PartnershipPartner,
    RoundInnovatorSetting,
)


class PartnerInline(admin.TabularInline):
    model = PartnershipPartner
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation"]


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "stage", "confirmed_on", "illustrative"]
    list_filter = ["programme", "stage", "kind", "illustrative"]
    search_fields = ["name", "innovator__name"]
    autocomplete_fields = ["innovator", "brokered_by"]
    inlines = [PartnerInline]


@admin.register(Need)
class NeedAdmin(SimpleHistoryAdmin):
    list_display = ["innovator", "type", "programme", "status", "illustrative"]
    list_filter = ["programme", "type", "status"]
    autocomplete_fields = ["innovator"]


@admin.register(Offer)
class OfferAdmin(SimpleHistoryAdmin):
    list_display = ["partner", "type", "capacity", "programme", "status", "illustrative"]
    list_filter = ["programme", "type", "status"]
    autocomplete_fields = ["partner"]


class InnovatorSettingInline(admin.TabularInline):
    model = RoundInnovatorSetting
    extra = 0
    autocomplete_fields = ["innovator"]
    fields = ["innovator", "capacity", "min_introductions"]


@admin.register(BrokeringRound)
class BrokeringRoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "status", "run_at", "sent_on"]
    list_filter = ["programme", "status"]
    inlines = [InnovatorSettingInline]


@admin.register(Introduction)
class IntroductionAdmin(SimpleHistoryAdmin):
    list_display = ["innovator", "partner", "round", "status", "score", "sent_on"]
    list_filter = ["programme", "status"]
    autocomplete_fields = ["innovator", "partner", "partnership"]
