"""The whole ledger's sums kept (jobs/kept.py): the ledger page's totals and count of a
national programme's million awards are one scan of an index (1.4 s); read back until an
award or an organisation changes. Filtered ledgers, and readers who see only their own
awards, are summed live: they are smaller."""

from datetime import date

from partnerbase.directory.models import Organisation
from partnerbase.jobs.kept import kept_or_compute, records_stamp

from .ledger import AwardSum
from .models import FundingAward
from .queries import award_sums

NAME = "ledger sums"
# What award_sums reads: the awards, and which organisations convene the programme.
STAMPED = (FundingAward, Organisation)


def whole_ledger_sums(programme, awards) -> list[AwardSum]:
    """award_sums(awards), kept: `awards` must be the programme's whole ledger."""

    def compute() -> dict:
        return {
            "sums": [
                [s.instrument, s.currency, s.on.isoformat(), s.confirmed, s.convener]
                + [s.amount_minor, s.count]
                for s in award_sums(awards)
            ]
        }

    data = kept_or_compute(programme, NAME, records_stamp(STAMPED), compute)
    return [
        AwardSum(instrument, currency, date.fromisoformat(on), confirmed, convener, total, n)
        for instrument, currency, on, confirmed, convener, total, n in data["sums"]
    ]
