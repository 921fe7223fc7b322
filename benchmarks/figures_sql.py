"""The six headline figures by hand, for figures.py to time against the ORM's.

The SQL is each engine's fastest form we could write (benchmarks/README.md); the money is
converted in Python as partnerbase/impact/figures.py does it.
"""

from datetime import date
from decimal import Context, Decimal

# The same six numbers by hand (DESIGN.md, "Headline figures"). Exclusions written out:
# a nullable date "not before X" is "IS NULL OR >= X", as Django's exclude() means it.

# "Organisations engaged": the sixteen role sources of partnerbase/impact/roles.py, each the
# organisation id column and the FROM ... WHERE that gives it.
ROLES_SQL = [
    ("e.organisation_id", """FROM directory_engagement e
    WHERE e.programme_id = %(p)s AND e.occurred_on BETWEEN %(start)s AND %(end)s"""),
    ("m.organisation_id", """FROM accelerator_cohortmembership m
    JOIN accelerator_cohort c ON c.id = m.cohort_id
    JOIN accelerator_accelerator a ON a.id = c.accelerator_id
    WHERE a.programme_id = %(p)s AND m.joined_on <= %(end)s
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= %(start)s)
      AND (c.ends_on IS NULL OR c.ends_on >= %(start)s)"""),
    ("a.delivery_partner_id", """FROM accelerator_accelerator a
    WHERE a.programme_id = %(p)s AND a.starts_on <= %(end)s
      AND (a.ends_on IS NULL OR a.ends_on >= %(start)s) AND a.delivery_partner_id IS NOT NULL"""),
    ("p.innovator_id", """FROM brokering_partnership p
    WHERE p.programme_id = %(p)s AND p.proposed_on <= %(end)s
      AND (p.ended_on IS NULL OR p.ended_on >= %(start)s) AND p.innovator_id IS NOT NULL"""),
    ("pp.organisation_id", """FROM brokering_partnershippartner pp
    JOIN brokering_partnership p ON p.id = pp.partnership_id
    WHERE p.programme_id = %(p)s AND p.proposed_on <= %(end)s
      AND (p.ended_on IS NULL OR p.ended_on >= %(start)s)"""),
    ("cm.organisation_id", """FROM projects_coalitionmember cm
    JOIN projects_collaborativeproject pr ON pr.id = cm.project_id
    WHERE pr.programme_id = %(p)s AND (cm.joined_on <= %(end)s
      OR (cm.joined_on IS NULL AND (pr.launch_date IS NULL OR pr.launch_date <= %(end)s)))"""),
    ("ce.organisation_id", """FROM projects_competitionentry ce
    JOIN projects_competition c ON c.id = ce.competition_id
    WHERE c.programme_id = %(p)s AND ce.entered_on BETWEEN %(start)s AND %(end)s"""),
    # Sponsors from the launch to the end of the last stage (open while it has no end).
    ("c.sponsor_id", """FROM projects_competition c
    WHERE c.programme_id = %(p)s AND c.launch_date <= %(end)s
      AND COALESCE((SELECT s.ends_on FROM projects_competitionstage s
                    WHERE s.competition_id = c.id ORDER BY s.starts_on DESC, s.id DESC
                    LIMIT 1), %(end)s) >= %(start)s"""),
    ("n.innovator_id", """FROM brokering_need n
    WHERE n.programme_id = %(p)s AND n.recorded_on <= %(end)s
      AND (n.closed_on IS NULL OR n.closed_on >= %(start)s)"""),
    ("f.partner_id", """FROM brokering_offer f
    WHERE f.programme_id = %(p)s AND f.recorded_on <= %(end)s
      AND (f.closed_on IS NULL OR f.closed_on >= %(start)s)"""),
    # Only sent introductions have a sent_on (removed and unsent proposals have none).
    ("i.innovator_id", """FROM brokering_introduction i
    WHERE i.programme_id = %(p)s AND i.sent_on BETWEEN %(start)s AND %(end)s"""),
    ("i.partner_id", """FROM brokering_introduction i
    WHERE i.programme_id = %(p)s AND i.sent_on BETWEEN %(start)s AND %(end)s"""),
    # Board seats whose term overlaps the period.
    ("bc.organisation_id", """FROM board_champion bc
    WHERE bc.programme_id = %(p)s AND bc.term_starts_on <= %(end)s
      AND (bc.term_ends_on IS NULL OR bc.term_ends_on >= %(start)s)"""),
    # People who belonged to a working group during the period, for their organisation.
    ("pe.organisation_id", """FROM workinggroups_workinggroupmember wm
    JOIN workinggroups_workinggroup wg ON wg.id = wm.working_group_id
    JOIN directory_person pe ON pe.id = wm.person_id
    WHERE wg.programme_id = %(p)s AND wm.joined_on <= %(end)s
      AND (wm.left_on IS NULL OR wm.left_on >= %(start)s)
      AND pe.organisation_id IS NOT NULL"""),
    # Pledges made by the end of the period and not delivered or lapsed before it began.
    ("pl.organisation_id", """FROM pledges_pledge pl
    WHERE pl.programme_id = %(p)s AND pl.pledged_on <= %(end)s
      AND (pl.delivered_on IS NULL OR pl.delivered_on >= %(start)s)
      AND (pl.lapsed_on IS NULL OR pl.lapsed_on >= %(start)s)"""),
    # Applications to the programme's calls submitted in the period.
    ("ap.organisation_id", """FROM calls_application ap
    JOIN calls_call cl ON cl.id = ap.call_id
    WHERE cl.programme_id = %(p)s AND ap.submitted_on BETWEEN %(start)s AND %(end)s"""),
]  # fmt: skip
ORGANISATIONS_SQL = """SELECT COUNT(*) FROM directory_organisation o
WHERE o.programme_id = %(p)s AND NOT o.convenes_programme AND """
# Each engine's fastest form, as for the award sums (benchmarks/README.md):
ENGAGED_SQL = {
    # PostgreSQL: one set of ids (a UNION: a UNION ALL is planned as 85,000 index lookups).
    "postgresql": ORGANISATIONS_SQL
    + "o.id IN (\n"
    + "\nUNION\n".join(f"    SELECT {column} {rest}" for column, rest in ROLES_SQL)
    + ")",
    # SQLite: for each organisation, probe each source by its foreign key index and stop at
    # the first hit (most stop at the engagements).
    "sqlite": ORGANISATIONS_SQL
    + "(\n"
    + "\nOR ".join(f"EXISTS (SELECT 1 {rest} AND {column} = o.id)" for column, rest in ROLES_SQL)
    + ")",
}

# Cohort places that support an innovator in the period.
SUPPORTING_SQL = """
    SELECT m.organisation_id, m.joined_on FROM accelerator_cohortmembership m
    JOIN accelerator_cohort c ON c.id = m.cohort_id
    JOIN accelerator_accelerator a ON a.id = c.accelerator_id
    WHERE a.programme_id = %(p)s AND c.starts_on <= %(end)s AND m.joined_on <= %(end)s
      AND (c.ends_on IS NULL OR c.ends_on >= %(start)s)
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= %(start)s)
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= c.starts_on)
"""

COUNTS_SQL = {
    vendor: f"""
SELECT
  ({engaged}),
  (SELECT COUNT(*) FROM projects_collaborativeproject pr
   WHERE pr.programme_id = %(p)s AND pr.status IN ('launched', 'active', 'completed')
     AND pr.launch_date BETWEEN %(start)s AND %(end)s),
  (SELECT COUNT(DISTINCT s.organisation_id) FROM ({SUPPORTING_SQL}) s)
"""
    for vendor, engaged in ENGAGED_SQL.items()
}

# Cohort places that make their holder a supported innovator from the day they joined,
# whenever the cohort ran: those not withdrawn before their cohort started.
INNOVATOR_PLACES_SQL = """
    SELECT m.organisation_id, m.joined_on FROM accelerator_cohortmembership m
    JOIN accelerator_cohort c ON c.id = m.cohort_id
    JOIN accelerator_accelerator a ON a.id = c.accelerator_id
    WHERE a.programme_id = %(p)s
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= c.starts_on)
"""

# An award counts if its recipient held such a place, joined on or before the award date.
# The two engines want this written differently (benchmarks/README.md):
AWARD_FILTERS = """aw.programme_id = %(p)s AND aw.confirmed
  AND aw.instrument IN ('grant', 'social_loan', 'equity', 'prize', 'match_funding')
  AND aw.award_date BETWEEN %(start)s AND %(end)s"""
FUNDING_SQL = {
    # SQLite has no hash joins and runs a correlated EXISTS once per award: instead, from
    # each supported innovator's first qualifying join date, walk the (recipient_id,
    # award_date) index to the awards after it (index only), then fetch just those awards.
    "sqlite": f"""
WITH supported AS (
    SELECT s.organisation_id, MIN(s.joined_on) AS first_joined FROM ({INNOVATOR_PLACES_SQL}) s
    GROUP BY s.organisation_id
)
SELECT aw.currency, aw.award_date, SUM(aw.amount_minor)
FROM funding_fundingaward aw JOIN directory_organisation f ON f.id = aw.funder_id
WHERE {AWARD_FILTERS} AND NOT f.convenes_programme
  AND aw.id IN (SELECT a2.id FROM supported s JOIN funding_fundingaward a2
                ON a2.recipient_id = s.organisation_id AND a2.award_date >= s.first_joined
                AND a2.award_date BETWEEN %(start)s AND %(end)s)
GROUP BY aw.currency, aw.award_date
""",
    # PostgreSQL: one pass over the awards with a hashed semi-join to the supporting places.
    "postgresql": f"""
SELECT aw.currency, aw.award_date, SUM(aw.amount_minor)
FROM funding_fundingaward aw JOIN directory_organisation f ON f.id = aw.funder_id
WHERE {AWARD_FILTERS} AND NOT f.convenes_programme
  AND EXISTS (SELECT 1 FROM ({INNOVATOR_PLACES_SQL}) s
              WHERE s.organisation_id = aw.recipient_id AND s.joined_on <= aw.award_date)
GROUP BY aw.currency, aw.award_date
""",
}

PARTNERSHIPS_SQL = """
SELECT p.estimated_value_currency, p.confirmed_on, COUNT(*), SUM(p.estimated_value_minor)
FROM brokering_partnership p
WHERE p.programme_id = %(p)s AND p.stage IN ('confirmed', 'active', 'completed')
  AND p.confirmed_on BETWEEN %(start)s AND %(end)s
GROUP BY p.estimated_value_currency, p.confirmed_on
"""

RATES_SQL = """
SELECT base, quote, rate_date, rate, source FROM funding_exchangerate WHERE programme_id = %(p)s
"""


def handwritten(connection, programme, period) -> dict:
    from partnerbase.core.currencies import from_minor
    from partnerbase.core.money import Rate, RateTable, dated_total
    from partnerbase.impact.models import Figure

    def as_date(value):  # Django's SQLite connection already parses columns declared date
        return date.fromisoformat(value) if isinstance(value, str) else value

    def as_decimal(value):  # SQLite hands back a NUMERIC as a float: read it as Django does
        if isinstance(value, float):
            return Context(prec=15).create_decimal_from_float(value)
        return Decimal(value)

    params = {
        "p": programme.pk,
        "start": connection.ops.adapt_datefield_value(period.start),
        "end": connection.ops.adapt_datefield_value(period.end),
    }
    currency = programme.reference_currency

    def convert(groups, rates):
        return dated_total(
            (
                (as_date(on), rates.convert(from_minor(minor, code), code, currency, as_date(on)))
                for code, on, minor in groups
            ),
            currency,
        )

    with connection.cursor() as cursor:
        cursor.execute(RATES_SQL, params)
        rates = RateTable(
            Rate(b, q, as_date(on), as_decimal(r), s) for b, q, on, r, s in cursor.fetchall()
        )
        cursor.execute(COUNTS_SQL[connection.vendor], params)
        engaged, projects, innovators = cursor.fetchone()
        cursor.execute(FUNDING_SQL[connection.vendor], params)
        funding = convert(cursor.fetchall(), rates)
        cursor.execute(PARTNERSHIPS_SQL, params)
        partnership_groups = cursor.fetchall()
    return {
        Figure.ORGANISATIONS_ENGAGED: engaged,
        Figure.NEW_PROJECTS: projects,
        Figure.INNOVATORS_SUPPORTED: innovators,
        Figure.ADDITIONAL_FUNDING: funding,
        Figure.PARTNERSHIPS_CONFIRMED: sum(n for _, _, n, _ in partnership_groups),
        Figure.ESTIMATED_PARTNERSHIP_VALUE: convert(
            ((c, on, total) for c, on, _, total in partnership_groups if total), rates
        ),
    }
