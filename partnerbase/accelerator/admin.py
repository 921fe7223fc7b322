from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Accelerator, Cohort, CohortMembership


@admin.register(Accelerator)
class AcceleratorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "delivery_partner", "starts_on", "ends_on"]
    list_filter = ["programme"]
    autocomplete_fields = ["delivery_partner"]


class CohortMembershipInline(admin.TabularInline):
    model = CohortMembership
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "challenge_area", "joined_on", "status", "withdrawn_on"]


@admin.register(Cohort)
class CohortAdmin(SimpleHistoryAdmin):
    list_display = ["name", "accelerator", "starts_on", "ends_on"]
    inlines = [CohortMembershipInline]
