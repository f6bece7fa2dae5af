"""Head-to-head: Summit's leaders against NegMAS's reference agents, in NegMAS's own mechanism.

    python benchmarks/negmas_h2h.py [--steps 30 100] [--reps 5] [--workers 2] [--ray ADDRESS]

Each bilateral problem is the issues only that pair signs (moscow-2020: Turkey-Russia;
sochi-2008: Russia-Syria), with each seat's real utilities renormalised over them (an
affine map: same preferences, same walk-away). Every agent plays every seat against every
agent in NegMAS's alternating-offers mechanism (SAO, one offer per step) at each step
limit. A Summit leader plays through an adapter: it keeps a private Summit table of the
two seats on which the opponent's offers are put as that seat's proposals, and it answers
and proposes there with its ordinary decide(); the talks run one day of as many rounds as
it has turns, so its clock runs with the mechanism's. A score is the seat's renormalised
utility of the agreement, or its walk-away value without one. Exit 2 without NegMAS.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game import batch  # noqa: E402
from game.ai import Leader  # noqa: E402
from game.catalog import load_scenario  # noqa: E402
from game.engine import DONE, Action, Game, public_info  # noqa: E402

try:  # guarded so that main() can explain and exit 2 rather than raise
    from negmas import make_issue, make_os
    from negmas.preferences import LinearAdditiveUtilityFunction, TableFun
    from negmas.sao import (
        AspirationNegotiator,
        BoulwareTBNegotiator,
        ConcederTBNegotiator,
        NaiveTitForTatNegotiator,
        ResponseType,
        SAOMechanism,
        SAONegotiator,
    )
    NEGMAS_ERROR = None
except ImportError as err:  # pragma: no cover - depends on the environment
    NEGMAS_ERROR = err

PROBLEMS = (("moscow-2020", ("turkey", "russia")), ("sochi-2008", ("russia", "syria")))
SUMMIT = ("hard", "normal", "easy")
REFERENCE = ("aspiration", "boulware", "conceder", "tit_for_tat")
AGENTS = SUMMIT + REFERENCE
T95 = 1.96


@dataclasses.dataclass(frozen=True)
class Problem:
    scenario: object      # the scenario with every issue outside the pair off the table
    pair: tuple
    issues: tuple
    options: tuple


def problem(scenario_id: str, pair: tuple) -> Problem:
    scen = load_scenario(scenario_id)
    issues = tuple(i.id for i in scen.issues if set(i.signatories) == set(pair))
    only = tuple(dataclasses.replace(i, available=i.id in issues) for i in scen.issues)
    scen = dataclasses.replace(scen, issues=only)
    return Problem(scen, pair, issues, tuple(scen.issue(i).options for i in issues))


def ufuns(p: Problem):
    """NegMAS's outcome space and each seat's utility over the pair's issues, renormalised."""
    space = Game(p.scenario).space
    os_ = make_os([make_issue(list(o), name) for name, o in zip(p.issues, p.options)], name=p.scenario.id)
    out = {}
    for seat in p.pair:
        prefs = p.scenario.seat(seat).preferences
        total = sum(prefs.weight(i) for i in p.issues)
        k_out = [k for k, i in enumerate(p.scenario.issue_ids) if i not in p.issues]
        fixed = sum(space.tables[space.seat_index[seat]][k][space.defaults[k]] for k in k_out)
        out[seat] = LinearAdditiveUtilityFunction(
            values={i: TableFun(dict(zip(p.scenario.issue(i).options, prefs.value_table(i)))) for i in p.issues},
            weights={i: prefs.weight(i) / total for i in p.issues}, outcome_space=os_,
            reserved_value=(prefs.reservation - fixed) / total, name=seat)
    return os_, out


class Table:
    """A Summit leader's private table: the opponent's offers are put on it as its proposals."""

    def __init__(self, p: Problem, seat: str, level: str, seed: int, n_steps: int):
        cal = dataclasses.replace(p.scenario.calendar, turns=1, summit_turn=1,
                                  talk_rounds=math.ceil(n_steps / 2))
        scen = dataclasses.replace(p.scenario, calendar=cal)
        self.issues = p.issues
        self.state = Game(scen, seed).new_state()
        self.leader = Leader(public_info(scen), seat, level, seed)
        self.seat = seat
        self.other = next(s for s in p.pair if s != seat)
        self.parties = [s for s in scen.seat_ids if s in p.pair]
        self.mine = None
        self.last = None

    def _pass_until(self, seat) -> bool:
        state = self.state
        while state.phase == "talks" and state.to_move()[0] != seat:
            state.apply(state.to_move()[0], DONE)
        return state.phase == "talks"

    def _open(self, pid) -> bool:
        return pid is not None and self.state.proposals[pid].status == "open"

    def offered(self, outcome) -> None:
        """The opponent puts `outcome` on the table (a counter-offer if this seat's own is open)."""
        if not self._pass_until(self.other):
            return
        terms = dict(zip(self.issues, outcome))
        if self._open(self.mine):
            action = Action.from_dict({"type": "counter", "proposal": self.mine, "parties": self.parties,
                                       "terms": terms})
        else:
            action = Action.from_dict({"type": "propose", "parties": self.parties, "terms": terms})
        self.state.apply(self.other, action)
        self.state.apply(self.other, DONE)

    def turn(self):
        """This seat's slot: (accepted the opponent's offer, the outcome it offers now)."""
        if not self._pass_until(self.seat):
            return False, self.last
        offer = None
        state, leader = self.state, self.leader
        for _ in range(8):
            legal = state.legal_actions(self.seat)
            action = leader.decide(state.observation(self.seat, since=leader.seen), legal,
                                   state.proposal_space(self.seat))
            if action.type == "done" and offer is None and self.last is not None and \
                    state.proposal_space(self.seat)["can_propose"]:
                # It has nothing new to offer: in SAO it must still offer, so it stands by its last.
                action = Action.from_dict({"type": "propose", "parties": self.parties,
                                           "terms": dict(zip(self.issues, self.last))})
            events = state.apply(self.seat, action)
            if action.type == "accept":
                return True, None
            if action.type in ("propose", "counter"):
                terms = dict(action.terms)
                offer = tuple(terms.get(i, self.state.game.scenario.issue(i).default) for i in self.issues)
                self.mine = events[-1]["proposal"]
                state.apply(self.seat, DONE)
                break
            if action.type == "done":
                break
        self.last = offer or self.last
        return False, self.last


if NEGMAS_ERROR is None:
    class SummitNegotiator(SAONegotiator):
        """A Summit leader in NegMAS's mechanism, through its private table."""

        def __init__(self, p: Problem, seat: str, level: str, seed: int, n_steps: int, **kwargs):
            super().__init__(**kwargs)
            self.table = Table(p, seat, level, seed, n_steps)
            self.pending = None
            self.seen_offer = None

        def respond(self, state, source=None):
            offer = state.current_offer
            if offer is None:
                return ResponseType.REJECT_OFFER
            self.table.offered(offer)
            accepted, self.pending = self.table.turn()
            return ResponseType.ACCEPT_OFFER if accepted else ResponseType.REJECT_OFFER

        def propose(self, state, dest=None):
            if self.pending is None:
                _, self.pending = self.table.turn()
            offer, self.pending = self.pending, None
            return offer


def _agent(kind, p, seat, seed, n_steps):
    if kind in SUMMIT:
        return SummitNegotiator(p, seat, kind, seed, n_steps, name=seat)
    cls = {"aspiration": AspirationNegotiator, "boulware": BoulwareTBNegotiator,
           "conceder": ConcederTBNegotiator, "tit_for_tat": NaiveTitForTatNegotiator}[kind]
    return cls(name=seat)


def negotiate(job):
    """(utility of `seat`, agreed) for one negotiation: `kind` in `seat` against `against`."""
    scenario_id, pair, seat, kind, against, n_steps, seed = job
    p = problem(scenario_id, pair)
    os_, u = ufuns(p)
    mech = SAOMechanism(outcome_space=os_, n_steps=n_steps, one_offer_per_step=True)
    for s in pair:    # the pair's first seat offers first, whichever agent plays it
        agent = _agent(kind, p, s, seed, n_steps) if s == seat else _agent(against, p, s, seed + 1, n_steps)
        mech.add(agent, ufun=u[s])
    final = mech.run()
    if final.agreement is None:
        return float(u[seat].reserved_value), False
    return float(u[seat](final.agreement)), True


def interval(values) -> tuple:
    mean = statistics.fmean(values)
    half = T95 * statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
    return mean, half


def run(problems, steps, reps, workers, ray):
    jobs, keys = [], []
    for scenario_id, pair in problems:
        for n in steps:
            for seat in pair:
                for kind in AGENTS:
                    for against in AGENTS:
                        # NegMAS's agents are deterministic: one game settles their pairings.
                        count = 1 if kind in REFERENCE and against in REFERENCE else reps
                        for r in range(count):
                            keys.append((scenario_id, n, seat, kind, against))
                            jobs.append((scenario_id, pair, seat, kind, against, n, 1000 * r + 17))
    results = {}
    for key, result in zip(keys, batch.run(negotiate, jobs, workers, ray)):
        results.setdefault(key, []).append(result)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[30, 100])
    parser.add_argument("--reps", type=int, default=5, help="games per pairing with a Summit leader in it")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--ray", metavar="ADDRESS", help="run the negotiations on a Ray cluster")
    parser.add_argument("--scenario", action="append", default=[], help="only these scenarios' problems")
    args = parser.parse_args(argv)
    if NEGMAS_ERROR is not None:
        print(f"negmas is not installed ({NEGMAS_ERROR}): pip install -e '.[bench]'", file=sys.stderr)
        return 2
    import negmas
    problems = [p for p in PROBLEMS if not args.scenario or p[0] in args.scenario]
    try:
        results = run(problems, args.steps, args.reps, args.workers, args.ray)
    except batch.BatchError as err:
        print(f"negmas_h2h: {err}", file=sys.stderr)
        return 2
    print(f"NegMAS {negmas.__version__}: mean utility of the agent in the seat (agreement rate), "
          f"{args.reps} games per pairing with a Summit leader")
    misses, ties, compared = [], [], 0
    for scenario_id, pair in problems:
        for n in args.steps:
            for seat in pair:
                print(f"\n{scenario_id}, {seat} against the agent in "
                      f"{next(s for s in pair if s != seat)}, {n} steps")
                print(f"{'in seat':<12}" + "".join(f"{a:>15}" for a in AGENTS))
                for kind in AGENTS:
                    cells = []
                    for against in AGENTS:
                        games = results[(scenario_id, n, seat, kind, against)]
                        mean = statistics.fmean(u for u, _ in games)
                        rate = sum(1 for _, ok in games if ok) / len(games)
                        cells.append(f"{mean:.3f} ({rate:4.0%})")
                    print(f"{kind:<12}" + "".join(f"{c:>15}" for c in cells))
                for against in AGENTS:
                    hard = results[(scenario_id, n, seat, "hard", against)]
                    h_mean = statistics.fmean(u for u, _ in hard)
                    h_rate = sum(1 for _, ok in hard if ok) / len(hard)
                    for ref in ("aspiration", "boulware"):
                        other = results[(scenario_id, n, seat, ref, against)]
                        o_mean = statistics.fmean(u for u, _ in other)
                        o_rate = sum(1 for _, ok in other if ok) / len(other)
                        line = (f"{scenario_id} {seat} {n} steps vs {against}: hard {h_mean:.3f} ({h_rate:.0%}), "
                                f"{ref} {o_mean:.3f} ({o_rate:.0%})")
                        if h_rate < o_rate or h_mean < o_mean - 1e-9:
                            misses.append(line)
                        elif h_mean <= o_mean + 1e-9:
                            ties.append(line)
                        compared += 1
    print(f"\nof {compared} comparisons, hard scores more than Aspiration or Boulware at an equal or higher "
          f"agreement rate in {compared - len(misses) - len(ties)}, ties in {len(ties)} (the same agreement) "
          f"and scores less in {len(misses)}:")
    for line in misses:
        print(f"  less: {line}")
    for line in ties:
        print(f"  tie:  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
