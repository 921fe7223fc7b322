"""Test helpers. A test runs inside a transaction that never commits, so the emails that go
after the commit (transaction.on_commit) are sent on leaving `committed()`, as if the
block's transaction had committed."""

from functools import partial

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase

committed = partial(TestCase.captureOnCommitCallbacks, execute=True)


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down: Django's email backend interface, refusing every send."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("Connection refused by the mail server")


def sent_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]
