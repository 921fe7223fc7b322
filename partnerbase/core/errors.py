"""Domain errors raised by services; views and commands turn them into messages."""


class DomainError(Exception):
    """A rule of the domain was broken. `field` names the input at fault, if any."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(DomainError):
    """The actor may not do this."""
