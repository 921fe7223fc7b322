"""Eligibility rules on their own: pure Python, no database."""

from partnerbase.calls import eligibility as el

LABELS = {"charity": "Charity", "social_enterprise": "Social enterprise", "business": "Business"}


def applicant(kind="charity", regions=("London",), answers=None, year=2017):
    return el.Applicant(kind=kind, regions=regions, answers=answers or {}, reference_year=year)


KIND = el.Rule(el.ORGANISATION_KIND, values=("charity", "social_enterprise"))
REGION = el.Rule(el.REGION, values=("North West", "London"))
INCOME = el.Rule(
    el.INCOME_AT_MOST, amount=1_000_000, question="income", question_text="Income", prefix="£"
)
FOUNDED = el.Rule(el.FOUNDED_YEARS, amount=2, question="founded", question_text="Year founded")
STAGE = el.Rule(el.ANSWER_IS, values=("Pilot", "Scaling"), question="stage", question_text="Stage")


def test_no_rules_means_eligible():
    assert el.check([], applicant()) == []


def test_organisation_kind_in_the_set_passes_and_outside_fails_with_the_kinds_in_words():
    assert el.check([KIND], applicant("social_enterprise")) == []
    [failure] = el.check([KIND], applicant("business"), LABELS)
    assert failure.rule is KIND
    assert failure.reason == (
        "Your organisation is a business; this call is open only to a charity or social enterprise"
    )


def test_region_matches_any_listed_region_ignoring_case_and_spaces():
    assert el.check([REGION], applicant(regions=(" north west ",))) == []
    [failure] = el.check([REGION], applicant(regions=("Wales", "Scotland")))
    assert failure.reason == "Your organisation must operate in North West or London"
    assert el.check([REGION], applicant(regions=())) != []


def test_income_at_most_includes_the_limit():
    assert el.check([INCOME], applicant(answers={"income": 1_000_000})) == []
    [failure] = el.check([INCOME], applicant(answers={"income": 1_000_001}))
    assert failure.reason == "Your annual income must be £1,000,000 or less; you said £1,000,001"


def test_founded_counts_years_back_from_the_closing_year():
    # Closing in 2017, "at least 2 years": founded in 2015 or earlier.
    assert el.check([FOUNDED], applicant(answers={"founded": 2015})) == []
    [failure] = el.check([FOUNDED], applicant(answers={"founded": 2016}))
    assert failure.reason == (
        "Your organisation must have been founded in 2015 or earlier; you said 2016"
    )


def test_answer_must_be_one_of_the_values():
    assert el.check([STAGE], applicant(answers={"stage": "Scaling"})) == []
    [failure] = el.check([STAGE], applicant(answers={"stage": "Idea"}))
    assert failure.reason == "Your answer to “Stage” must be Pilot or Scaling"


def test_a_missing_or_unreadable_answer_fails_and_asks_for_it():
    for answers in ({}, {"income": ""}, {"income": "lots"}):
        [failure] = el.check([INCOME], applicant(answers=answers))
        assert failure.reason == "Answer “Income” so that we can check you are eligible"


def test_every_failed_rule_is_returned_in_order():
    failures = el.check(
        [KIND, REGION, INCOME, FOUNDED, STAGE],
        applicant("business", ("Wales",), {"income": 5, "founded": 2000, "stage": "Idea"}),
    )
    assert [f.rule for f in failures] == [KIND, REGION, STAGE]


def test_the_module_imports_no_django():
    source = el.__file__
    with open(source, encoding="utf-8") as f:
        assert "django" not in f.read()
