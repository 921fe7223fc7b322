"""Who may read and change the innovators' stories."""

from partnerbase.accounts.permissions import can_manage_programme, can_view_dashboard


def can_view_stories(user, programme) -> bool:
    """The stories go into the report: whoever reads the dashboard (the team, champions,
    accelerator managers) may read them before they are published."""
    return can_view_dashboard(user, programme)


def can_manage_stories(user, programme) -> bool:
    """Choose, order, edit and publish them: the convening team."""
    return can_manage_programme(user, programme)
