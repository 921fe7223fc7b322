from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Target


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["figure", "value", "programme", "set_on"]
    list_filter = ["programme", "figure"]
