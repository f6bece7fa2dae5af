"""Proposals, answers and agreements.

Every check happens before anything changes, so an illegal action leaves the
state exactly as it was.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from game.scenario.wording import STAT_NAMES, issue_named, say_issue_option

from .errors import IllegalAction
from .kinds import EVERYONE, EventKind, ProposalStatus
from .obligations import Obligation
from .world import add_stat, add_trust

MAX_PROPOSALS_PER_SLOT = 2
MAX_OPEN_PER_SEAT = 4
REVERSAL_DOMESTIC = -6
REVERSAL_STANDING = -2
REVERSAL_TRUST = -3


@dataclass
class Proposal:
    id: str
    proposer: str
    parties: tuple
    terms: tuple          # ((issue, option), ...) sorted
    turn: int
    expires: int
    public: bool
    status: ProposalStatus = ProposalStatus.OPEN
    accepted: list = field(default_factory=list)
    counter_to: str = ""
    reason: str = ""      # why it was rejected
    note: str = ""        # what the proposer said with it

    def to_dict(self) -> dict:
        return {"id": self.id, "proposer": self.proposer, "parties": list(self.parties),
                "terms": dict(self.terms), "turn": self.turn, "expires": self.expires,
                "public": self.public, "status": self.status, "accepted": list(self.accepted),
                "counter_to": self.counter_to, "reason": self.reason, "note": self.note}


@dataclass
class Agreement:
    id: str
    proposal: str
    parties: tuple
    terms: tuple
    turn: int
    live: list            # issues this agreement still settles (not superseded)
    obligations: tuple    # (Obligation, ...)

    @property
    def in_force(self) -> bool:
        return bool(self.live)

    def to_dict(self) -> dict:
        return {"id": self.id, "proposal": self.proposal, "parties": list(self.parties),
                "terms": dict(self.terms), "turn": self.turn, "live": list(self.live),
                "obligations": [o.to_dict() for o in self.obligations]}

    @staticmethod
    def from_dict(data: dict) -> "Agreement":
        """An agreement as an observation shows it, typed again (for the AI's questions to the rules)."""
        return Agreement(data["id"], data["proposal"], tuple(data["parties"]), tuple(data["terms"].items()),
                         data["turn"], list(data["live"]), tuple(Obligation.from_dict(o) for o in data["obligations"]))


def seat_name(state, seat):
    return state.game.scenario.seat(seat).name


def describe_terms(state, terms) -> str:
    scen = state.game.scenario
    parts = []
    for issue_id, option in terms:
        issue = scen.issue(issue_id)
        parts.append(f"{issue.name}: {say_issue_option(issue, option)}")
    return "; ".join(parts)


def issue_names(state, terms) -> str:
    return ", ".join(issue_named(state.game.scenario.issue(issue_id).name) for issue_id, _ in terms)


def proposal_label(state, prop, owner="") -> str:
    """How the news names a proposal: ids are opaque hashes, so say whose it is and what it covers."""
    whose = owner or f"{seat_name(state, prop.proposer)}'s"
    return f"{whose} proposal on {issue_names(state, prop.terms)}"


def agreement_label(state, agreement, article="the") -> str:
    return f"{article} day {agreement.turn} agreement on {issue_names(state, agreement.terms)}"


def check_package(state, seat, parties, terms, expires) -> None:
    g = state.game
    scen = g.scenario
    if not terms:
        raise IllegalAction("a proposal needs at least one issue")
    if len({issue for issue, _ in terms}) != len(terms):
        raise IllegalAction("a package names each issue once")
    if seat not in parties:
        raise IllegalAction("you must be one of the parties to your own proposal")
    for p in parties:
        if p not in g.seat_index:
            raise IllegalAction(f"there is no seat '{p}' at this table")
    if len(set(parties)) != len(parties):
        raise IllegalAction("a party is listed twice")
    if len(parties) < 2:
        raise IllegalAction("a proposal needs at least two parties")
    for issue_id, option in terms:
        if issue_id not in g.issue_index:
            raise IllegalAction(f"there is no issue '{issue_id}' in this scenario")
        issue = scen.issue(issue_id)
        if option not in issue.options:
            shown = ", ".join(issue.options)
            raise IllegalAction(f"'{option}' is not an option of {issue_named(issue.name)} ({shown})")
        if not state.issue_open[g.issue_index[issue_id]]:
            raise IllegalAction(f"{issue_named(issue.name)} is not on the table now")
        missing = [s for s in issue.signatories if s not in parties]
        if missing:
            names = ", ".join(seat_name(state, s) for s in missing)
            raise IllegalAction(f"{issue_named(issue.name)} needs {names} among the parties")
    last = scen.calendar.summit_turn
    if expires and not state.turn <= expires <= last:
        raise IllegalAction(f"a proposal can stay open until turn {state.turn} to {last}, not {expires}")


def _proposal_id(state, seat, parties, action) -> str:
    """An id from who offered what and when. A running count, or anything else that moves
    with proposals a seat cannot see, would tell it that private talks had taken place."""
    text = f"{state.turn}.{state.round}.{seat}.{parties}.{action.terms}.{action.expires}.{action.public}"
    while True:
        pid = "p" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        if pid not in state.proposals:
            return pid
        text += "+"


def _new_proposal(state, seat, action, counter_to=""):
    parties = tuple(sorted(action.parties, key=state.game.seat_index.get))
    prop = Proposal(_proposal_id(state, seat, parties, action), seat, parties, action.terms, state.turn,
                    action.expires or state.turn, action.public, accepted=[seat], counter_to=counter_to,
                    note=action.reason)
    state.proposals[prop.id] = prop
    state.slot_proposals += 1
    visible = EVERYONE if prop.public else list(parties)
    others = ", ".join(seat_name(state, p) for p in parties if p != seat)
    # To a seat that never saw the offer it answers, a counter-offer is simply an offer.
    answered = state.proposals.get(counter_to)
    seen = answered is not None and (answered.public or set(parties) <= set(answered.parties))
    # In the past tense, as news: a verb in the present would have to agree with 'EU and Greece'.
    verb = "countered" if counter_to and seen else "proposed to"
    text = f"{seat_name(state, seat)} {verb} {others}: {describe_terms(state, prop.terms)}"
    if prop.note:
        text += f" \u2014 \u201c{prop.note}\u201d"
    return state.record(EventKind.PROPOSAL, seat, visible, text, proposal=prop.id, counter_to=counter_to)


def open_count(state, seat) -> int:
    """How many of its proposals `seat` has open."""
    is_open = ProposalStatus.OPEN     # a local: every seat asks on every turn, over every proposal of the game
    return sum(1 for p in state.proposals.values() if p.status == is_open and p.proposer == seat)


def _limit(state, seat):
    if state.slot_proposals >= MAX_PROPOSALS_PER_SLOT:
        raise IllegalAction(f"you can make {MAX_PROPOSALS_PER_SLOT} proposals a round; end your round first")
    if open_count(state, seat) >= MAX_OPEN_PER_SEAT:
        raise IllegalAction(f"you already have {MAX_OPEN_PER_SEAT} open proposals; withdraw one first")


def propose(state, seat, action):
    check_package(state, seat, action.parties, action.terms, action.expires)
    _limit(state, seat)
    return [_new_proposal(state, seat, action)]


def _open_for(state, seat, pid):
    prop = state.proposals.get(pid)
    if prop is None or (seat not in prop.parties and not prop.public):
        raise IllegalAction(f"there is no proposal '{pid}' addressed to you")
    if prop.status != ProposalStatus.OPEN:
        raise IllegalAction(f"proposal {pid} is {prop.status}; it can no longer be answered")
    if seat not in prop.parties:
        raise IllegalAction(f"you are not a party to proposal {pid}")
    return prop


def _answerable(state, seat, pid, signing=True):
    """An open proposal `seat` may answer; one whose issue left the table can still be rejected."""
    prop = _open_for(state, seat, pid)
    if seat == prop.proposer:
        raise IllegalAction(f"proposal {pid} is your own; withdraw it instead")
    if seat in prop.accepted:
        raise IllegalAction(f"you have already accepted proposal {pid}")
    for issue_id, _ in prop.terms if signing else ():
        if not state.issue_open[state.game.issue_index[issue_id]]:
            raise IllegalAction(f"{issue_named(state.game.scenario.issue(issue_id).name)} is no longer on the table")
    return prop


def accept(state, seat, action):
    prop = _answerable(state, seat, action.proposal)
    prop.accepted.append(seat)
    text = f"{seat_name(state, seat)} accepted {proposal_label(state, prop)}"
    events = [state.record(EventKind.ACCEPT, seat, _visible(prop), text, proposal=prop.id)]
    if all(p in prop.accepted for p in prop.parties):
        events += sign(state, prop)
    return events


def reject(state, seat, action):
    prop = _answerable(state, seat, action.proposal, signing=False)
    prop.status = ProposalStatus.REJECTED
    prop.reason = action.reason
    why = f": \u201c{action.reason}\u201d" if action.reason else ""
    text = f"{seat_name(state, seat)} rejected {proposal_label(state, prop)}{why}"
    return [state.record(EventKind.REJECT, seat, _visible(prop), text, proposal=prop.id, reason=action.reason)]


def counter(state, seat, action):
    prop = _answerable(state, seat, action.proposal)
    parties = action.parties or prop.parties
    check_package(state, seat, parties, action.terms, action.expires)
    _limit(state, seat)
    prop.status = ProposalStatus.COUNTERED
    countered = action.__class__(**{**action.__dict__, "parties": tuple(parties)})
    return [_new_proposal(state, seat, countered, counter_to=prop.id)]


def withdraw(state, seat, action):
    prop = state.proposals.get(action.proposal)
    if prop is None or prop.proposer != seat:
        raise IllegalAction(f"there is no proposal '{action.proposal}' of yours to withdraw")
    if prop.status != ProposalStatus.OPEN:
        raise IllegalAction(f"proposal {prop.id} is {prop.status}; it can no longer be withdrawn")
    prop.status = ProposalStatus.WITHDRAWN
    text = f"{seat_name(state, seat)} withdrew {proposal_label(state, prop, 'the')}"
    return [state.record(EventKind.WITHDRAW, seat, _visible(prop), text, proposal=prop.id)]


def statement(state, seat, action):
    g = state.game
    if action.issue not in g.issue_index:
        raise IllegalAction(f"there is no issue '{action.issue}' in this scenario")
    issue = g.scenario.issue(action.issue)
    if action.option not in issue.options:
        raise IllegalAction(f"'{action.option}' is not an option of {issue_named(issue.name)} "
                            f"({', '.join(issue.options)})")
    if seat in state.spoke_this_turn:
        raise IllegalAction("you have already made a public statement today")
    state.spoke_this_turn.append(seat)
    # A statement wins nothing by itself: it is a commitment, paid for only by backing down later.
    state.statements.append({"turn": state.turn, "seat": seat, "issue": action.issue, "option": action.option})
    text = f"{seat_name(state, seat)}'s public stand on {issue_named(issue.name)}: " \
           f"{say_issue_option(issue, action.option)}"
    return [state.record(EventKind.STATEMENT, seat, EVERYONE, text, issue=action.issue, option=action.option)]


def _visible(prop):
    return EVERYONE if prop.public else list(prop.parties)


def sign(state, prop):
    g = state.game
    prop.status = ProposalStatus.SIGNED
    obligations = []
    for issue_id, option in prop.terms:
        for ob in g.scenario.issue(issue_id).obligations:
            if option in ob.options:
                obligations.append(Obligation(issue_id, ob.seats, ob.forbids, ob.text, ob.penalty))
    agreement = Agreement("a" + prop.id[1:], prop.id, prop.parties, prop.terms, state.turn,
                          [i for i, _ in prop.terms], tuple(obligations))
    events = []
    before = state.outcome()
    for issue_id, option in prop.terms:
        previous = state.settled.get(issue_id)
        if previous is not None:
            old = state.agreement(previous[0])
            old.live.remove(issue_id)
        state.settled[issue_id] = (agreement.id, option)
    state.agreements.append(agreement)
    names = ", ".join(seat_name(state, p) for p in prop.parties)
    events.append(state.record(EventKind.AGREEMENT, prop.proposer, EVERYONE,
                               f"Signed by {names}: {describe_terms(state, prop.terms)}",
                               agreement=agreement.id, proposal=prop.id))
    for other in state.proposals.values():
        if other.status == ProposalStatus.OPEN and other.id != prop.id and _stale(other, prop):
            other.status = ProposalStatus.VOID
    events += _reversals(state, agreement, before)
    return events


def _stale(other, signed):
    """An open proposal that re-opens exactly what was just signed is moot."""
    return dict(other.terms) == dict(signed.terms) and set(other.parties) == set(signed.parties)


def backs_down(values, options, stated, signed) -> bool:
    """Whether signing `signed` is worse, by these per-option values, than the `stated` option."""
    return values[options.index(signed)] + 1e-9 < values[options.index(stated)]


def last_stands(statements, seat) -> dict:
    """A seat's standing public position on each issue: the latest it stated."""
    return {st["issue"]: st["option"] for st in statements if st["seat"] == seat}


def _reversals(state, agreement, before):
    """A seat that signs less than it publicly demanded pays an audience cost, once per climb-down:
    only when the signed option is worse than its stand and than what was already agreed."""
    g = state.game
    events = []
    for seat in agreement.parties:
        tables = g.space.tables[g.seat_index[seat]]
        stands = last_stands(state.statements, seat)
        for issue_id, option in agreement.terms:
            if issue_id not in stands:
                continue
            k = g.issue_index[issue_id]
            issue = g.scenario.issues[k]
            if not backs_down(tables[k], issue.options, stands[issue_id], option):
                continue
            previous = before.get(issue_id)
            if previous is not None and not backs_down(tables[k], issue.options, previous, option):
                continue
            name = seat_name(state, seat)
            changes = [f"{name}: {STAT_NAMES['domestic']} {add_stat(state, seat, 'domestic', REVERSAL_DOMESTIC):+d}",
                       f"{name}: {STAT_NAMES['standing']} {add_stat(state, seat, 'standing', REVERSAL_STANDING):+d}",
                       f"every seat's trust in {name} {REVERSAL_TRUST:+d}"]
            state.reversals.append({"turn": state.turn, "seat": seat, "issue": issue_id})
            for other in g.scenario.seat_ids:
                add_trust(state, other, seat, REVERSAL_TRUST)
            events.append(state.record(
                EventKind.REVERSAL, seat, EVERYONE,
                f"{name} backed down from a public stand on {issue_named(issue.name)}", issue=issue_id,
                changes=changes))
    return events


def expire(state):
    events = []
    for prop in state.proposals.values():
        if prop.status == ProposalStatus.OPEN and prop.expires <= state.turn:
            prop.status = ProposalStatus.EXPIRED
            events.append(state.record(EventKind.EXPIRED, prop.proposer, _visible(prop),
                                       f"{proposal_label(state, prop)} expired unsigned", proposal=prop.id))
    return events
