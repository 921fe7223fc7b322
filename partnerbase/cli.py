"""The `partnerbase` command: Django's management commands with Partnerbase's settings.

`partnerbase demo`, `partnerbase metrics`, `partnerbase report -o FILE.pdf`, `partnerbase export
FILE`, `partnerbase import FILE` are Partnerbase's own; every other Django command (migrate,
createsuperuser…) works too.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["partnerbase", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
