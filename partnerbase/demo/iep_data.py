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

# The board's 14 Champions: (organisation key, person, job title, role, illustrative). The
# sources name two (the co-chairs); the other seats are illustrative and say so in the name.
CHAMPIONS = [
    ("grant-thornton", "Sacha Romanovitch", "Chief executive", "chair", False),
    ("esmee-fairbairn", "Caroline Mason CBE", "Chief executive", "chair", False),
    *(
        (key, f"Chief executive of {name} (illustrative)", "Chief executive", "member", True)
        for key, name in [
            ("barclays", "Barclays"),
            ("marks-and-spencer", "Marks & Spencer"),
            ("unilever", "Unilever"),
            ("accenture", "Accenture"),
            ("nationwide", "Nationwide Building Society"),
            ("bt", "BT"),
            ("aviva", "Aviva"),
            ("national-grid", "National Grid"),
            ("kpmg", "KPMG"),
            ("o2", "O2"),
            ("unltd", "UnLtd"),
            ("tnlcf", "The National Lottery Community Fund"),
        ]
    ),
]
CHAMPIONS_JOINED_ON = date(2017, 10, 2)  # illustrative: the board met before November 2017

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

# Loan terms (illustrative: the public record gives only the amounts), keyed by
# (recipient, funder): (rate % a year, term in months, method, first repayment due).
LOAN_TERMS = {
    ("toolshed", "unltd"): ("5", 36, "annuity", date(2018, 6, 14)),
    ("money-ae", "northgate-sif"): ("6", 48, "straight_line", date(2018, 6, 2)),
    ("fairshare-savings", "northgate-sif"): ("4.5", 24, "annuity", date(2018, 7, 4)),
}
# (recipient, funder, paid on, amount): illustrative repayments, each one instalment.
LOAN_REPAYMENTS = [
    ("toolshed", "unltd", date(2018, 6, 14), "2412.66"),
    ("toolshed", "unltd", date(2018, 7, 13), "2412.66"),
    ("toolshed", "unltd", date(2018, 8, 14), "2412.66"),
    ("money-ae", "northgate-sif", date(2018, 6, 2), "1356.25"),
]
# Each £20,000 DCMS accelerator grant is paid in two halves: (kind, date, amount).
ACCELERATOR_GRANT_DISBURSEMENTS = [
    ("planned", date(2018, 2, 1), "10000"),
    ("planned", date(2018, 5, 1), "10000"),
    ("actual", date(2018, 2, 5), "10000"),
    ("actual", date(2018, 5, 3), "10000"),
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

# What the named innovators asked for and the named partners offered, for the brokering
# round the named partnerships came from. (innovator, type) -> (description, amount or None)
NAMED_NEEDS = {
    ("toolshed", "funding"): ("Working capital to train more young people in construction "
                              "skills in the West Midlands.", "105500"),
    ("money-ae", "mentoring"): ("Mentoring on finance, governance and growth for a small "
                                "money-advice team.", None),
    ("money-ae", "distribution"): ("Reach people in debt who do not use mainstream advice: "
                                   "Black, Asian and minority ethnic and hard-to-reach "
                                   "communities in London.", None),
    ("mykindafuture", "employment_pathways"): ("Work experience that leads to jobs for "
                                               "disadvantaged young people using Connectr.",
                                               None),
}
# (partner, type) -> description
NAMED_OFFERS = {
    ("unltd", "funding"): "Social loans for social enterprises ready to grow.",
    ("barclays", "funding"): "Grants for programmes that get young people into work.",
    ("grant-thornton", "mentoring"): "Partners and managers mentoring social entrepreneurs "
                                     "on finance and governance.",
    ("money-advice-service", "distribution"): "Signposting money advice through our "
                                              "national channels.",
    ("fair-finance", "distribution"): "Referrals to and from our affordable-credit branches "
                                      "in London.",
    ("whatsapp", "distribution"): "Help to run advice services over WhatsApp.",
    ("marks-and-spencer", "employment_pathways"): "Work experience in stores leading to "
                                                  "interviews for jobs.",
}
# Why each named pair was introduced, in the engine's manner.
NAMED_REASONS = {
    ("toolshed", "unltd"): "UnLtd backs social enterprises across the UK with social loans, "
                           "which Toolshed needs to grow its construction training.",
    ("toolshed", "barclays"): "Both work on the transition to work for young people; "
                              "Barclays offers funding, which Toolshed needs.",
    ("money-ae", "grant-thornton"): "Both work in London; Grant Thornton offers mentoring on "
                                    "finance, which Money A+E needs.",
    ("money-ae", "money-advice-service"): "Both work on financial inclusion; the Money Advice "
                                          "Service offers distribution, which Money A+E needs.",
    ("money-ae", "fair-finance"): "Both work on financial inclusion in London; Fair Finance "
                                  "offers distribution, which Money A+E needs.",
    ("money-ae", "whatsapp"): "WhatsApp offers distribution to the people Money A+E wants to "
                              "reach.",
    ("mykindafuture", "marks-and-spencer"): "Both work on the transition to work for young "
                                            "people; Marks & Spencer offers employment "
                                            "pathways, which MyKindaFuture needs.",
}
# Reasons given for declining, used in turn.
DECLINE_REASONS = [
    "No capacity to take this on before the end of the year.",
    "Our offer does not fit what they need after all.",
    "We already work with a similar organisation.",
    "The timing does not suit our budget cycle.",
    "Outside the regions we can support.",
]

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
# The working group (or idea) each project came from: illustrative, as text until working
# groups and ideas are records.
PROJECT_ORIGINS = {
    "west-midlands": "Transition to work working group",
    "mh-toolkit": "Mental health at work working group",
    "affordable-credit": "Financial inclusion working group",
    "open-doors": "Transition to work working group: employer pledges",
    "debt-data": "Financial inclusion working group: idea on data sharing for debt advice",
}
# Project money, all illustrative: (project, direction, funder, recipient, instrument, amount,
# date, title). None of the recipients is a cohort innovator, so "additional funding" is
# unchanged.
PROJECT_FUNDING = [
    ("west-midlands", "in", "unltd", "wmca", "grant", "150000", date(2018, 6, 4),
     "UnLtd grant to the West Midlands pilot"),
    ("west-midlands", "in", "dwp", "wmca", "grant", "250000", date(2018, 7, 2),
     "DWP funding for the West Midlands pilot"),
    ("west-midlands", "out", "wmca", "partner-01", "grant", "40000", date(2018, 7, 16),
     "West Midlands pilot grant for youth work placements"),
    ("mh-toolkit", "in", "aviva", "mind", "grant", "60000", date(2018, 4, 16),
     "Aviva grant for the mentally healthy workplaces toolkit"),
    ("affordable-credit", "in", "nationwide", "fair-finance", "grant", "200000",
     date(2018, 5, 21), "Nationwide funding for affordable community credit"),
    ("open-doors", "in", "unilever", "bt", "in_kind", "20000", date(2018, 3, 5),
     "Unilever staff time and venues for open doors (in kind)"),
]
# Outcome indicators, all illustrative: project -> [(name, unit, [(date, value, quality,
# evidence)])].
PROJECT_INDICATORS = {
    "west-midlands": [
        ("Young people into work", "people", [
            (date(2018, 7, 31), "45", "estimate", "Coalition partners' monthly update"),
            (date(2018, 9, 30), "112", "verified", "WMCA monthly return, September 2018"),
        ]),
        ("Employers taking part", "employers", [
            (date(2018, 9, 30), "14", "estimate", ""),
        ]),
    ],
    "mh-toolkit": [
        ("Employers using the toolkit", "employers", [
            (date(2018, 9, 1), "60", "estimate", "Download registrations"),
        ]),
        ("Employees reached", "people", [
            (date(2018, 9, 1), "85000", "estimate", "Employers' own staff counts"),
        ]),
    ],
    "affordable-credit": [
        ("Affordable loans made", "loans", [
            (date(2018, 7, 31), "310", "verified", "Fair Finance lending report, July 2018"),
            (date(2018, 9, 28), "640", "verified", "Fair Finance lending report, September 2018"),
        ]),
        ("People reached", "people", [(date(2018, 9, 28), "2100", "estimate", "")]),
    ],
    "open-doors": [
        ("Young people given work experience", "people", [
            (date(2018, 7, 31), "350", "verified", "Employers' placement records"),
        ]),
    ],
}

# Nationwide's £3m ($3.95m) "Open Banking for Good" competition (the IEP blog post). Its
# stages, entries, judges, scores and prizes are illustrative. The entrants are organisations
# the programme has already engaged, so "organisations engaged" stays the same; the prizes go
# to entrants that are not cohort innovators and are dated in 2019, after the programme ended
# (as the real competition's were), so "additional funding" stays the same too.
COMPETITION = {
    "name": "Open Banking for Good",
    "sponsor": "nationwide",
    "prize_fund": "3000000",
    "currency": "GBP",
    "launch_date": date(2018, 6, 26),
    "challenge": "financial-inclusion",
    "description": "A £3m ($3.95m) competition, launched by Nationwide, one of the IEP's "
    "Champions, to develop new digital services that help people manage their money more "
    "effectively. Stages, entries, judges, scores and prizes here are illustrative.",
}
COMPETITION_STAGES = [
    ("Open call", date(2018, 6, 26), date(2018, 9, 14)),
    ("Shortlist announced", date(2018, 10, 15), date(2018, 10, 15)),
    ("Development phase", date(2018, 11, 1), date(2019, 2, 28)),
    ("Final and awards", date(2019, 3, 14), date(2019, 3, 14)),
]
COMPETITION_CRITERIA = [  # (name, weight, lowest score, highest score)
    ("Impact on people's financial lives", 3, 1, 5),
    ("Use of open banking", 2, 1, 5),
    ("Ability to scale", 2, 1, 5),
    ("Team and delivery", 1, 1, 5),
]
# (entrant, title, entered on): all already engaged; Pocket Budget is a cohort innovator
# and wins nothing.
COMPETITION_ENTRIES = [
    ("fair-finance", "Budgeting coach for people on irregular incomes", date(2018, 8, 6)),
    ("mmhpi", "Spending controls for people with mental health problems", date(2018, 8, 20)),
    ("partner-10", "Credit union savings nudges", date(2018, 9, 3)),
    ("partner-42", "Affordable credit check with open banking data", date(2018, 9, 10)),
    ("pocket-budget", "Pocket Budget bill smoothing", date(2018, 9, 12)),
]
# (email, name, organisation): demo users with the assessor role who judge it. The Money
# Advice Service once partnered Pocket Budget, so its judge is not given that entry (the
# conflict-of-interest rule) and the score below for it goes unused.
COMPETITION_JUDGES = [
    ("assessor@example.org", "Asha Assessor", "nesta"),
    ("judge@example.org", "Jordan Judge", "money-advice-service"),
]
# Scores per (judge email, entrant), in criterion order, submitted on 12 October 2018.
COMPETITION_SCORES = {
    ("assessor@example.org", "fair-finance"): (5, 4, 4, 5),
    ("assessor@example.org", "mmhpi"): (5, 5, 3, 4),
    ("assessor@example.org", "partner-10"): (3, 3, 4, 3),
    ("assessor@example.org", "partner-42"): (4, 5, 3, 3),
    ("assessor@example.org", "pocket-budget"): (3, 4, 2, 3),
    ("judge@example.org", "fair-finance"): (4, 4, 5, 4),
    ("judge@example.org", "mmhpi"): (5, 4, 4, 4),
    ("judge@example.org", "partner-10"): (3, 2, 3, 4),
    ("judge@example.org", "partner-42"): (4, 4, 4, 3),
    ("judge@example.org", "pocket-budget"): (2, 3, 3, 3),
}
# (entrant, amount, date): prizes in 2019, none to a cohort innovator.
COMPETITION_PRIZES = [
    ("mmhpi", "500000", date(2019, 3, 14)),
    ("fair-finance", "500000", date(2019, 3, 14)),
    ("partner-42", "250000", date(2019, 3, 14)),
]
# fmt: on
