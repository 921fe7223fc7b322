from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerbase.rubrics.models import Criterion

from .models import (
    CoalitionMember,
    CollaborativeProject,
    Competition,
    CompetitionEntry,
    CompetitionJudge,
    CompetitionStage,
    ProjectFunding,
    ProjectIndicator,
)


class CoalitionInline(admin.TabularInline):
    model = CoalitionMember
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "joined_on"]


class FundingInline(admin.TabularInline):
    model = ProjectFunding
    extra = 0
    raw_id_fields = ["award"]
    fields = ["award", "direction"]


class IndicatorInline(admin.TabularInline):
    model = ProjectIndicator
    extra = 0
    fields = ["name", "unit"]


@admin.register(CollaborativeProject)
class CollaborativeProjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "status", "launch_date", "region"]
    list_filter = ["programme", "status"]
    inlines = [CoalitionInline, FundingInline, IndicatorInline]


class StageInline(admin.TabularInline):
    model = CompetitionStage
    extra = 0
    fields = ["name", "starts_on", "ends_on"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    fk_name = "competition"
    extra = 0
    fields = ["name", "weight", "min_score", "max_score"]


class EntryInline(admin.TabularInline):
    model = CompetitionEntry
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "title", "entered_on"]


class JudgeInline(admin.TabularInline):
    model = CompetitionJudge
    extra = 0
    raw_id_fields = ["user"]
    autocomplete_fields = ["organisation"]
    fields = ["user", "organisation"]


@admin.register(Competition)
class CompetitionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "sponsor", "launch_date"]
    list_filter = ["programme"]
    # Awards are made through the award form, which records the ledger's funding award.
    inlines = [StageInline, CriterionInline, EntryInline, JudgeInline]
