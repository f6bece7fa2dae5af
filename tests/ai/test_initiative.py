"""AI initiative: a bold leader's opening demand, and mediation once both sides have spoken."""

from game.ai.levels import Model
from game.ai.opponents import Belief
from game.ai.packages import Table
from game.catalog import load_scenario
from game.engine import Game, public_info
from game.match import Match

MOSCOW = load_scenario("moscow-2020")


def test_a_bold_leader_opens_with_a_public_demand_it_then_gets_or_pays_for():
    bold = [s.id for s in MOSCOW.seats if s.personality.risk >= 0.65]
    for seed in range(3):
        match = Match(MOSCOW, seed, {s: "normal" for s in MOSCOW.seat_ids})
        match.run()
        state = match.state
        said = [(s["seat"], s["issue"], s["option"]) for s in state.statements]
        assert said and all(seat in bold for seat, _, _ in said)
        assert all(s["turn"] == 1 for s in state.statements)
        for seat, issue, option in said:
            got = state.outcome().get(issue)
            backed_down = any(r["seat"] == seat and r["issue"] == issue for r in state.reversals)
            assert got == option or backed_down, (seat, issue, option, got)


def _talk_and_hold(match, statements):
    """One day: the human seats say what `statements` holds for them, then hold."""
    state = match.state
    while not state.is_over() and (state.phase == "talks" or state.phase == "moves"):
        seat = match.human_to_move()
        if seat is None:
            match.step_ai()
            continue
        turn = state.turn
        if state.phase == "moves":
            match.act(seat, {"type": "move", "move": "hold"})
        else:
            if seat in statements and seat not in state.spoke_this_turn:
                match.act(seat, {"type": "statement", **statements[seat]})
            match.act(seat, {"type": "done"})
        match.step_ai()
        if state.turn != turn:
            return


def test_outsiders_offer_a_compromise_that_respects_what_both_sides_said_in_public():
    match = Match(MOSCOW, 1, {s: ("human" if s in ("turkey", "russia") else "normal") for s in MOSCOW.seat_ids})
    _talk_and_hold(match, {"turkey": {"issue": "ceasefire", "option": "full"},
                           "russia": {"issue": "front_line", "option": "current_front"}})
    for _ in range(2):
        _talk_and_hold(match, {})
    signers = {i.id: set(i.signatories) for i in MOSCOW.issues}
    compromises = [p for p in match.state.proposals.values()
                   if not any(p.proposer in signers[i] for i, _ in p.terms)]
    assert compromises
    for p in compromises:
        assert {"turkey", "russia", p.proposer} == set(p.parties)
        # An issue the compromise leaves unsigned stays at its default, which may be what a side asked for.
        left = {i.id: dict(p.terms).get(i.id, i.default) for i in MOSCOW.issues}
        assert left["ceasefire"] == "full" and left["front_line"] == "current_front"
        assert "compromise" in p.note and p.turn >= 3


def test_no_compromise_is_offered_before_anyone_has_shown_their_hand():
    match = Match(MOSCOW, 1, {s: ("human" if s in ("turkey", "russia") else "normal") for s in MOSCOW.seat_ids})
    for _ in range(4):
        _talk_and_hold(match, {})
    signers = {i.id: set(i.signatories) for i in MOSCOW.issues}
    assert not [p for p in match.state.proposals.values()
                if not any(p.proposer in signers[i] for i, _ in p.terms)]


def test_a_hard_leader_stands_in_public_on_what_it_already_has_and_cares_most_about():
    # Russia is not bold, but the front line it cares most about already runs where it wants it:
    # a hard leader says so on the first day, so the table knows it will not give it away.
    russia = MOSCOW.seat("russia")
    assert russia.personality.risk < 0.65
    for seed in range(2):
        match = Match(MOSCOW, seed, {s: ("hard" if s == "russia" else "normal") for s in MOSCOW.seat_ids})
        match.run()
        said = [(s["turn"], s["issue"], s["option"]) for s in match.state.statements if s["seat"] == "russia"]
        assert said == [(1, "front_line", "current_front")]
        normal = Match(MOSCOW, seed, {s: "normal" for s in MOSCOW.seat_ids})
        normal.run()
        assert not [s for s in normal.state.statements if s["seat"] == "russia"]



def _belief_after(statements):
    state = Game(MOSCOW, 0).new_state()
    table = Table(public_info(MOSCOW), "turkey", state.observation("turkey")["private"])
    belief = Belief(table, "russia", Model.FREQUENCY)
    for issue, option in statements:
        belief.stated(issue, option)
    return belief


def test_saying_the_same_thing_every_day_shows_no_more_than_saying_it_once():
    stand = ("front_line", "current_front")
    once, daily = _belief_after([stand]), _belief_after([stand] * 5)
    assert [list(w) for w in once.weighted()] == [list(w) for w in daily.weighted()]
    # A new stand is news, though: it is read as one.
    moved = _belief_after([stand, ("front_line", "partial_pullback")])
    assert [list(w) for w in moved.weighted()] != [list(w) for w in once.weighted()]
