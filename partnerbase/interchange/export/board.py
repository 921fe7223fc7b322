"""The board: seats (champions), meetings, papers, decisions and actions (format 1.3).

Papers are written as metadata only (title, filename, size, SHA-256), never their bytes."""

from partnerbase.board.models import Action, BoardMeeting, BoardPaper, Champion, Decision
from partnerbase.programmes.models import Programme

from ..format import date_text, id_text, sorted_by_id


def champions(p: Programme) -> list[dict]:
    rows = Champion.objects.filter(programme=p).select_related("person", "organisation")
    return sorted_by_id(
        {
            "id": str(c.uid),
            "person": id_text(c.person),
            "organisation": id_text(c.organisation),
            "role": c.role,
            "term_starts_on": date_text(c.term_starts_on),
            "term_ends_on": date_text(c.term_ends_on),
            "illustrative": c.illustrative,
        }
        for c in rows
    )


def board_meetings(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(m.uid),
            "held_on": date_text(m.held_on),
            "title": m.title,
            "agenda": m.agenda,
            "illustrative": m.illustrative,
        }
        for m in BoardMeeting.objects.filter(programme=p)
    )


def board_papers(p: Programme) -> list[dict]:
    rows = BoardPaper.objects.filter(meeting__programme=p).select_related("meeting")
    return sorted_by_id(
        {
            "id": str(r.uid),
            "meeting": id_text(r.meeting),
            "title": r.title,
            "filename": r.original_filename,
            "size_bytes": r.size_bytes,
            "sha256": r.sha256,
            "illustrative": r.illustrative,
        }
        for r in rows
    )


def decisions(p: Programme) -> list[dict]:
    rows = Decision.objects.filter(meeting__programme=p).select_related("meeting")
    return sorted_by_id(
        {
            "id": str(d.uid),
            "meeting": id_text(d.meeting),
            "kind": d.kind,
            "summary": d.summary,
            "detail": d.detail,
            "illustrative": d.illustrative,
        }
        for d in rows
    )


def actions(p: Programme) -> list[dict]:
    rows = Action.objects.filter(meeting__programme=p).select_related(
        "meeting", "decision", "owner_champion", "owner_person"
    )
    return sorted_by_id(
        {
            "id": str(a.uid),
            "meeting": id_text(a.meeting),
            "decision": id_text(a.decision),
            "description": a.description,
            "owner_champion": id_text(a.owner_champion),
            "owner_person": id_text(a.owner_person),
            "due_on": date_text(a.due_on),
            "status": a.status,
            "done_on": date_text(a.done_on),
            "illustrative": a.illustrative,
        }
        for a in rows
    )
