"""A stored vote result laid out for its page: proposals in place of ids, tables as rows."""

from .models import ChallengeVote


def _cell(result, a, b) -> dict | None:
    """Proposal a against b in the pairwise table: none on the diagonal."""
    if a == b:
        return None
    return {
        "for": result["pairwise"][a][b],
        "against": result["pairwise"][b][a],
        "path": result["strongest"][a][b],
        "path_back": result["strongest"][b][a],
    }


def result_view(vote: ChallengeVote) -> dict | None:
    result = vote.result
    if not result:
        return None
    by_uid = {str(p.uid): p for p in vote.proposals.select_related("organisation")}
    order = result["order"]
    winners = set(result["winners"])
    rows = [
        {
            "place": n,
            "proposal": by_uid[uid],
            "chosen": uid in winners,
            "approvals": result["approvals"].get(uid),
            "firsts": result["first_preferences"].get(uid),
            "beats": result["beats"].get(uid),
        }
        for n, uid in enumerate(order, start=1)
    ]
    pairwise = [
        {"proposal": by_uid[a], "cells": [_cell(result, a, b) for b in order]}
        for a in (order if result["pairwise"] else [])
    ]
    firsts = result["first_preferences"]
    plurality = max(order, key=lambda u: firsts[u]) if firsts and any(firsts.values()) else None
    return {
        "rows": rows,
        "chosen": [by_uid[u] for u in result["winners"]],
        "pairwise": pairwise,
        "columns": [by_uid[u] for u in order],
        "ties": [[by_uid[u] for u in group] for group in result["ties"]],
        "tie_at_cutoff": result["tie_at_cutoff"],
        "tie_rule": result["tie_rule"],
        "ballots": result["ballots"],
        "plurality": by_uid[plurality] if plurality else None,
        "plurality_differs": bool(plurality and plurality != order[0]),
    }


def area_counts(area) -> dict | None:
    """What the area's vote gave its proposal, for "chosen by vote … on …"."""
    vote = area.vote
    if not (vote and area.proposal_id and vote.result):
        return None
    uid = str(area.proposal.uid)
    result = vote.result
    return {
        "place": result["order"].index(uid) + 1,
        "candidates": len(result["order"]),
        "ballots": result["ballots"],
        "approvals": result["approvals"].get(uid),
        "firsts": result["first_preferences"].get(uid),
        "beats": result["beats"].get(uid),
    }
