from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Partnership, PartnershipPartner


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
