"""Each headline figure's definition in words, for the dashboard, the public page and the
report's methods: DESIGN.md's "Headline figures", as `figures.py` and `roles.py` count."""

from .models import Figure

DEFINITIONS = {
    Figure.ORGANISATIONS_ENGAGED: (
        "Distinct organisations, other than the convening organisations, with an engagement "
        "dated in the period or a role in the programme at any time in it."
    ),
    Figure.NEW_PROJECTS: (
        "Collaborative projects launched in the period that are launched, active or completed."
    ),
    Figure.INNOVATORS_SUPPORTED: (
        "Distinct organisations holding a cohort place in the period: the cohort had started "
        "by the period's end, and the place was not withdrawn before the cohort started or "
        "before the period began."
    ),
    Figure.ADDITIONAL_FUNDING: (
        "Confirmed cash awards (grant, loan, equity, prize, match) dated in the period, from "
        "funders other than the convening organisations, to organisations that had joined a "
        "cohort by the award date (alumni's follow-on funding counts; a place withdrawn "
        "before its cohort started does not), each counted once, converted at the rate on "
        "the award date."
    ),
    Figure.PARTNERSHIPS_CONFIRMED: (
        "Partnerships at stage confirmed, active or completed, confirmed in the period."
    ),
    Figure.ESTIMATED_PARTNERSHIP_VALUE: (
        "The sum of those partnerships' estimated value over the 12 months after "
        "confirmation, converted at the rate on the confirmation date."
    ),
}

# How long each role lasts for "organisations engaged" (DESIGN.md, "Role spans").
ROLE_SPANS = [
    ("Board seat", "its term, from start to end"),
    ("Pledge", "from pledging until it is delivered in full or lapses"),
    ("Working-group member", "from joining until leaving"),
    ("Application", "the day it was submitted"),
    ("Cohort place", "from joining until withdrawal or the cohort's end"),
    ("Accelerator delivery partner", "the accelerator's start to its end"),
    ("Need or offer", "from being recorded until it is closed"),
    ("Introduction", "the day it was sent"),
    ("Partnership", "from being proposed until it ends or is completed"),
    (
        "Project coalition member",
        "from joining, or from the project's launch when no join date is given",
    ),
    ("Competition sponsor", "from the launch to the end of its last stage"),
    ("Competition entry", "the day it was entered"),
]

PERIODS_ADD_UP = (
    "New projects, additional funding, partnerships confirmed and estimated value are sums of "
    "dated events: the figures of consecutive periods add up to the figure of the period they "
    "cover, to the penny (amounts are converted at the rate on their date and each day's total "
    "is rounded once). The two counts of distinct organisations do not add up: an "
    "organisation active in two periods counts once in each."
)
