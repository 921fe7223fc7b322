"""The Inclusive Economy Partnership, 2017-2018: the records the demo is built from.

Named organisations, innovators, awards and the coalition come from the public account in
the seed (the IEP blog post and the facts file with their sources). Anything the public
record does not give is generated deterministically in `iep.py` and marked illustrative.
"""

from datetime import date
from decimal import Decimal

# fmt: off

PROGRAMME = {
    "name": "Inclusive Economy Partnership",
    "slug": "iep",
    "starts_on": date(2017, 9, 1),
    "ends_on": date(2018, 9, 30),
    "report_date": date(2018, 9, 30),
    "description": (
        "A UK cross-government initiative set up in September 2017, funded and run jointly by "
        "the Cabinet Office and the Department for Digital, Culture, Media and Sport. It brought "
        "government departments, civil society and businesses together to find, invent and "
        "deliver solutions to financial exclusion, poor mental health at work and the "
        "transition to work for young people. Records marked illustrative fill gaps in the "
        "public account."
    ),
}

CHALLENGES = [
    ("financial-inclusion", "Financial inclusion",
     "5.5 million people in bad debt without access to affordable credit."),
    ("mental-health-at-work", "Mental health at work",
     "Poor mental health at work costs an estimated £74bn to £99bn a year."),
    ("transition-to-work", "Transition to work for young people",
     "More than 800,000 young people not in education, employment or training."),
]

# (key, name, kind, identifiers, regions, note) for organisations the public record names.
NAMED = [
    ("cabinet-office", "Cabinet Office", "government_department", [], "UK", "Convenor"),
    ("dcms", "Department for Digital, Culture, Media and Sport", "government_department", [],
     "UK", "Convenor; the Inclusive Economy Unit in the Office for Civil Society"),
    ("beis", "Department for Business, Energy and Industrial Strategy", "government_department",
     [], "UK", ""),
    ("dwp", "Department for Work and Pensions", "government_department", [], "UK", ""),
    ("hmt", "HM Treasury", "government_department", [], "UK", ""),
    ("nesta", "Nesta", "charity", ["GB-CHC-1144091"], "UK", "Ran the accelerator"),
    ("unltd", "UnLtd", "charity", ["GB-CHC-1090393"], "UK", ""),
    ("barclays", "Barclays", "business", ["GB-COH-00048839"], "UK", ""),
    ("grant-thornton", "Grant Thornton UK", "business", [], "UK", ""),
    ("money-advice-service", "Money Advice Service", "intermediary", [], "UK", ""),
    ("fair-finance", "Fair Finance", "social_enterprise", [], "London", ""),
    ("whatsapp", "WhatsApp", "business", [], "UK", ""),
    ("marks-and-spencer", "Marks & Spencer", "business", ["GB-COH-04256886"], "UK", ""),
    ("unilever", "Unilever", "business", [], "UK", ""),
    ("accenture", "Accenture", "business", [], "UK", ""),
    ("nationwide", "Nationwide Building Society", "business", [], "UK", ""),
    ("bt", "BT", "business", [], "UK", ""),
    ("o2", "O2", "business", [], "UK", ""),
    ("movement-to-work", "Movement to Work", "charity", [], "UK", ""),
    ("wmca", "West Midlands Combined Authority", "local_authority", [], "West Midlands", ""),
    ("mind", "Mind", "charity", ["GB-CHC-219830"], "England and Wales", ""),
    ("mhf", "Mental Health Foundation", "charity", [], "UK", ""),
    ("mmhpi", "Money and Mental Health Policy Institute", "charity", [], "UK", ""),
    ("aviva", "Aviva", "business", ["GB-COH-02468686"], "UK", ""),
    ("kpmg", "KPMG", "business", [], "UK", ""),
    ("carillion", "Carillion", "business", [], "UK", ""),
    ("landsec", "Landsec", "business", [], "UK", ""),
    ("rolls-royce", "Rolls-Royce", "business", [], "UK", ""),
    ("dixons-carphone", "Dixons Carphone", "business", [], "UK", ""),
    ("esmee-fairbairn", "Esmée Fairbairn Foundation", "funder", ["GB-CHC-200051"], "UK", ""),
    ("tnlcf", "The National Lottery Community Fund", "funder", [], "UK", ""),
    ("national-grid", "National Grid", "business", [], "UK", ""),
]
CONVENORS = {"cabinet-office", "dcms"}

# (key, name, kind, challenge, region, illustrative, note)
INNOVATORS = [
    ("workfinder", "Founders4Schools (Workfinder)", "charity", "transition-to-work", "UK", False, ""),
    ("toolshed", "Toolshed", "social_enterprise", "transition-to-work", "West Midlands", False,
     "Trains young people in construction skills."),
    ("career-alchemy", "Career Alchemy", "social_enterprise", "transition-to-work", "UK", False, ""),
    ("exceptional-individuals", "Exceptional Individuals", "social_enterprise",
     "transition-to-work", "London", False, ""),
    ("mykindafuture", "MyKindaFuture", "business", "transition-to-work", "UK", False,
     "Its Connectr platform supports disadvantaged young people into work."),
    ("uk-youth", "UK Youth", "charity", "transition-to-work", "UK", False, ""),
    ("applied", "Applied", "social_enterprise", "transition-to-work", "UK", False, ""),
    ("thrive", "Thrive Therapeutic Software Limited", "business", "mental-health-at-work", "UK",
     False, "A mobile app for resilience and self-managing mild anxiety or depression."),
    ("this-is-me", "This is Me", "charity", "mental-health-at-work", "London", False,
     "A campaign for mentally healthy workplaces."),
    ("steady-minds", "Steady Minds CIC", "community_interest_company", "mental-health-at-work",
     "North West", True, ""),
    ("shift-talk", "ShiftTalk", "social_enterprise", "mental-health-at-work", "Yorkshire", True, ""),
    ("peer-lines", "Peer Lines", "charity", "mental-health-at-work", "North East", True, ""),
    ("calm-rota", "Calm Rota", "business", "mental-health-at-work", "South West", True, ""),
    ("money-ae", "Money A+E", "social_enterprise", "financial-inclusion", "London", False,
     "Money advice and education for Black, Asian and minority ethnic and hard-to-reach "
     "people in London. Named in the IEP blog post; its cohort place is unverified elsewhere."),
    ("fairshare-savings", "Fairshare Savings Club", "community_interest_company",
     "financial-inclusion", "West Midlands", True, ""),
    ("credit-bridge", "Credit Bridge", "social_enterprise", "financial-inclusion", "Wales", True, ""),
    ("pocket-budget", "Pocket Budget", "business", "financial-inclusion", "Scotland", True, ""),
    ("community-money-hub", "Community Money Hub", "charity", "financial-inclusion",
     "East Midlands", True, ""),
]
# Accepted a place, then withdrew before the cohort began: engaged, not supported.
WITHDRAWN_INNOVATOR = ("second-chance", "Second Chance Pathways", "charity", "transition-to-work",
                       "North East", True, "Withdrew before the cohort started.")

ACCELERATOR = {
    "name": "IEP Partnership Accelerator",
    "starts_on": date(2017, 8, 1),
    "ends_on": date(2018, 9, 30),
    "description": "Six months of support, events and brokering run by Nesta; each innovator "
    "received a £20,000 grant funded by DCMS.",
}
COHORT = {"name": "First cohort (2018)", "starts_on": date(2018, 2, 1),
          "ends_on": date(2018, 7, 31)}

# The funders invented to carry the illustrative awards.
ILLUSTRATIVE_FUNDERS = [
    ("riverside-cf", "Riverside Community Foundation", "funder"),
    ("lanyard-trust", "Lanyard Trust", "funder"),
    ("northgate-sif", "Northgate Social Investment Fund", "funder"),
    ("brightwater", "Brightwater Foundation", "funder"),
    ("civic-ventures", "Civic Ventures Fund", "funder"),
    ("atlas-fintech", "Atlas Fintech Foundation", "funder"),
]

# GBP per USD rates: the seed's conversions all fit 1 GBP = 1.3167 USD at the report.
RATES = [
    (date(2017, 9, 1), Decimal("1.2950"), "Illustrative monthly average", True),
    (date(2018, 1, 1), Decimal("1.3520"), "Illustrative monthly average", True),
    (date(2018, 6, 1), Decimal("1.3350"), "Illustrative monthly average", True),
    (date(2018, 9, 30), Decimal("1.3167"),
     "Implied by the IEP's published conversions (£632,000 = $832,000; £2 million = $2.63m)",
     False),
]

# (recipient, funder, instrument, amount, currency, date, via, illustrative, title)
ADDITIONAL_AWARDS = [
    ("toolshed", "unltd", "social_loan", "80500", "GBP", date(2018, 5, 14), None, False,
     "Social loan to Toolshed through UnLtd"),
    ("toolshed", "barclays", "grant", "25000", "GBP", date(2018, 4, 20), None, False,
     "Barclays grant to Toolshed"),
    ("mykindafuture", "riverside-cf", "grant", "60000", "GBP", date(2018, 3, 12), None, True, ""),
    ("workfinder", "lanyard-trust", "grant", "45000", "GBP", date(2018, 4, 3), None, True, ""),
    ("money-ae", "northgate-sif", "social_loan", "52500", "GBP", date(2018, 5, 2), "unltd", True, ""),
    ("thrive", "brightwater", "equity", "38000", "GBP", date(2018, 6, 18), None, True, ""),
    ("uk-youth", "civic-ventures", "grant", "30000", "GBP", date(2018, 3, 28), None, True, ""),
    ("career-alchemy", "riverside-cf", "match_funding", "48000", "GBP", date(2018, 7, 9), None,
     True, ""),
    ("applied", "lanyard-trust", "grant", "25000", "GBP", date(2018, 8, 1), None, True, ""),
    ("this-is-me", "brightwater", "grant", "35000", "GBP", date(2018, 5, 21), None, True, ""),
    ("fairshare-savings", "northgate-sif", "social_loan", "40000", "GBP", date(2018, 6, 4),
     "unltd", True, ""),
    ("exceptional-individuals", "civic-ventures", "grant", "27500", "GBP", date(2018, 7, 16), None,
     True, ""),
    ("steady-minds", "riverside-cf", "prize", "33000", "GBP", date(2018, 8, 20), None, True, ""),
    ("credit-bridge", "lanyard-trust", "grant", "22450", "GBP", date(2018, 9, 3), None, True, ""),
    ("pocket-budget", "atlas-fintech", "grant", "40000", "USD", date(2018, 6, 12), None, True,
     "Atlas Fintech Foundation grant (in US dollars)"),
    ("community-money-hub", "brightwater", "grant", "41000", "GBP", date(2018, 9, 12), None, True,
     ""),
]
# Awards that are recorded but, by the definition, are not additional funding.
OTHER_AWARDS = [
    ("shift-talk", "civic-ventures", "grant", "15000", "GBP", date(2018, 1, 15), None, True,
     "Grant before ShiftTalk joined the cohort"),
    ("peer-lines", "lanyard-trust", "grant", "12000", "GBP", date(2018, 9, 20), None, True,
     "Grant offered, not yet confirmed", False),
    ("calm-rota", "o2", "in_kind", "8000", "GBP", date(2018, 6, 1), None, True,
     "Donated phones and data (in kind)"),
]

NAMED_PARTNERSHIPS = [
    # (innovator, partners, kind, name, value, confirmed_on)
    ("toolshed", ["unltd"], "funding", "Toolshed and UnLtd: social loan", "80500",
     date(2018, 5, 14)),
    ("toolshed", ["barclays"], "funding", "Toolshed and Barclays: grant", "25000",
     date(2018, 4, 20)),
    ("money-ae", ["grant-thornton"], "mentoring", "Money A+E and Grant Thornton", "18000",
     date(2018, 4, 9)),
    ("money-ae", ["money-advice-service"], "distribution",
     "Money A+E and the Money Advice Service", "22000", date(2018, 5, 8)),
    ("money-ae", ["fair-finance"], "distribution", "Money A+E and Fair Finance", "9500",
     date(2018, 6, 11)),
    ("money-ae", ["whatsapp"], "distribution", "Money A+E and WhatsApp", "12000",
     date(2018, 7, 2)),
    ("mykindafuture", ["marks-and-spencer"], "employment_pathways",
     "MyKindaFuture and Marks & Spencer: work experience into employment", "120000",
     date(2018, 3, 19)),
]
# Totals the generated partnerships make up to, as the IEP reported them.
CONFIRMED_PARTNERSHIPS = 100
INTRODUCTIONS = 230
ESTIMATED_VALUE_TOTAL = Decimal("1998750")

TARGETS = [
    ("organisations_engaged", "100", True, "Illustrative: the initial target is not public."),
    ("new_projects", "3", True, "Illustrative: the initial target is not public."),
    ("innovators_supported", "15", True, "Illustrative: the initial target is not public."),
    ("additional_funding", "500000", True, "Illustrative: the initial target is not public."),
    ("partnerships_confirmed", "9", False, "Nesta: 230 introductions led to 100 confirmed "
     "partnerships, against a target of 9."),
    ("estimated_partnership_value", "1000000", True,
     "Illustrative: the initial target is not public."),
]

# (key, name, status, launch date, region, challenge, coalition, illustrative, note)
PROJECTS = [
    ("west-midlands", "West Midlands transition-to-work pilot", "active", date(2018, 6, 4),
     "West Midlands", "transition-to-work",
     [("wmca", "lead"), ("dwp", "government"), ("unltd", "funder"),
      ("movement-to-work", "delivery"), ("o2", "employer"), ("accenture", "employer")],
     False, "Supports young people to move from education into meaningful work. Coalition as "
     "named in the IEP blog post; the roles are illustrative."),
    ("mh-toolkit", "Mentally healthy workplaces toolkit", "launched", date(2018, 4, 16), "UK",
     "mental-health-at-work",
     [("mind", "lead"), ("mhf", "delivery"), ("aviva", "funder"), ("kpmg", "employer"),
      ("landsec", "employer")], True, ""),
    ("affordable-credit", "Affordable credit in the community", "active", date(2018, 5, 21),
     "North West", "financial-inclusion",
     [("fair-finance", "lead"), ("mmhpi", "delivery"), ("nationwide", "funder"),
      ("partner-02", "delivery")], True, ""),
    ("open-doors", "Employer open doors for young people", "completed", date(2018, 3, 5), "UK",
     "transition-to-work",
     [("bt", "lead"), ("unilever", "employer"), ("uk-youth", "delivery")], True, ""),
    # Proposed, not launched: not a new project yet.
    ("debt-data", "Data sharing for debt advice", "proposed", None, "UK", "financial-inclusion",
     [("hmt", "government"), ("barclays", "partner")], True, ""),
]
# fmt: on
