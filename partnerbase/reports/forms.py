# The period form moved to core so the partnership map (below reports) can use it too.
from partnerbase.core.forms import PeriodForm

__all__ = ["PeriodForm"]
