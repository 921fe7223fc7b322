from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ChallengeArea


@admin.register(ChallengeArea)
class ChallengeAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme"]
    list_filter = ["programme"]
    search_fields = ["name"]
