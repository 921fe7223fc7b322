from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import can_manage_programme, programme_roles

# The convening team publishes the data; champions (the board) may see and download it.
OPEN_DATA_ROLES = {Role.TEAM, Role.CHAMPION}


def can_view_open_data(user, programme) -> bool:
    return bool(
        getattr(user, "is_superuser", False) or programme_roles(user, programme) & OPEN_DATA_ROLES
    )


def can_download_public_360giving(programme) -> bool:
    """Anyone, signed in or not, once the programme's figures are published."""
    return programme.figures_published


def can_import_grants(user, programme) -> bool:
    """Bring a funder's 360Giving file into the ledger: the convening team."""
    return can_manage_programme(user, programme)
