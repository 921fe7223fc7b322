"""Helpers for the tests of the long lists (core/lists.py): sign a demo user in, read a
list page's count of matching rows, read its CSV download."""

import csv
import io

from partnerbase.accounts.models import User


def signed_in(client, who: str) -> User:
    user = User.objects.get(email=f"{who}@example.org")
    client.force_login(user)
    return user


def listed_count(body: str) -> int:
    """How many rows match the filters, as the list page says."""
    return int(body.split('data-list-count="')[1].split('"')[0])


def csv_download(answer) -> list[dict]:
    """The rows of a list's streamed CSV answer."""
    assert answer["Content-Type"] == "text/csv"
    return list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
