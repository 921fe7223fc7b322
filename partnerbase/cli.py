"""The `partnerbase` command: Django's management commands with Partnerbase's settings.

`partnerbase demo`, `partnerbase metrics`, `partnerbase report -o FILE.pdf`, `partnerbase export
FILE`, `partnerbase import FILE` are Partnerbase's own; every other Django command (migrate,
createsuperuser…) works too.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    args = sys.argv[1:] if argv is None else argv
    if args[:2] == ["broker", "solve"]:
        # Solving a problem file reads no model: the same command, without Django's set-up
        # (every app's models imported, 0.6 s of the 2 s a 500,000-pair problem may take).
        from partnerbase.brokering.management.commands.broker import Command

        Command().run_from_argv(["partnerbase", *args])
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(["partnerbase", *args])


if __name__ == "__main__":
    main()
