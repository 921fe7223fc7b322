"""The story of tests/browser/test_programme_from_nothing.py, stage by stage: its browser
(story.py) and its stages in the order the IEP worked."""
