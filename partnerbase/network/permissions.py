"""Who may see the partnership map: whoever may open the dashboard's figures to their
records (the convening team, champions, accelerator managers), within their programme."""

from partnerbase.accounts.permissions import can_view_figure_records


def can_view_map(user, programme) -> bool:
    return can_view_figure_records(user, programme)
