"""Which needs and offers are compatible, and how well each compatible pair fits.

Every part of a score is a number between 0 and 1 (see `parts_of`); the weights turn them
into points. Names are compared ignoring case and spacing; sets of names become bit masks
(Python integers) so that comparing them is one `&`, which keeps half a million pairs fast.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .model import PARTS, InnovatorIn, Need, Offer, PartnerIn, Weights
from .text import words

# A region that means "anywhere in the country"; no regions at all means the same.
NATIONAL = frozenset({"uk", "united kingdom", "national", "nationwide", "uk-wide", "uk wide"})
UNKNOWN = 0.5  # a part the data cannot judge (no amount, no challenge given) scores half


@lru_cache(maxsize=65536)  # the same few region and challenge names come up again and again
def key(name: str) -> str:
    return " ".join(name.split()).casefold()


class Vocabulary:
    """Gives each distinct name (or word) a bit."""

    def __init__(self):
        self.bits: dict[str, int] = {}

    def mask(self, names: Iterable[str]) -> int:
        mask = 0
        for name in names:
            bit = self.bits.get(name)
            if bit is None:
                bit = self.bits[name] = 1 << len(self.bits)
            mask |= bit
        return mask


@dataclass(frozen=True, slots=True)
class Side:
    """A need or an offer, compiled: type, region and challenge masks, words, size."""

    owner: int  # the innovator's or partner's number
    item: Need | Offer
    type: str
    regions: int  # named regions
    national: bool
    challenges: int
    challenge_count: int
    words: int
    word_set: frozenset[str]  # the same words, for the reasons
    inverse_length: float  # 1/sqrt(number of words), for the cosine
    size: float | None  # amount needed, or budget offered


@dataclass(frozen=True, slots=True)
class Preferences:
    challenges: int
    regions: int
    anywhere: bool  # the partner prefers "UK": any region meets it


class Compiler:
    def __init__(self):
        self.regions, self.challenges, self.words = Vocabulary(), Vocabulary(), Vocabulary()

    def side(self, owner: int, item: Need | Offer, size) -> Side:
        region_keys = {key(r) for r in item.regions}
        named = sorted(region_keys - NATIONAL)
        challenges = sorted(key(c) for c in item.challenges)
        word_set = words(item.description)
        text = sorted(word_set)
        return Side(
            owner=owner,
            item=item,
            type=key(item.type),
            regions=self.regions.mask(named),
            national=not region_keys or bool(region_keys & NATIONAL),
            challenges=self.challenges.mask(challenges),
            challenge_count=len(challenges),
            words=self.words.mask(text),
            word_set=word_set,
            inverse_length=1 / math.sqrt(len(text)) if text else 0.0,
            size=None if size is None else float(size),
        )

    def preferences(self, partner: PartnerIn) -> Preferences:
        regions = {key(r) for r in partner.preferred_regions}
        return Preferences(
            challenges=self.challenges.mask(sorted(key(c) for c in partner.preferred_challenges)),
            regions=self.regions.mask(sorted(regions - NATIONAL)),
            anywhere=bool(regions & NATIONAL),
        )


def compatible(need: Side, offer: Side) -> bool:
    """Same type; a shared region or either side national; a shared challenge or either
    side naming none."""
    return (
        need.type == offer.type
        and (need.national or offer.national or bool(need.regions & offer.regions))
        and (
            not need.challenges or not offer.challenges or bool(need.challenges & offer.challenges)
        )
    )


def parts_of(need: Side, offer: Side, prefs: Preferences) -> tuple[float, ...]:
    """Each part between 0 and 1, in the order of model.PARTS, for a compatible pair."""
    if need.challenges and offer.challenges:
        shared = (need.challenges & offer.challenges).bit_count()
        challenge = shared / min(need.challenge_count, offer.challenge_count)
    else:
        challenge = UNKNOWN
    if need.regions & offer.regions or (need.national and offer.national):
        region = 1.0
    else:
        region = UNKNOWN  # compatible only because one side is national
    text = (need.words & offer.words).bit_count() * need.inverse_length * offer.inverse_length
    if need.size is None or offer.size is None:
        size = UNKNOWN
    elif need.size <= 0:
        size = 1.0
    else:
        size = min(1.0, offer.size / need.size)
    if prefs.challenges:
        liked_challenge = 1.0 if need.challenges & prefs.challenges else 0.0
    else:
        liked_challenge = UNKNOWN
    if prefs.regions or prefs.anywhere:
        liked_region = 1.0 if prefs.anywhere or need.regions & prefs.regions else 0.0
    else:
        liked_region = UNKNOWN
    return (1.0, challenge, region, text, size, (liked_challenge + liked_region) / 2)


def points(weights: Weights) -> tuple[float, ...]:
    """Points per part, scaled so that a perfect pair scores 100."""
    values = [float(getattr(weights, name)) for name in PARTS]
    total = sum(values)
    return tuple(100 * v / total for v in values)


def score_of(need: Side, offer: Side, prefs: Preferences, scale: tuple[float, ...]) -> float:
    return sum(p * s for p, s in zip(parts_of(need, offer, prefs), scale, strict=True))


@dataclass
class Candidates:
    """The candidate pairs, in innovator then partner order, with their best need and offer."""

    innovator: list[int]
    partner: list[int]
    score: list[float]
    need: list[Side]
    offer: list[Side]


def candidates(
    innovators: list[InnovatorIn],
    partners: list[PartnerIn],
    compiler: Compiler,
    scale: tuple[float, ...],
    exclusions,
    progress,
) -> Candidates:
    """For each innovator and partner not excluded, the best-scoring compatible need/offer."""
    prefs = [compiler.preferences(p) for p in partners]
    # Offers by type and named region, plus the national ones, for looking up candidates.
    by_type: dict[str, list[Side]] = {}
    by_region: dict[tuple[str, int], list[Side]] = {}
    nationals: dict[str, list[Side]] = {}
    for n, partner in enumerate(partners):
        for offer in sorted(partner.offers, key=lambda o: o.id):
            side = compiler.side(n, offer, offer.budget)
            by_type.setdefault(side.type, []).append(side)
            if side.national:
                nationals.setdefault(side.type, []).append(side)
            mask = side.regions
            while mask:
                bit = mask & -mask
                by_region.setdefault((side.type, bit), []).append(side)
                mask ^= bit
    order = {id(side): n for sides in by_type.values() for n, side in enumerate(sides)}
    cache: dict[tuple[str, int, bool], list[Side]] = {}

    def offers_for(need: Side) -> list[Side]:
        lookup = (need.type, need.regions, need.national)
        found = cache.get(lookup)
        if found is None:
            if need.national:
                found = by_type.get(need.type, [])
            else:
                pool = {id(s): s for s in nationals.get(need.type, [])}
                mask = need.regions
                while mask:
                    bit = mask & -mask
                    pool.update((id(s), s) for s in by_region.get((need.type, bit), []))
                    mask ^= bit
                found = sorted(pool.values(), key=lambda s: order[id(s)])
            cache[lookup] = found
        return found

    partner_index = {p.id: n for n, p in enumerate(partners)}
    excluded: dict[str, set[int]] = {}
    for innovator_id, partner_id in exclusions:
        if partner_id in partner_index:
            excluded.setdefault(innovator_id, set()).add(partner_index[partner_id])
    result = Candidates([], [], [], [], [])
    w_type, w_challenge, w_region, w_text, w_size, w_pref = scale
    step = max(1, len(innovators) // 50)
    for i, innovator in enumerate(innovators):
        if progress and i % step == 0:
            progress("Scoring pairs", i / max(1, len(innovators)))
        skip = excluded.get(innovator.id, ())
        best: dict[int, tuple[float, Side, Side]] = {}
        for need_item in sorted(innovator.needs, key=lambda n: n.id):
            need = compiler.side(i, need_item, need_item.amount)
            for offer in offers_for(need):
                p = offer.owner
                if p in skip or (
                    need.challenges and offer.challenges and not need.challenges & offer.challenges
                ):
                    continue
                # parts_of and score_of, inlined: this loop runs for every candidate.
                pref = prefs[p]
                if need.challenges and offer.challenges:
                    challenge = (need.challenges & offer.challenges).bit_count() / min(
                        need.challenge_count, offer.challenge_count
                    )
                else:
                    challenge = UNKNOWN
                region = (
                    1.0
                    if need.regions & offer.regions or (need.national and offer.national)
                    else UNKNOWN
                )
                text = (
                    (need.words & offer.words).bit_count()
                    * need.inverse_length
                    * offer.inverse_length
                )
                if need.size is None or offer.size is None:
                    size = UNKNOWN
                elif need.size <= 0:
                    size = 1.0
                else:
                    size = min(1.0, offer.size / need.size)
                if pref.challenges:
                    liked = 1.0 if need.challenges & pref.challenges else 0.0
                else:
                    liked = UNKNOWN
                if pref.regions or pref.anywhere:
                    liked += 1.0 if pref.anywhere or need.regions & pref.regions else 0.0
                else:
                    liked += UNKNOWN
                score = (
                    w_type
                    + w_challenge * challenge
                    + w_region * region
                    + w_text * text
                    + w_size * size
                    + w_pref * (liked / 2)
                )
                held = best.get(p)
                if held is None or score > held[0]:
                    best[p] = (score, need, offer)
        for p in sorted(best):
            score, need, offer = best[p]
            result.innovator.append(i)
            result.partner.append(p)
            result.score.append(score)
            result.need.append(need)
            result.offer.append(offer)
    if progress:
        progress("Scoring pairs", 1.0)
    return result
