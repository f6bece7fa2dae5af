"""What each seat may know, what the facilitator sees, and the public scenario.

Everything returned is plain data (dicts, lists, strings, numbers) that
round-trips through JSON, so a server can send it to another machine as is.
"""

from __future__ import annotations

from game.scenario.model import STAT_IDS

from .kinds import EVERYONE, Phase, ProposalStatus

_CONTAINERS = (list, dict)


def copy_record(record: dict) -> dict:
    """A copy of an event or logged action that shares no list or mapping with the state."""
    out = dict(record)
    for k, v in record.items():
        if type(v) in _CONTAINERS:
            out[k] = v.copy()
    return out


def _shared(state) -> dict:
    g = state.game
    scen = g.scenario
    ids = g.seat_ids
    # Today's order of speaking, the same every round, and the seats whose word this round has passed.
    order = list(g.talk_order(state.turn)) if state.phase == Phase.TALKS else []
    return {
        "scenario": scen.id, "turn": state.turn, "turns": scen.calendar.turns,
        "summit_turn": scen.calendar.summit_turn, "phase": state.phase, "round": state.round,
        "talk_rounds": scen.calendar.talk_rounds, "to_move": state.to_move(),
        "talk_order": order, "spoken": order[:state.slot],
        "stats": _by_seat(g, "stats", state.stats, STAT_IDS),
        "trust": _by_seat(g, "trust", state.trust, ids),
        "tracks": dict(zip(g.track_ids, state.tracks.tolist())),
        "regions": dict(zip(g.region_ids, state.regions)),
        "sites": dict(zip(g.site_ids, state.sites)),
        "open_issues": [i for i, is_open in zip(g.issue_ids, state.issue_open) if is_open],
        "agreements": [a.to_dict() for a in state.agreements],
        "settled": state.outcome(),
        "statements": [dict(s) for s in state.statements],
        "breaches": [dict(b) for b in state.breaches],
        "reversals": [dict(r) for r in state.reversals],
        "chosen": sorted(state.chosen) if state.phase == Phase.MOVES else [],
    }


def _by_seat(g, name: str, numbers, columns) -> dict:
    """A seat-by-column table as {seat: {column: value}}, a fresh copy each call. Every decision asks for it and
    the numbers seldom change between two, so the plain form of the last numbers seen is kept for the next."""
    key = numbers.tobytes()
    kept = g.kept_views.get(name)
    if kept is None or kept[0] != key:
        kept = g.kept_views[name] = (key, {s: dict(zip(columns, row)) for s, row in zip(g.seat_ids, numbers.tolist())})
    return {s: row.copy() for s, row in kept[1].items()}


def _numbered(event: dict, n: int) -> dict:
    """A copy of an event numbered by its place in one seat's news."""
    record = copy_record(event)
    record["n"] = n
    return record


def private_info(seat) -> dict:
    prefs = seat.preferences
    return {
        "briefing": seat.briefing,
        "preferences": {"reservation": prefs.reservation, "weights": dict(prefs.weights),
                        "values": {i: list(v) for i, v in prefs.values}},
        "objectives": [{"id": o.id, "text": o.text, "points": o.points, "when": o.when.to_data()}
                       for o in seat.objectives],
        "personality": {"patience": seat.personality.patience, "risk": seat.personality.risk,
                        "honesty": seat.personality.honesty},
    }


def observation(state, seat: str, since: int = 0) -> dict:
    g = state.game
    if type(seat) is not str or seat not in g.seat_index:
        raise KeyError(f"there is no seat {seat!r}")
    obs = _shared(state)
    obs["seat"] = seat
    is_open, turn = ProposalStatus.OPEN, state.turn     # locals: every decision runs over every proposal
    obs["proposals"] = [_for(state, seat, p.to_dict()) for p in state.proposals.values()
                        if (p.public or seat in p.parties) and (p.status == is_open or p.turn == turn)]
    # Other seats' holds are left out too, or a missing hold would give a secret move away.
    obs["moves"] = [[t, s, m] for t, s, m in state.moves_log
                    if s == seat or m != "hold" and g.move_index[m].public]
    obs["my_move"] = state.chosen.get(seat)
    seen = state.news_of[seat]
    obs["news"] = [_for(state, seat, _numbered(state.events[i], k))
                   for k, i in enumerate(seen[since:], since)]
    obs["events_seen"] = len(seen)
    obs["private"] = g.private.get(seat) or g.private.setdefault(seat, private_info(g.scenario.seat(seat)))
    return obs


def _for(state, seat, record: dict) -> dict:
    """A proposal or event as `seat` may see it: a counter-offer does not name a private offer the seat
    was not party to."""
    answered = state.proposals.get(record.get("counter_to") or "")
    if answered is not None and not answered.public and (seat is None or seat not in answered.parties):
        record["counter_to"] = ""
    return record


def public_view(state) -> dict:
    """What the whole room may see: public news, public offers, agreements and statements."""
    view = _shared(state)
    view["proposals"] = [_for(state, None, p.to_dict()) for p in state.proposals.values()
                         if p.public and (p.status == ProposalStatus.OPEN or p.turn == state.turn)]
    view["moves"] = [[t, s, m] for t, s, m in state.moves_log if m != "hold" and state.game.move_index[m].public]
    view["news"] = [_for(state, None, copy_record(e)) for e in state.events if e["visible"] == EVERYONE]
    return view


def facilitator_view(state) -> dict:
    g = state.game
    view = _shared(state)
    view["proposals"] = [p.to_dict() for p in state.proposals.values()]
    view["moves"] = [list(m) for m in state.moves_log]
    view["pending_moves"] = dict(state.chosen)
    view["news"] = [copy_record(e) for e in state.events]
    view["private"] = {s.id: private_info(s) for s in g.scenario.seats}
    view["log"] = [[s, copy_record(a)] for s, a in state.log]
    return view


def public_info(scenario) -> dict:
    """The scenario as every seat knows it: no preferences, objectives or private briefings."""
    m = scenario.map
    return {
        "id": scenario.id, "version": scenario.version, "title": scenario.title, "date": scenario.date,
        "summary": scenario.summary, "briefing": scenario.public_briefing,
        "calendar": {"turns": scenario.calendar.turns, "start_date": scenario.calendar.start_date,
                     "summit_turn": scenario.calendar.summit_turn, "talk_rounds": scenario.calendar.talk_rounds},
        "sources": [{"id": s.id, "title": s.title, "date": s.date, "publisher": s.publisher, "url": s.url}
                    for s in scenario.sources],
        "seats": [{"id": s.id, "name": s.name, "leader": s.leader, "title": s.title, "capital": s.capital,
                   "colour": s.colour, "at_table": s.at_table, **_cite(s)} for s in scenario.seats],
        "issues": [{"id": i.id, "name": i.name, "kind": i.kind, "options": list(i.options), "default": i.default,
                    "unit": i.unit, "labels": dict(i.labels), "signatories": list(i.signatories),
                    "description": i.description,
                    "source": i.source,
                    "obligations": [{"options": list(o.options), "seats": list(o.seats), "forbids": list(o.forbids),
                                     "text": o.text} for o in i.obligations]} for i in scenario.issues],
        "moves": [{"id": mv.id, "seat": mv.seat, "name": mv.name, "kind": mv.kind, "description": mv.description,
                   "public": mv.public, **_cite(mv), "effects": [e.to_data() for e in mv.effects],
                   "requires": None if mv.requires is None else _condition(mv.requires, scenario)}
                  for mv in scenario.moves],
        "tracks": [{"id": t.id, "name": t.name, "unit": t.unit, "min": t.min, "max": t.max, **_cite(t)}
                   for t in scenario.tracks],
        "map": {"bounds": list(m.bounds),
                "regions": [{"id": r.id, "name": r.name, "polygon": [list(p) for p in r.polygon], **_cite(r)}
                            for r in m.regions],
                "sites": [{"id": s.id, "name": s.name, "kind": s.kind, "at": list(s.at),
                           "path": [list(p) for p in s.path], "region": s.region, "description": s.description,
                           **_cite(s)} for s in m.sites],
                "flows": [{"id": f.id, "name": f.name, "from": f.start, "to": f.end, "track": f.track}
                          for f in m.flows],
                "front": [list(p) for p in m.front]},
        "history": {"date": scenario.history.date, "summary": scenario.history.summary,
                    "parties": list(scenario.history.parties), "outcome": dict(scenario.history.outcome),
                    "entries": [{"issue": e.issue, "settled": str(e.settled), "option": e.option, "note": e.note}
                                for e in scenario.history.entries],
                    "aftermath": scenario.history.aftermath, "source": scenario.history.source},
    }


def _cite(item) -> dict:
    """The item's source, and whether the file marks that source as published after the item is shown."""
    return {"source": item.source, "reported_later": item.reported_later}


def _condition(cond, scenario) -> dict:
    """A condition as plain data (Condition.to_data); an event it names carries its title, for the news
    already says it when it happens."""
    out = {**cond.to_data(), "children": [_condition(c, scenario) for c in cond.children]}
    if cond.name == "happened":
        event = out["args"]["event"]
        out["title"] = next((e.title for e in scenario.events if e.id == event), event)
    return out
