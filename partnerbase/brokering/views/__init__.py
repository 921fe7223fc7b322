"""Brokering pages; each view checks brokering/permissions.py first."""
