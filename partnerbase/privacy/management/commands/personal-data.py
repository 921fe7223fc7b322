"""`partnerbase personal-data export EMAIL -o FILE.json`, `erase EMAIL --reason WHY [--yes]`
and `retention [--programme SLUG] [--dry-run]`: the administrator's side of subject access,
erasure and retention, across every programme (docs/personal-data.md)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from partnerbase.core.errors import DomainError
from partnerbase.privacy.models import ActionKind
from partnerbase.privacy.retention import retention_due, retention_run
from partnerbase.privacy.services import action_record, erasure_refusals, person_erase
from partnerbase.privacy.subject import personal_data, subject_find
from partnerbase.programmes.models import Programme


def _subject(email):
    subject = subject_find(email=email)
    if not email.strip() or not subject.found:
        raise CommandError(f"No one with the email address {email!r} is held here.", returncode=2)
    return subject


class Command(BaseCommand):
    help = "Export, erase or apply retention to people's personal data (UK GDPR)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Everything held about a person, as JSON.")
        export.add_argument("email")
        export.add_argument("-o", "--output", required=True, help="FILE.json, or - for stdout")
        erase = sub.add_parser("erase", help="Erase a person's identifying details.")
        erase.add_argument("email")
        erase.add_argument("--reason", required=True, help="Why, for the erasure log.")
        erase.add_argument("--yes", action="store_true", help="Erase; without it, only check.")
        retention = sub.add_parser("retention", help="Erase unsuccessful applicants' data.")
        retention.add_argument("--programme", help="One programme's slug (default: all).")
        retention.add_argument("--dry-run", action="store_true", help="List, change nothing.")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _export(self, *, email, output, **_):
        subject = _subject(email)
        data = personal_data(subject=subject, scope=None)
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if output == "-":
            sys.stdout.write(text + "\n")
        else:
            try:
                with open(output, "w", encoding="utf-8") as f:
                    f.write(text + "\n")
            except OSError as exc:
                raise CommandError(f"Cannot write {output}: {exc.strerror}", returncode=2) from exc
        action_record(
            actor=None,
            kind=ActionKind.EXPORT,
            subject=subject,
            reason="partnerbase personal-data export",
            counts={"records": len(data["records"]), "history": len(data["history"])},
        )
        self.stderr.write(
            f"{len(data['records'])} records and {len(data['history'])} history entries."
        )

    def _erase(self, *, email, reason, yes, **_):
        subject = _subject(email)
        refusals = erasure_refusals(subject=subject, actor=None, scope=None)
        if refusals:
            raise CommandError(" ".join(refusals), returncode=2)
        if not yes:
            self.stdout.write("Would erase; run again with --yes to erase.")
            return
        try:
            action = person_erase(subject=subject, actor=None, scope=None, reason=reason)
        except DomainError as exc:
            raise CommandError(exc.message, returncode=2) from exc
        self.stdout.write(f"Erased: now {action.erased_label} (erasure {action.pk}).")

    def _retention(self, *, programme, dry_run, **_):
        programmes = Programme.objects.order_by("name")
        if programme:
            programmes = programmes.filter(slug=programme)
            if not programmes:
                raise CommandError(f"No programme with slug {programme!r}.", returncode=2)
        if dry_run:
            due = retention_due(programmes=programmes)
            for item in due:
                self.stdout.write(
                    f"{item.programme.slug}\t{item.user.email}\t{item.applicant.organisation.name}"
                    f"\tdecided {item.decided_at:%Y-%m-%d}\tdue {item.due_at:%Y-%m-%d}"
                )
            self.stderr.write(f"{len(due)} applicant(s) due; nothing changed (dry run).")
            return
        outcomes = retention_run(programmes=programmes, actor=None, scope=None)
        for outcome in outcomes:
            done = (
                f"erased as {outcome.action.erased_label}"
                if outcome.action
                else f"skipped: {outcome.refusal}"
            )
            self.stdout.write(
                f"{outcome.due.programme.slug}\tapplicant {outcome.due.user.pk}\t{done}"
            )
        erased = sum(1 for o in outcomes if o.action)
        self.stderr.write(f"{erased} applicant(s) erased, {len(outcomes) - erased} skipped.")
