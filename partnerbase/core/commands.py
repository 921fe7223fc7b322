"""What every `partnerbase` command does with bad input: a named error on stderr and exit
status 2 (as argparse's own errors), never a traceback, with the database unchanged.

Commands raise BadInput for what they recognise. InputCommand is the backstop for what
they do not: an exception from reading a file (a recursion, an overflow, a value Python
cannot convert, a CSV the csv module refuses) becomes BadInput naming the exception. The
commands that write do so in one transaction, so raising out of it leaves nothing behind.
"""

import csv

from django.core.management.base import BaseCommand, CommandError

BAD_INPUT = 2

# What reading a file someone else wrote can raise when a check missed its shape (a list
# where a name should be, a number too big to convert). Each is still a bug to fix where
# it arose, but the caller sees a named error, not a traceback.
_READING_ERRORS = (
    RecursionError,
    ArithmeticError,
    ValueError,
    csv.Error,
    UnicodeError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
)


class BadInput(CommandError):
    """The file or the arguments are the caller's to fix: exit status 2."""

    def __init__(self, message: str):
        super().__init__(message, returncode=BAD_INPUT)


class InputCommand(BaseCommand):
    """A command that reads input: anything the input makes go wrong is a BadInput."""

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError:
            raise
        except _READING_ERRORS as exc:
            raise BadInput(f"The input could not be read ({type(exc).__name__}): {exc}") from exc
