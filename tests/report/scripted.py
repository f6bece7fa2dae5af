"""A scripted Moscow 2020 game for the report tests: a public stand, a refusal with a reason, a
counter-offer, a signed agreement, a broken promise and a question to an AI leader, then holds to
the summit. Turkey and Russia are played by people, the rest by AI leaders."""

from __future__ import annotations

from pathlib import Path

from game.catalog import load_scenario
from game.engine import DONE, accept, counter, move, propose, reject, statement
from game.match import Match
from game.persistence import build, write_atomic
from game.persistence.saves import dumps

PEOPLE = ("turkey", "russia")
REFUSAL = "Twelve kilometres <b>is</b> too far & Damascus says no"


def _until(match: Match, seat: str) -> None:
    """Let the AI seats act, and end the people's rounds, until `seat` may speak."""
    while True:
        match.step_ai()
        if match.state.to_move() == [seat]:
            return
        match.act(match.state.to_move()[0], DONE)


def _to_the_end(match: Match, breaker: str | None = None, breach_move: str = "") -> None:
    while not match.state.is_over():
        match.step_ai()
        seat = match.human_to_move()
        if seat is None:
            continue
        if match.state.phase == "talks":
            match.act(seat, DONE)
        else:
            chosen = breach_move if seat == breaker and breach_move else "hold"
            match.act(seat, move(chosen))
            if seat == breaker:
                breaker = None


def scripted_match(seed: int = 7) -> Match:
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, seed, {s: ("human" if s in PEOPLE else "normal") for s in scenario.seat_ids})
    _until(match, "turkey")
    match.act("turkey", statement("corridor_km", "0"))
    match.act("turkey", propose(("turkey", "russia"), {"ceasefire": "full", "corridor_km": "12"}))
    first = match.state.log[-1]
    offer = next(p for p in match.state.proposals.values() if p.proposer == "turkey" and dict(p.terms)
                 == {"ceasefire": "full", "corridor_km": "12"})
    assert first[0] == "turkey"
    match.ask("us_nato", "turkey", {"patriot_batteries": "2"}, ["turkey", "us_nato"])
    _until(match, "russia")
    match.act("russia", reject(offer.id, reason=REFUSAL))
    match.act("russia", propose(("turkey", "russia"), {"ceasefire": "full", "corridor_km": "6"}))
    answer = next(p for p in match.state.proposals.values() if p.proposer == "russia" and dict(p.terms)
                  == {"ceasefire": "full", "corridor_km": "6"})
    _until(match, "turkey")
    match.act("turkey", counter(answer.id, ("turkey", "russia"), {"ceasefire": "full", "corridor_km": "8"},
                                reason="Eight, and not a metre more"))
    again = next(p for p in match.state.proposals.values() if p.counter_to == answer.id)
    _until(match, "russia")
    match.act("russia", accept(again.id))
    assert match.state.agreements, "the counter-offer is signed"
    # Turkey breaks the ceasefire in the field the next day it can.
    _to_the_end(match, breaker="turkey", breach_move="spring_shield")
    return match


def write_save(folder: Path, match: Match | None = None) -> Path:
    match = match or scripted_match()
    path = folder / "scripted.json"
    body = build(match.state, seats={s: str(k) for s, k in match.controllers.items()}, name="Scripted <i>game</i>",
                 journal=match.journal)
    write_atomic(path, dumps(body))
    return path
