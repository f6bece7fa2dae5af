"""Random legal play: a baseline opponent, and the driver of the property tests.

`random_action(state, seat, rng)` picks uniformly among everything `seat` may
do now. The engine lists every legal action except new packages; here a new
package counts as one more choice ("propose"), and so does a counter-offer to
each proposal the seat could answer. A chosen package is then drawn at random
from what `state.proposal_space(seat)` says is open, so the action is always
legal. Pure: all randomness comes from the numpy Generator passed in.
"""

from __future__ import annotations

import numpy as np

from game.engine import Action, Game
from game.engine.kinds import ActionType, Phase

NOTES = ("", "", "", "a fair basis", "our last word", "for the sake of the civilians")
EXTRA_PARTY = 0.2     # chance a package invites one seat it does not need
LATER_EXPIRY = 0.3    # chance a package stays open past today
PUBLIC = 0.2          # chance a package is put on the public record
KEEP_PARTIES = 0.5    # chance a counter leaves its parties implicit when it can
MAX_STEPS = 100_000


def random_action(state, seat: str, rng: np.random.Generator) -> Action:
    """A uniformly random legal action for `seat`; ValueError if it may not act now."""
    legal = state.legal_actions(seat)
    if not legal:
        raise ValueError(f"{seat} may not act now")
    if state.phase != Phase.TALKS:
        return legal[int(rng.integers(len(legal)))]
    space = state.proposal_space(seat)
    packages = space["can_propose"] and bool(space["issues"])
    counterable = [a.proposal for a in legal if a.type == ActionType.ACCEPT] if packages else []
    k = int(rng.integers(len(legal) + len(counterable) + (1 if packages else 0)))
    if k < len(legal):
        return legal[k]
    k -= len(legal)
    if k < len(counterable):
        return random_counter(state, seat, counterable[k], space, rng)
    return random_proposal(state, seat, space, rng)


def random_package(seat: str, space: dict, rng: np.random.Generator, base=()):
    """(parties, terms, expires, public, note) drawn from an open proposal space."""
    issue_ids = sorted(space["issues"])
    size = int(rng.integers(1, len(issue_ids) + 1))
    chosen = sorted(rng.choice(len(issue_ids), size=size, replace=False).tolist())
    terms = []
    parties = {seat, *base}
    for j in chosen:
        issue_id = issue_ids[j]
        info = space["issues"][issue_id]
        terms.append((issue_id, info["options"][int(rng.integers(len(info["options"])))]))
        parties.update(info["signatories"])
    seats = space["seats"]
    outside = [s for s in seats if s not in parties]
    if outside and (len(parties) < 2 or rng.random() < EXTRA_PARTY):
        parties.add(outside[int(rng.integers(len(outside)))])
    first, last = space["expires"]
    expires = int(rng.integers(first, last + 1)) if rng.random() < LATER_EXPIRY else 0
    public = bool(rng.random() < PUBLIC)
    note = NOTES[int(rng.integers(len(NOTES)))]
    return tuple(s for s in seats if s in parties), tuple(terms), expires, public, note


def random_proposal(state, seat: str, space: dict, rng: np.random.Generator) -> Action:
    parties, terms, expires, public, note = random_package(seat, space, rng)
    return Action(ActionType.PROPOSE, parties=parties, terms=terms, expires=expires, public=public, reason=note)


def random_counter(state, seat: str, proposal_id: str, space: dict, rng: np.random.Generator) -> Action:
    original = state.proposals[proposal_id].parties
    parties, terms, expires, public, note = random_package(seat, space, rng, base=original)
    if set(parties) == set(original) and rng.random() < KEEP_PARTIES:
        parties = ()   # the engine then keeps the original's parties
    return Action(ActionType.COUNTER, proposal=proposal_id, parties=parties, terms=terms, expires=expires,
                  public=public, reason=note)


def play_random(scenario, seed: int, rng: np.random.Generator | None = None):
    """Play a whole game of random legal actions; return the final state."""
    state = Game(scenario, seed).new_state()
    rng = np.random.default_rng([seed, 1]) if rng is None else rng
    for _ in range(MAX_STEPS):
        if state.is_over():
            return state
        seats = state.to_move()
        seat = seats[int(rng.integers(len(seats)))]
        state.apply(seat, random_action(state, seat, rng))
    raise RuntimeError(f"random play of {scenario.id} did not end in {MAX_STEPS} actions")
