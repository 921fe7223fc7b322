from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Accelerator,
    Attendance,
    Cohort,
    CohortMembership,
    Milestone,
    SelectionDecision,
    SupportSession,
)


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


@admin.register(SelectionDecision)
class SelectionDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["application", "decision", "decided_at", "notified_at"]
    list_filter = ["decision"]
    raw_id_fields = ["application", "membership", "decided_by"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["membership"]


@admin.register(SupportSession)
class SupportSessionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "cohort", "kind", "held_on"]
    inlines = [AttendanceInline]


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "membership", "due_on", "status"]
    list_filter = ["status"]
    raw_id_fields = ["membership", "evidence_recorded_by"]
