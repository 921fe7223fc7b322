"""Random link tokens, kept only as their hash (an invitation's link)."""

import hashlib
import secrets


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """(token, its hash): the token goes in the emailed link, the hash in the database."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)
