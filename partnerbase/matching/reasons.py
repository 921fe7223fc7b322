"""Reasons in words, built only from the parts of a score that earned points."""

from decimal import Decimal

from .scoring import NATIONAL, Side, key

COMPASS = ("north", "south", "east", "west", "central", "mid")


def lower_first(name: str) -> str:
    """ "Financial inclusion" -> "financial inclusion", but "UK" and "NHS trusts" stay."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def place(region: str) -> str:
    """ "West Midlands" -> "the West Midlands"; "London" stays "London"."""
    first = region.split()[0].casefold() if region.split() else ""
    if first == "the" or not first.startswith(COMPASS):
        return region
    return "the " + region


def listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def money(value) -> str:
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def shared(names: frozenset[str], other: frozenset[str]) -> list[str]:
    keys = {key(n) for n in other}
    return sorted(n for n in names if key(n) in keys and key(n) not in NATIONAL)


def reasons(need: Side, offer: Side, innovator: str, partner: str, parts, prefs_of) -> str:
    """`parts` are the values between 0 and 1 (scoring.parts_of); `prefs_of` the partner."""
    n, o = need.item, offer.item
    clauses = []
    challenges = [lower_first(c) for c in shared(n.challenges, o.challenges)]
    regions = [place(r) for r in shared(n.regions, o.regions)]
    where = ""
    if regions:
        where = " in " + listing(regions)
    elif need.national and offer.national:
        where = " across the UK"
    if challenges:
        clauses.append(f"both work on {listing(challenges)}{where}")
    elif where:
        clauses.append(f"both work{where}")
    elif offer.national:
        clauses.append(f"{partner} works across the UK")
    else:
        clauses.append(f"{innovator} works across the UK")
    clauses.append(f"{partner} offers {lower_first(o.type)}, which {innovator} needs")
    if need.size is not None and offer.size is not None and need.size > 0:
        budget, amount = money(o.budget), money(n.amount)
        if offer.size >= need.size:
            clauses.append(f"its budget of {budget} covers the {amount} asked for")
        elif offer.size > 0:
            share = max(1, min(99, int(100 * offer.size / need.size)))
            clauses.append(f"its budget of {budget} covers {share}% of the {amount} asked for")
    common = sorted(need.word_set & offer.word_set)
    if parts[3] > 0 and common:
        clauses.append(f"both descriptions mention {listing(common[:4])}")
    liked = shared(n.challenges, prefs_of.preferred_challenges)
    liked_regions = shared(n.regions, prefs_of.preferred_regions)
    if liked or liked_regions:
        text = f"{partner} prefers innovators"
        if liked:
            text += f" working on {listing([lower_first(c) for c in liked])}"
        if liked_regions:
            text += f" in {listing([place(r) for r in liked_regions])}"
        clauses.append(text)
    return "; ".join(clauses)
