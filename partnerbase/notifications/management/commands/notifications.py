"""`partnerbase notifications send|due`, for cron.

send: email the notifications whose email failed (up to services.MAX_ATTEMPTS tries each)
      or whose after-commit send was lost; run every few minutes.
due:  make the reminders that fall due with time (a pledge due in 14 days, or overdue),
      once each; run daily.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ...due import due_notifications_make
from ...services import outbox_send


class Command(BaseCommand):
    help = "Email unsent notifications (send) or make the reminders due today (due)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["send", "due"])

    def handle(self, *args, action, **options):
        if action == "send":
            counts = outbox_send()
            self.stdout.write(f"{counts['sent']} sent, {counts['failed']} failed.")
        else:
            made = due_notifications_make(today=timezone.localdate())
            self.stdout.write(f"{made} reminder{'s' if made != 1 else ''} made.")
