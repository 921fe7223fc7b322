"""Challenge proposals, votes and ballots for the small programme (format 1.3): an adopted
approval vote whose tie is flagged, an open ranked vote with a ballot, and a draft vote."""

from datetime import date

from partnerbase.challenges import services as challenges


def challenge_records(actor, p, o) -> None:
    propose = challenges.proposal_create
    housing = propose(
        actor=actor,
        programme=p,
        organisation=o["bank"],
        title="Housing",
        description="Homes people can afford",
        proposed_on=date(2017, 9, 1),
    )
    digital = propose(
        actor=actor,
        programme=p,
        organisation=o["unltd"],
        title="Digital",
        proposed_on=date(2017, 9, 1),
        illustrative=True,
    )
    ageing = propose(
        actor=actor,
        programme=p,
        organisation=o["unltd"],
        title="Ageing “well”",
        proposed_on=date(2017, 9, 2),
    )
    roll = [o["bank"], o["unltd"]]

    def vote(title, method, seats, proposals):
        return challenges.vote_create(
            actor=actor,
            programme=p,
            title=title,
            electorate="partnership",
            method=method,
            seats=seats,
            opens_on=date(2017, 10, 1),
            closes_on=date(2017, 10, 20),
            proposals=proposals,
        )

    adopted = vote("First vote", "approval", 1, [housing, digital, ageing])
    challenges.vote_open(actor=actor, vote=adopted, on=date(2017, 10, 2), electors=roll)
    cast = challenges.ballot_cast
    cast(
        actor=actor,
        vote=adopted,
        organisation=o["bank"],
        choices=[housing, ageing],
        on=date(2017, 10, 3),
    )
    cast(
        actor=actor,
        vote=adopted,
        organisation=o["unltd"],
        choices=[digital, housing],
        on=date(2017, 10, 4),
    )
    challenges.vote_close(actor=actor, vote=adopted, on=date(2017, 10, 20))
    challenges.vote_adopt(actor=actor, vote=adopted, on=date(2017, 10, 21))

    running = vote("Second vote", "ranked", 1, [digital, ageing])
    challenges.vote_open(actor=actor, vote=running, on=date(2017, 10, 1), electors=roll)
    cast(
        actor=actor,
        vote=running,
        organisation=o["unltd"],
        choices=[ageing, digital],
        on=date(2017, 10, 5),
    )
    vote("Third vote", "approval", 1, [digital, ageing])
