"""Property tests: a thousand random legal games of every shipped scenario.

Each game is played by `game.ai.randomplay` from a seed hypothesis draws.
While it runs, the test keeps its own model of what was offered and who
accepted it, and checks the engine against that model, the bounds of every
number, what each seat's observation lets it see, `clone()` and replay.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from functools import lru_cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.randomplay import play_random, random_action
from game.catalog import read_scenario_file, scenario_paths
from game.engine import Action, Game, IllegalAction, public_info
from game.scenario.model import STAT_MAX, STAT_MIN, TRUST_MAX, TRUST_MIN

GAMES_PER_SCENARIO = 1000
PRIVATE_KEYS = {"briefing", "preferences", "objectives", "personality", "reservation", "weights"}
PROPOSAL_KINDS = {"proposal", "accept", "reject", "withdraw", "expired"}

scenario = lru_cache(maxsize=None)(read_scenario_file)


@lru_cache(maxsize=None)
def private_parts(path) -> dict:
    """Each seat's own private part of its observation: its briefing, preferences, objectives."""
    return Game(scenario(path), 0).new_state().facilitator_view()["private"]


@lru_cache(maxsize=None)
def secrets(path) -> dict:
    """Per seat: JSON fragments of its private data that no other seat may ever see."""
    scen = scenario(path)
    public = json.dumps(public_info(scen))
    private = private_parts(path)
    out = {}
    for seat in scen.seat_ids:
        mine = private[seat]
        prefs = mine["preferences"]
        marks = {json.dumps(mine["briefing"]), json.dumps(prefs["weights"], sort_keys=True),
                 json.dumps(prefs["values"], sort_keys=True)}
        marks |= {json.dumps(o["text"]) for o in mine["objectives"]}
        marks |= {json.dumps(o["id"]) for o in mine["objectives"] if json.dumps(o["id"]) not in public}
        out[seat] = marks
    return out


def roundtrips(value) -> bool:
    return json.loads(json.dumps(value)) == value


class Model:
    """What the test itself saw offered and accepted, independent of the engine's books."""

    def __init__(self):
        self.offers = {}       # proposal id -> {"proposer", "parties", "terms", "public"}
        self.accepted = {}     # proposal id -> seats that accepted (the proposer included)
        self.signed = []       # proposal ids in signing order
        self.outcome = {}      # issue -> option, as the signings in order settle it

    def record(self, seat, action, events):
        for e in events:
            if e["kind"] == "proposal":
                parties = action.parties or self.offers[action.proposal]["parties"]
                self.offers[e["proposal"]] = {"proposer": seat, "parties": set(parties),
                                              "terms": dict(action.terms), "public": action.public}
                self.accepted[e["proposal"]] = {seat}
            elif e["kind"] == "accept":
                assert e["seat"] == seat
                self.accepted[e["proposal"]].add(seat)
            elif e["kind"] == "agreement":
                offer = self.offers[e["proposal"]]
                assert offer["parties"] <= self.accepted[e["proposal"]], "signed before every party accepted"
                self.signed.append(e["proposal"])
                self.outcome.update(offer["terms"])

    def visible(self, pid, seat) -> bool:
        offer = self.offers[pid]
        return offer["public"] or seat in offer["parties"]


def check_bounds(state, scen):
    assert STAT_MIN <= state.stats.min() and state.stats.max() <= STAT_MAX
    assert TRUST_MIN <= state.trust.min() and state.trust.max() <= TRUST_MAX
    for k, track in enumerate(scen.tracks):
        assert track.min <= state.tracks[k] <= track.max, track.id


def check_agreements(state, model):
    """Every agreement is exactly a package its parties all accepted; the outcome is what is in force."""
    view = state.facilitator_view()
    proposals = {p["id"]: p for p in view["proposals"]}
    agreements = view["agreements"]
    assert [a["proposal"] for a in agreements] == model.signed
    live = {}
    for a in agreements:
        offer, prop = model.offers[a["proposal"]], proposals[a["proposal"]]
        assert a["terms"] == offer["terms"] == prop["terms"]
        assert set(a["parties"]) == offer["parties"]
        assert set(a["parties"]) <= model.accepted[a["proposal"]] and set(a["parties"]) <= set(prop["accepted"])
        assert prop["status"] == "signed"
        assert set(a["live"]) <= set(a["terms"])
        for issue in a["live"]:
            assert issue not in live, f"{issue} is settled by two agreements at once"
            live[issue] = a["terms"][issue]
    assert state.outcome() == live == model.outcome
    unsigned = [p for p in view["proposals"] if p["id"] not in model.signed]
    assert all(p["status"] != "signed" for p in unsigned)


def check_observations(state, path, model, full=True):
    """What each seat sees: its own secrets and nobody else's, and only the proposals and news meant for it.

    `full` adds the costly part: every observation through JSON and searched for other seats' secrets.
    """
    scen = scenario(path)
    marks, own = secrets(path), private_parts(path)
    everyone = state.facilitator_view()
    statuses = {p["id"]: p["status"] for p in everyone["proposals"]}
    for seat in scen.seat_ids:
        obs = state.observation(seat)
        assert obs["seat"] == seat and obs["private"] == own[seat]
        shown = {p["id"] for p in obs["proposals"]}
        assert all(model.visible(pid, seat) for pid in shown), f"{seat} sees a private proposal"
        assert {pid for pid, status in statuses.items() if status == "open" and model.visible(pid, seat)} <= shown
        for e in obs["news"]:
            assert e["visible"] == "all" or seat in e["visible"]
            if e["kind"] in PROPOSAL_KINDS:
                assert model.visible(e["proposal"], seat), f"{seat} sees {e['kind']} of {e['proposal']}"
            if e["kind"] == "chosen":
                assert e["seat"] == seat, f"{seat} sees {e['seat']}'s secret move"
        visible = [e for e in everyone["news"] if e["visible"] == "all" or seat in e["visible"]]
        # A counter-offer to a private offer does not name it to a seat that never saw it.
        expected = [{**e, "n": None, "counter_to": e["counter_to"] if model.visible(e["counter_to"], seat) else ""}
                    if e.get("counter_to") else {**e, "n": None} for e in visible]
        assert [{**e, "n": None} for e in obs["news"]] == expected
        for p in obs["proposals"]:
            assert not p["counter_to"] or model.visible(p["counter_to"], seat), f"{seat} learns of a private offer"
        assert [e["n"] for e in obs["news"]] == list(range(len(visible))), "news numbered per seat, no gaps"
        assert obs["events_seen"] == len(visible)
        for action in state.legal_actions(seat):
            assert Action.from_dict(action.to_dict()) == action and roundtrips(action.to_dict())
        if not full:
            continue
        rest = {k: v for k, v in obs.items() if k != "private"}
        text = json.dumps(rest, sort_keys=True)
        assert json.loads(text) == rest and roundtrips(obs["private"])
        for other in scen.seat_ids:
            if other != seat:
                leaked = [m for m in marks[other] - marks[seat] if m in text]
                assert not leaked, f"{seat} sees {other}'s private {leaked[0][:60]}"
        said = " ".join(e["text"] for e in obs["news"])
        ids = [p["id"] for p in everyone["proposals"]] + [a["id"] for a in everyone["agreements"]]
        assert not [i for i in ids if i in said], "the news names a proposal or agreement by its opaque id"
        stray = [key for key in PRIVATE_KEYS if f'"{key}":' in text]
        assert not stray, f"a '{stray[0]}' key outside the private part of {seat}'s observation"
    return everyone


def check_clone(state, rng):
    """Acting on a clone leaves the original alone; returns (clone, its digest) to recheck later."""
    before = state.digest()
    twin = state.clone()
    assert twin.digest() == before
    seat = twin.to_move()[0]
    twin.apply(seat, random_action(twin, seat, rng))
    assert state.digest() == before and len(state.log) == len(twin.log) - 1
    return twin, twin.digest()


def check_legal_listing(state, seat):
    """Everything legal_actions lists is accepted by apply (tried on clones)."""
    for action in state.legal_actions(seat):
        state.clone().apply(seat, action)


def check_words_are_free_of_points(state, seat):
    """No free action wins points: a statement or ending the slot changes no seat's score now."""
    before = state.scores()
    for action in state.legal_actions(seat):
        if action.type in ("statement", "done"):
            other = state.clone()
            other.apply(seat, action)
            assert other.scores() == before, f"{seat} {action} changed the scores"


def play_checked(path, seed):
    scen = scenario(path)
    state = Game(scen, seed).new_state()
    rng = np.random.default_rng([seed, 2])
    talk_turn, move_turn = (int(t) for t in rng.integers(1, scen.calendar.summit_turn + 1, size=2))
    model = Model()
    twin = None
    seen_talks = seen_moves = False
    while not state.is_over():
        if not seen_talks and state.turn == talk_turn and state.round == 2:
            seen_talks = True
            check_observations(state, path, model, full=False)
            check_legal_listing(state, state.to_move()[0])
            check_words_are_free_of_points(state, state.to_move()[0])
            twin, twin_digest = check_clone(state, rng)
        if not seen_moves and state.turn == move_turn and state.phase == "moves" and state.chosen:
            seen_moves = True
            check_observations(state, path, model)
        seats = state.to_move()
        assert seats
        seat = seats[int(rng.integers(len(seats)))]
        action = random_action(state, seat, rng)
        assert Action.from_dict(action.to_dict()) == action
        events = state.apply(seat, action)
        model.record(seat, action, events)
        check_bounds(state, scen)
        if any(e["kind"] == "agreement" for e in events):
            assert state.outcome() == model.outcome
    assert seen_talks and seen_moves
    assert state.to_move() == [] and all(state.legal_actions(s) == [] for s in scen.seat_ids)
    check_agreements(state, model)
    assert roundtrips(check_observations(state, path, model))   # every event, proposal and logged action
    assert twin.digest() == twin_digest, "playing on changed a clone taken earlier"
    log = json.loads(json.dumps(state.log))
    assert [tuple(entry) for entry in log] == state.log
    replay = Game(scen, seed).new_state()
    for seat, action in log:
        replay.apply(seat, action)
    assert replay.digest() == state.digest()
    return state, model


@pytest.mark.parametrize("path", scenario_paths(), ids=lambda p: p.stem)
@settings(max_examples=GAMES_PER_SCENARIO, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_random_games_keep_every_invariant(path, seed):
    play_checked(path, seed)


@pytest.mark.parametrize("path", scenario_paths(), ids=lambda p: p.stem)
def test_random_play_reaches_agreements_and_the_summit(path):
    """The property test is only worth something if random play signs deals and breaks some."""
    signed = breaches = 0
    for seed in range(40):
        state, model = play_checked(path, seed)
        signed += len(model.signed)
        breaches += len(state.facilitator_view()["breaches"])
        assert state.is_over() and state.turn == scenario(path).calendar.summit_turn
    assert signed >= 20 and breaches >= 1


@pytest.mark.parametrize("path", scenario_paths(), ids=lambda p: p.stem)
def test_legal_actions_are_exactly_the_answers_moves_and_statements_apply_accepts(path):
    """Every answer, withdrawal, statement and move, listed or not, tried on a clone every few steps."""
    scen = scenario(path)
    tried = 0
    for seed in range(6):
        state = Game(scen, seed).new_state()
        rng = np.random.default_rng([seed, 3])
        while not state.is_over():
            seat = state.to_move()[int(rng.integers(len(state.to_move())))]
            if rng.random() < 0.08:
                legal = set(state.legal_actions(seat))
                candidates = [Action("done"), Action("move", move="hold")]
                candidates += [Action(kind, proposal=p["id"]) for p in state.facilitator_view()["proposals"]
                               for kind in ("accept", "reject", "withdraw")]
                candidates += [Action("statement", issue=i.id, option=o) for i in scen.issues for o in i.options]
                candidates += [Action("move", move=m.id) for m in scen.moves]
                for action in candidates:
                    try:
                        state.clone().apply(seat, action)
                        accepted = True
                    except IllegalAction:
                        accepted = False
                    assert accepted == (action in legal), f"{seat} {action}: listed {action in legal}"
                    tried += 1
            state.apply(seat, random_action(state, seat, rng))
    assert tried > 1000


def _containers(value, seen=None):
    """Every mutable container reachable from `value` (the unchanging Game and scenario aside)."""
    seen = {} if seen is None else seen
    frozen = dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen
    # Enum members (event kinds, phases) are shared constants, like strings.
    if isinstance(value, (Game, enum.Enum)) or frozen or id(value) in seen:
        return seen
    if isinstance(value, (dict, list, set, np.ndarray)) or hasattr(value, "__dict__"):
        seen[id(value)] = value
    children = ()
    if isinstance(value, dict):
        children = list(value.keys()) + list(value.values())
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = value
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        children = vars(value).values()
    for child in children:
        _containers(child, seen)
    return seen


@pytest.mark.parametrize("path", scenario_paths(), ids=lambda p: p.stem)
def test_a_clone_shares_nothing_mutable_with_its_original(path):
    state = play_random(scenario(path), 4)
    clone = state.clone()
    shared = set(_containers(state)) & set(_containers(clone))
    assert not shared, f"{len(shared)} containers shared, e.g. " \
        f"{next(iter(_containers(state).get(i) for i in shared))!r:.80}"
    before = state.digest()
    for record in clone.statements + clone.breaches + clone.reversals + clone.events:
        record.clear()
    assert state.digest() == before
