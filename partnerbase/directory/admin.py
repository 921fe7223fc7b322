from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Engagement, EngagementParticipant, Organisation, OrganisationIdentifier, Person


class IdentifierInline(admin.TabularInline):
    model = OrganisationIdentifier
    extra = 0
    fields = ["scheme", "identifier"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "programme",
        "kind",
        "sector_group",
        "convenes_programme",
        "illustrative",
    ]
    list_filter = ["programme", "kind", "sector_group", "convenes_programme", "illustrative"]
    search_fields = ["name"]
    inlines = [IdentifierInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "job_title", "organisation", "programme"]
    list_filter = ["programme"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organisation"]


class ParticipantInline(admin.TabularInline):
    model = EngagementParticipant
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person"]


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    list_display = ["occurred_on", "organisation", "kind", "summary", "programme"]
    list_filter = ["programme", "kind"]
    search_fields = ["summary", "organisation__name"]
    autocomplete_fields = ["organisation"]
    inlines = [ParticipantInline]
