"""Partnerbase: run a cross-sector partnership programme and prove what it achieved."""

__version__ = "0.1.0"
