"""The brokering engine: proposes introductions between innovators and partners.

Pure Python: nothing here imports Django (see docs/algorithms/brokering.md).
"""
