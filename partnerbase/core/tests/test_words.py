from partnerbase.core.words import article, plural


def test_plural_counts_with_thousands():
    assert plural(1, "partnership") == "1 partnership"
    assert plural(2140, "partnership") == "2,140 partnerships"
    assert plural(2, "opportunity", "opportunities") == "2 opportunities"


def test_article_by_the_first_letter():
    assert article("need") == "a need"
    assert article("offer") == "an offer"
    assert article("innovator") == "an innovator"
    assert article("partner") == "a partner"
