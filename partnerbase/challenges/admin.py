from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Ballot, ChallengeArea, ChallengeProposal, ChallengeVote


@admin.register(ChallengeArea)
class ChallengeAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "vote"]
    list_filter = ["programme"]
    search_fields = ["name"]


@admin.register(ChallengeProposal)
class ChallengeProposalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "proposed_on", "programme"]
    list_filter = ["programme"]
    search_fields = ["title"]


@admin.register(ChallengeVote)
class ChallengeVoteAdmin(SimpleHistoryAdmin):
    list_display = ["title", "electorate", "method", "status", "programme"]
    list_filter = ["programme", "status"]


@admin.register(Ballot)
class BallotAdmin(SimpleHistoryAdmin):
    list_display = ["vote", "organisation", "cast_on"]
    list_filter = ["vote__programme"]
