"""Brokering: needs, offers, rounds, innovators' limits in a round and introductions."""

from .fields import (
    Spec,
    day,
    decimal,
    json,
    moment,
    money,
    ref,
    text,
    value,
    words,
)

# What a need and an offer share, after their own fields.
_WANT = (
    words("regions"),
    ref("challenge_area", "challenge_areas"),
    text("description"),
    text("status", "open", arg=None),
    day("recorded_on"),
    day("closed_on", arg=None),
)


SPECS = [
    Spec(
        "needs",
        "need",
        (
            ref("innovator", "organisations"),
            text("type"),
            money("amount", "amount_minor", "currency"),
            value("quantity"),
            *_WANT,
        ),
        model="brokering.Need",
        service="brokering.services:need_create",
        programme=True,
        build="brokering:need",
        batched=True,
    ),
    Spec(
        "offers",
        "offer",
        (
            ref("partner", "organisations"),
            text("type"),
            value("capacity", 1),
            money("budget", "budget_minor", "budget_currency"),
            ref("preferred_challenge_area", "challenge_areas"),
            words("preferred_regions"),
            text("pledge_reference"),
            ref("pledge", "pledges"),
            *_WANT,
        ),
        model="brokering.Offer",
        service="brokering.services:offer_create",
        programme=True,
        build="brokering:offer",
        batched=True,
    ),
    Spec(
        # Its results are restored as stored (restore_brokering): reaching them through the
        # services would mean running the engine again.
        "brokering_rounds",
        "brokering round",
        (
            text("name"),
            text("status", "draft", arg=None, write="brokering:round_status"),
            text("mode", "optimal"),
            json("weights", write="brokering:round_weights"),
            value("innovator_capacity", 3),
            value("min_introductions", 1),
            # Its results, restored after it is made.
            moment("run_at", arg=None),
            day("sent_on", arg=None),
            decimal("objective", arg=None),
            value("shortfall", arg=None),
            value("optimal", arg=None),
            decimal("stable_cost", arg=None),
        ),
        model="brokering.BrokeringRound",
        service="brokering.services:round_create",
        programme=True,
        build="brokering:brokering_round",
    ),
    Spec(
        "round_innovator_settings",
        "round innovator setting",
        (
            ref("round", "brokering_rounds"),
            ref("innovator", "organisations"),
            value("capacity"),
            value("min_introductions"),
        ),
        model="brokering.RoundInnovatorSetting",
        scope="round__programme",
        build="brokering:round_innovator_setting",
    ),
    Spec(
        # Restored as stored, linked to its partnership by id: sending it again would make
        # a second partnership.
        "introductions",
        "introduction",
        (
            ref("round", "brokering_rounds"),
            ref("innovator", "organisations"),
            ref("partner", "organisations"),
            ref("need", "needs"),
            ref("offer", "offers"),
            decimal("score"),
            json("parts", {}),
            text("reasons"),
            text("status", "proposed"),
            day("sent_on"),
            text("innovator_response", "pending"),
            text("innovator_reason"),
            day("innovator_responded_on"),
            text("partner_response", "pending"),
            text("partner_reason"),
            day("partner_responded_on"),
            ref("partnership", "partnerships", one_to_one=True),
        ),
        model="brokering.Introduction",
        build="brokering:introduction",
        batched=True,
    ),
]
