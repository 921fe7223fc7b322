"""Signals for the apps above accounts.

`invitation_link_made` (invitation, token, site_url): a new invitation link was made, in
the caller's transaction. The notifications app (above accounts in the layers) receives it
and emails the link after the commit; the token exists only in memory, never stored.
"""

from django.dispatch import Signal

invitation_link_made = Signal()
