#!/usr/bin/env python
"""Django's manage.py; `partnerbase` (installed by pip) is the same command."""

from partnerbase.cli import main

if __name__ == "__main__":
    main()
