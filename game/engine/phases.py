"""Turn phases: news and events, the reveal of moves, resolution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.wording import STAT_NAMES, join_sentences, trust_change

from .errors import IllegalAction
from .kinds import EVERYONE, HOLD, EventKind, Phase
from .obligations import breaches
from .talks import agreement_label, expire, seat_name
from .world import add_stat, add_trust, apply_effect, holds

if TYPE_CHECKING:
    from .state import GameState

KEPT_TRUST = 2


def start_turn(state, chance=True):
    """News for the new day: scheduled events, then those whose condition now holds.

    Without `chance`, events left to chance neither fire nor draw: what is certain to happen, as a
    projection of the game needs it (the game's own draws stay untouched and unrevealed)."""
    events = []
    scen = state.game.scenario
    for ev in scen.events:
        if ev.id in state.fired or ev.id in state.missed:
            continue
        due = ev.turn == state.turn if ev.turn is not None else holds(state, ev.when)
        if not due or (ev.chance < 1.0 and not chance):
            continue
        # An event gets one draw when it first falls due; a miss is final and never counts as happened.
        if ev.chance < 1.0 and state.generator().random() >= ev.chance:
            state.missed.append(ev.id)
            continue
        events.append(fire(state, ev))
    return events


def fire(state, ev) -> dict:
    """A scenario event happens: its effects apply and everyone reads it in the news."""
    state.fired.append(ev.id)
    changes = [apply_effect(state, eff) for eff in ev.effects]
    later = {"reported_later": True} if ev.reported_later else {}
    return state.record(EventKind.NEWS, "", EVERYONE, ev.title, event=ev.id, body=ev.text, source=ev.source,
                        changes=changes, **later)


def end_talks(state):
    events = expire(state)
    state.phase = Phase.MOVES
    state.chosen = {}
    events.append(state.record(EventKind.PHASE, "", EVERYONE,
                               f"Talks end for day {state.turn}: moves are chosen in secret"))
    return events


def available_moves(state: GameState, seat: str) -> list[str]:
    out = [HOLD]
    for mv in state.game.moves_by_seat.get(seat, ()):
        if mv.requires is None or holds(state, mv.requires):
            out.append(mv.id)
    return out


def choose(state, seat, move_id):
    if seat in state.chosen:
        raise IllegalAction("you have already chosen your move for today")
    if move_id not in available_moves(state, seat):
        g = state.game
        if move_id in g.move_index and g.move_index[move_id].seat != seat:
            raise IllegalAction(f"'{move_id}' belongs to {seat_name(state, g.move_index[move_id].seat)}")
        if move_id in g.move_index:
            raise IllegalAction(f"{g.move_index[move_id].name} is not available now")
        raise IllegalAction(f"there is no move '{move_id}'")
    state.chosen[seat] = move_id
    events = [state.record(EventKind.CHOSEN, seat, [seat], f"Your move today: {_move_name(state, move_id)}",
                           move=move_id)]
    if len(state.chosen) == len(state.game.scenario.seats):
        events += reveal(state)
    return events


def _move_name(state, move_id):
    return "Hold" if move_id == HOLD else state.game.move_index[move_id].name


def reveal(state, chance=True):
    g = state.game
    events = []
    order = g.scenario.seat_ids
    broke_now: set[tuple[str, str]] = set()   # (agreement, seat)
    for seat in order:
        move_id = state.chosen[seat]
        if move_id == HOLD:
            continue
        events += _breaches(state, seat, move_id, broke_now)
    for seat in order:
        move_id = state.chosen[seat]
        state.moves_log.append((state.turn, seat, move_id))
        if move_id == HOLD:
            continue
        mv = g.move_index[move_id]
        state.moves_made.add((seat, move_id))
        changes = [apply_effect(state, eff) for eff in mv.effects]
        visible = EVERYONE if mv.public else [seat]
        events.append(state.record(EventKind.MOVE, seat, visible, f"{seat_name(state, seat)}: {mv.name}",
                                   move=move_id, body=mv.description, changes=changes))
    events += _kept(state, broke_now)
    events += _next_turn(state, chance)
    return events


def _breaches(state, seat, move_id, broke_now):
    """One breach per agreement a forbidden move breaks, charged as obligations.breaches says."""
    events = []
    live = [a for a in state.agreements if a.in_force]
    for breach in breaches(live, state.statements, seat, move_id):
        agreement = state.agreement(breach.agreement)
        issues = list(breach.issues)
        broke_now.add((agreement.id, seat))
        name = seat_name(state, seat)
        # What the breach cost, as charged: the day's summary shows this, not only the move's own effects.
        changes = [f"{name}: {STAT_NAMES['standing']} {add_stat(state, seat, 'standing', breach.standing):+d}",
                   f"{name}: {STAT_NAMES['domestic']} {add_stat(state, seat, 'domestic', breach.domestic):+d}"]
        for other, change in breach.trust:
            add_trust(state, other, seat, change)
            changes.append(trust_change(seat_name(state, other), name, f"{change:+d}"))
        changes += [apply_effect(state, eff) for eff in breach.penalty]
        changes.append(f"{name}: {breach.points:+d} points at the end for the broken word")
        state.breaches.append({"turn": state.turn, "seat": seat, "agreement": agreement.id,
                               "issue": issues[0], "issues": issues, "move": move_id})
        text = join_sentences(ob.text for ob in breach.broken)
        events.append(state.record(EventKind.BREACH, seat, EVERYONE,
                                   f"{seat_name(state, seat)} broke {agreement_label(state, agreement)}: {text}",
                                   agreement=agreement.id, issue=issues[0], issues=issues, move=move_id,
                                   changes=changes))
    return events


def _kept(state, broke_now):
    """Obligations honoured through a day build trust in the seats bound by them."""
    events = []
    for agreement in state.agreements:
        if not agreement.in_force or agreement.turn > state.turn:
            continue
        kept: set[str] = set()
        for ob in agreement.obligations:
            if ob.issue in agreement.live:
                kept.update(s for s in ob.seats if (agreement.id, s) not in broke_now)
        for seat in sorted(kept, key=state.game.seat_index.get):
            for other in agreement.parties:
                add_trust(state, other, seat, KEPT_TRUST)
        if kept:
            names = ", ".join(seat_name(state, s) for s in sorted(kept, key=state.game.seat_index.get))
            their = "its" if len(kept) == 1 else "their"
            text = f"{agreement_label(state, agreement, 'The')} held today: {names} kept {their} word"
            events.append(state.record(EventKind.KEPT, "", EVERYONE, text,
                                       agreement=agreement.id, seats=sorted(kept)))
    return events


def _next_turn(state, chance=True):
    scen = state.game.scenario
    if state.turn >= scen.calendar.summit_turn:
        state.phase = Phase.OVER
        return [state.record(EventKind.OVER, "", EVERYONE, "The summit ends: what is unsigned is not agreed")]
    state.turn += 1
    state.phase = Phase.TALKS
    state.round = 1
    state.slot = 0
    state.slot_proposals = 0
    state.spoke_this_turn = []
    state.chosen = {}
    events = [state.record(EventKind.DAY, "", EVERYONE, f"Day {state.turn} of {scen.calendar.turns}")]
    return events + start_turn(state, chance)
