"""An AI leader: bargains, remembers, explains itself and moves, from one observation.

It sees only what a person in its seat would see: the public scenario, its
own observation (which carries its own preferences), its legal actions and
what it may propose.
"""

from __future__ import annotations

import numpy as np

from game.engine.actions import DONE, Action
from game.engine.kinds import ActionType, Controller, Phase, ProposalStatus
from game.engine.talks import backs_down, last_stands
from game.scenario.vocabulary import condition_from_data

from . import advice, concession, hearing, initiative, moves, voice
from .levels import LEVELS, Model
from .opponents import Belief
from .packages import Table
from .reciprocity import Concessions
from .refusals import TurnedDown
from .reputation import TRUST_COMFORT, Reputation

ANSWERS = (ActionType.ACCEPT, ActionType.REJECT)
LOW_TRUST_PREMIUM = 0.25
REPUTATION_PREMIUM = 0.5    # share of the room it asks on top from a seat with a record held against it
RECIPROCAL_SLACK = 0.10     # share of the room it gives up before the other side has moved at all...
RECIPROCAL_LATE = 0.35      # ...growing to this much more by the summit...
RECIPROCAL_GAIN = 1.0       # ...and more for each share of the way the other side has come
REVERSAL_COST = 0.05
MOOD_SPREAD = 0.35
TASTE_SPREAD = 0.03
APPEAL_KNEE = 0.05    # room above a partner's believed need below which its appeal falls in a straight line


class Leader:
    table: Table    # the packages as it values them, from its first observation on (which carries its preferences)

    def __init__(self, public, seat, level=Controller.NORMAL, seed=0):
        if level not in LEVELS:
            raise ValueError(f"unknown level '{level}'")
        self.public = public
        self.seat = seat
        self.level = LEVELS[level]
        self.rng = np.random.default_rng(seed)
        self.seats = {s["id"]: s for s in public["seats"]}
        self.me = self.seats[seat]
        self.issues_by_id = {i["id"]: i for i in public["issues"]}
        self.moves = {m["id"]: m for m in public["moves"]}
        self.effects = {}       # each move's effects, read from the public scenario when first weighed
        self.typed_agreements = {}  # agreements it has seen, typed again for the rules (see moves.in_force)
        self.answer_costs = {}      # by days left: what each other seat's waiting answer would cost it
        self.move_requires = {m["id"]: condition_from_data(m["requires"]) for m in public["moves"] if m.get("requires")}
        self.seen = 0
        self.ready = False      # set up from its first observation
        self.beliefs: dict[str, Belief] = {}
        self.slot = None
        self.answered = set()
        self.proposed_to = set()
        self.can_propose = False
        self.mediated = []      # (turn, parties) of each compromise offered, at most one a day
        self.absorbed = set()
        self.agreed_by = set()  # seats that have accepted a package of mine
        self.known = {}         # every proposal it has seen, by id, as it first saw it
        self.fired = set()      # the scenario events it has seen happen
        self.promises = []      # (asker, turn, terms, parties) it said it would sign, asked "what would you want?"

    # -- setting up from the first observation ------------------------------------

    def _setup(self, obs):
        private = obs["private"]
        self.personality = private["personality"]
        self.objectives = [{"points": o["points"], "cond": condition_from_data(o["when"])}
                           for o in private["objectives"]]
        self.table = Table(self.public, self.seat, private)
        kind = self.level.model
        self.beliefs = {s: Belief(self.table, s, kind) for s in self.seats if s != self.seat}
        self.my_groups = [(g, ks) for g, ks in self.table.groups.items() if self.seat in g]
        self.other_groups = [(g, ks) for g, ks in self.table.groups.items()
                             if self.seat not in g and any(np.ptp(self.table.tables[k]) > 0 for k in ks)]
        self.partners = {s for g, _ in self.my_groups for s in g if s != self.seat}
        self.reputation = Reputation(self.seat, self.beliefs)
        self.concessions = Concessions(self.table)
        self.turned_down = TurnedDown(self.table, self.beliefs)
        # Each game draws its own mood around the leader's personality, so seeds give different tables.
        mood = float(np.exp(self.rng.normal(0.0, MOOD_SPREAD)))
        base = concession.exponent(self.personality["patience"], self.level.concession)
        # The level's firmest clock is a ceiling that a mood may lower, never raise.
        self.e = min(base * mood, self.level.firmest * min(mood, 1.0))
        self.ready = True

    # -- what it wants now ------------------------------------------------------------

    def _trust(self, obs, other) -> int:
        return obs["trust"][self.seat][other]

    def breach_by(self, obs, other):
        """What `other` broke of an agreement with this seat that it will not yet sign over, or None."""
        event = self.reputation.refuses(other, obs["turn"])
        return voice.breach_text(self.issues_by_id, event) if event else None

    def _bounds(self, obs, ks):
        """(floor, ceiling) of total utility for a package over issue indices ks."""
        base = self.table.base(obs["settled"])
        now = self.table.utility(base)
        ceiling = now + sum(self.table.best[k] - self.table.tables[k][base[k]] for k in ks)
        floor = max(now, min(self.table.reservation, ceiling - 0.25 * (ceiling - now)))
        return now, floor, ceiling

    def _signers(self, ks, partners):
        group = tuple(sorted(self.issues_by_id[self.table.ids[ks[0]]]["signatories"])) if ks else ()
        return group, [p for p in partners if p in group]

    def _share(self, obs, ks, partners) -> float:
        """The share of the room it still asks for: the clock's, but never less than what the
        others' own concessions allow, so a side that does not move gets little for it."""
        t = concession.progress(obs)
        share = concession.share(t, self.e)
        group, signers = self._signers(ks, partners)
        r = self.level.reciprocity
        if not r or not signers:
            return share
        given = min(self.concessions.given(p, group) for p in signers)
        allowed = min(1.0, RECIPROCAL_SLACK + RECIPROCAL_LATE * t + RECIPROCAL_GAIN * given)
        return max(share, r * (1.0 - allowed) + (1.0 - r) * share)

    def _stonewalled(self, ks, partners) -> bool:
        group, signers = self._signers(ks, partners)
        return bool(self.level.reciprocity) and any(
            p not in self.agreed_by and not self.concessions.has_moved(p, group) for p in signers)

    def _demand(self, obs, ks, partners, offered=True):
        """(what it asks for over issues ks, what it has now); without `offered`, leaving out its rule never to
        ask for less than a partner has already offered it."""
        now, floor, ceiling = self._bounds(obs, ks)
        span = max(ceiling - floor, 1e-9)
        demand = floor + span * self._share(obs, ks, partners) if ceiling > floor else floor
        for other in partners:
            trust = self._trust(obs, other)
            if trust < TRUST_COMFORT:
                demand += LOW_TRUST_PREMIUM * span * (TRUST_COMFORT - trust) / 100
            record = self.reputation.held_against(other, obs["turn"])
            demand += REPUTATION_PREMIUM * span * min(1.0, record)
        demand = min(demand, ceiling)
        return (max(demand, self._offered_already(obs, ks, partners)) if offered else demand), now

    def _offered_already(self, obs, ks, partners) -> float:
        """What the best offer a partner has itself made on these issues is worth: it never asks
        for less than that, and it takes that when its own demand has come down to it."""
        group, signers = self._signers(ks, partners)
        ids = {self.table.ids[k] for k in ks}
        unsettled = set(obs["open_issues"]) - set(obs["settled"])
        best = float("-inf")
        for p in signers:
            terms = self.concessions.best_offer(p, group)
            if terms and set(terms) <= ids and set(terms) <= unsettled:
                best = max(best, self.table.utility_after(obs["settled"], terms))
        return best

    def _climb_downs(self, obs, terms) -> list:
        """(issue, stated option) for each public stand these terms would make it back down from."""
        out = []
        for issue, stated in last_stands(obs["statements"], self.seat).items():
            if issue in terms:
                k = self.table.index[issue]
                if backs_down(self.table.tables[k], self.table.options[k], stated, terms[issue]):
                    out.append((issue, stated))
        return out

    def unsettled_gain(self, obs) -> float:
        base = self.table.base(obs["settled"])
        return sum(self.table.best[k] - self.table.tables[k][base[k]]
                   for _, ks in self.my_groups for k in self.table.open_issues(ks, obs))

    # -- choosing a package -------------------------------------------------------------

    def candidates(self, obs, ks, partners=(), near=None):
        """(ks, packages, own total utility, base): what it weighs over issue indices ks; beyond what
        it can list, the packages best for it and for `partners` as it believes them (nearest the
        row `near` first)."""
        models = [self.beliefs[p] for p in partners if p in self.beliefs]
        ks, packages, own = self.table.space(ks, models, near)
        base = self.table.base(obs["settled"])
        return ks, packages, own + self.table.fixed(ks, base), base

    def _pick(self, obs, ks, partners, demand):
        """The package over ks it would offer: meets its demand, not yet turned down, best for
        the others as it sees them; None if there is no such package."""
        ks, packages, total, base = self.candidates(obs, ks, partners)
        ok = total >= demand - 1e-9
        if not ok.any():
            ok = total >= total.max() - 1e-9
        ok &= self.turned_down.worth_offering(ks, base, partners)
        if not ok.any():
            return None     # everything it would offer has been turned down: wait for theirs
        idx = np.flatnonzero(ok)
        if self.level.model == Model.NONE:
            order = idx[np.argsort(-total[idx], kind="stable")]
            top = max(1, int(len(order) * self.level.pick_noise))
            choice = int(order[self.rng.integers(top)])
            return ks, packages[choice], float(total[choice])
        score = self._appeal(ks, base, packages, idx, partners)
        score += 1e-3 * total[idx] + self.rng.normal(0.0, TASTE_SPREAD, len(idx))
        choice = int(idx[int(np.argmax(score))])
        return ks, packages[choice], float(total[choice])

    def _appeal(self, ks, base, packages, idx, partners) -> np.ndarray:
        """How much the packages `idx` leave each partner above what it seems to need, as it believes
        them: a log, so a package that leaves one partner short is not bought with another's surplus."""
        score = np.zeros(len(idx))
        for other in partners:
            belief = self.beliefs[other]
            est = belief.group_utility(ks, base, packages)[idx]
            room = est - belief.threshold() + 0.3
            # Below a little room the log goes on as its tangent, so packages far short are still told apart.
            score += np.where(room > APPEAL_KNEE, np.log(np.maximum(room, APPEAL_KNEE)),
                              np.log(APPEAL_KNEE) + room / APPEAL_KNEE - 1.0)
        return score

    # -- the decision ---------------------------------------------------------------------

    def observe(self, obs) -> None:
        """Take in what the observation shows that is new; deciding and advising both start here."""
        if not self.ready:
            self._setup(obs)
        hearing.absorb(self, obs)

    def decide(self, obs, legal, space) -> Action:
        self.observe(obs)
        if obs["phase"] == Phase.MOVES:
            return moves.choose(self, obs, legal, concession.progress(obs))
        key = (obs["turn"], obs["round"])
        if key != self.slot:
            self.slot, self.proposed_to = key, set()
        self.can_propose = space["can_propose"]
        for action in legal:
            if action.proposal and action.type in ANSWERS and action.proposal not in self.answered:
                return self._answer(obs, action.proposal, legal)
        demand = initiative.public_demand(self, obs, legal)
        if demand is not None:
            return demand
        if space["can_propose"]:
            offer = self._initiative(obs)
            if offer is not None:
                return offer
        return DONE

    def _answer(self, obs, pid, legal) -> Action:
        self.answered.add(pid)
        prop = next(p for p in obs["proposals"] if p["id"] == pid)
        partners = [p for p in prop["parties"] if p != self.seat]
        can_accept = any(a.type == ActionType.ACCEPT and a.proposal == pid for a in legal)
        if can_accept and advice.promised(self, obs, prop):
            return Action(ActionType.ACCEPT, proposal=pid)
        verdict, wanted, reason = self.judge(obs, prop["terms"], partners, can_accept)
        if verdict == ActionType.ACCEPT:
            return Action(ActionType.ACCEPT, proposal=pid)
        if verdict == ActionType.COUNTER:
            # A counter to a mediator's compromise goes to the sides that must sign, not back through it.
            wanted = self.table.changes(wanted, obs["settled"])
            parties = sorted({self.seat} | {s for i in wanted for s in self.issues_by_id[i]["signatories"]})
            self.proposed_to.add(tuple(parties))
            return Action.from_dict({"type": ActionType.COUNTER, "proposal": pid, "parties": parties, "terms": wanted,
                                     "expires": self.expiry(obs), "reason": reason})
        return Action(ActionType.REJECT, proposal=pid, reason=reason)

    def judge(self, obs, terms, partners, can_accept=True):
        """(ACCEPT, None, ''), (COUNTER, terms it wants, note) or (REJECT, terms it wants or None, reason):
        the one judgement behind both an answer to an offer and "what would you want for this?".
        Terms are judged as the outcome they leave: what they do not name stays unsigned."""
        named, terms = terms, self.table.whole(terms, obs)
        ks = [self.table.index[i] for i in terms]
        demand, now = self._demand(obs, ks, partners)
        climb_downs = self._climb_downs(obs, named)
        value = self.table.utility_after(obs["settled"], terms) - REVERSAL_COST * len(climb_downs)
        last_chance = obs["turn"] == obs["summit_turn"] and obs["round"] == obs["talk_rounds"] \
            and not self._stonewalled(ks, partners)
        broke = next(((self.seats[p], why) for p in partners if (why := self.breach_by(obs, p))), None)
        improves = value > now + 1e-9
        if can_accept and improves and not broke and (value >= demand - 1e-9 or
                                                      (last_chance and value >= self._bounds(obs, ks)[1])):
            return ActionType.ACCEPT, None, ""
        # While a party's broken word is fresh no terms would do, so there are none to want.
        wanted = None if broke else self._wanted(obs, ks, partners, terms, demand)
        record = next(((self.seats[p], voice.breach_text(self.issues_by_id, event)) for p in partners
                       if (event := self.reputation.remembered(p, obs["turn"]))), None)
        if wanted is not None and not self.table.changes(wanted, obs["settled"]):
            # What it would sign changes nothing: no deal on these issues is better for it than any on offer.
            return ActionType.REJECT, None, voice.no_deal(self.me, self.issues_by_id, named, record)
        if self.level.counters and wanted and can_accept and self.can_propose and wanted != terms \
                and not self.turned_down.said_no(partners, wanted):
            return ActionType.COUNTER, wanted, voice.counter_note(self.me, self.issues_by_id, terms, wanted, record)
        stated = climb_downs[0] if climb_downs else None
        distrusted = min(partners, key=lambda p: self._trust(obs, p), default=None)
        if distrusted is not None and self._trust(obs, distrusted) >= TRUST_COMFORT - 15:
            distrusted = None
        reason = voice.refusal(self.me, self.issues_by_id, terms, wanted or {}, broke=broke,
                               distrusted=distrusted and self.seats[distrusted], stated=stated, remembered=record)
        return ActionType.REJECT, wanted, reason

    def _wanted(self, obs, ks, partners, terms, demand):
        """The smallest change to `terms` this seat would sign, as a full package."""
        ks_open = [k for k in ks if self.table.ids[k] in obs["open_issues"]]
        if not ks_open:
            return None
        ks_full, packages, total, base = self.candidates(obs, ks_open, partners, self.table.row(ks_open, terms))
        asked = self.table.row(ks_full, terms)
        ok = total >= demand - 1e-9
        if not ok.any():
            return None
        fresh = ok & ~self.refused(ks_full, packages, partners)
        if fresh.any():
            ok = fresh
        idx = np.flatnonzero(ok)
        distance = np.sum(packages[idx] != asked, axis=1).astype(float)
        score = -distance
        if self.level.model == Model.FULL:
            # Among changes of one size it asks the one that leaves the others most above what they seem
            # to need, weighed as in its own offers; a change of one more issue is worth that much more to them.
            score += self._appeal(ks_full, base, packages, idx, partners)
        elif self.level.model != Model.NONE:
            for other in partners:
                score += 0.3 * self.beliefs[other].group_utility(ks_full, base, packages)[idx]
        score -= 1e-3 * (total[idx] - demand)
        choice = int(idx[int(np.argmax(score))])
        return self.table.terms(ks_full, packages[choice])

    def _initiative(self, obs):
        """Open talks with the group where a deal would help most, or mediate between others."""
        best = None
        base = self.table.base(obs["settled"])
        for group, ks in self.my_groups:
            open_ks = self.table.open_issues(ks, obs)
            if not open_ks or group in self.proposed_to or self.pending_with(obs, group):
                continue
            partners = [s for s in group if s != self.seat]
            if any(self.breach_by(obs, p) for p in partners):
                continue    # it will not sign with them yet, so it offers them nothing either
            if not self.turned_down.worth_offering(open_ks, base, partners).any():
                continue    # nothing left that gains it anything, or all of it turned down
            demand, now = self._demand(obs, open_ks, partners)
            picked = self._pick(obs, open_ks, partners, demand)
            if picked is None:
                continue
            ks_full, row, value = picked
            gain = value - now
            if gain > 1e-6 and (best is None or gain > best[0]):
                best = (gain, group, ks_full, row)
        if best is None and self.level.mediates:
            return initiative.mediate(self, obs)
        if best is None:
            return None
        _, group, ks_full, row = best
        self.proposed_to.add(group)
        last = obs["turn"] == obs["summit_turn"]
        note = voice.final_offer(self.me) if last else ""
        return Action.from_dict({"type": ActionType.PROPOSE, "parties": list(group), "expires": self.expiry(obs),
                                 "terms": self.table.changes(self.table.terms(ks_full, row), obs["settled"]),
                                 "reason": note})

    @staticmethod
    def expiry(obs) -> int:
        """An offer in the day's last round stays open into tomorrow, so the others can answer it."""
        if obs["round"] == obs["talk_rounds"] and obs["turn"] < obs["summit_turn"]:
            return obs["turn"] + 1
        return obs["turn"]

    def refused(self, ks, packages, partners) -> np.ndarray:
        """Packages a partner has already turned down, so it is not offered them again."""
        return self.turned_down.mask(ks, packages, partners)

    def pending_with(self, obs, group):
        return any(p["status"] == ProposalStatus.OPEN and tuple(sorted(p["parties"])) == tuple(sorted(group))
                   and p["proposer"] == self.seat for p in obs["proposals"])

    # -- "what would you want for this?" ---------------------------------------------------

    def what_would_you_want(self, obs, partner, terms, parties=()):
        self.observe(obs)
        return advice.advise(self, obs, partner, terms, parties)
