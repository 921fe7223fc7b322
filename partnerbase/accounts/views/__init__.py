"""The account page and invitation links (account.py), and the team's people pages
(people.py)."""
