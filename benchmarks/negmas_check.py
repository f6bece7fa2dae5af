"""Summit against NegMAS on the same bilateral negotiation.

    python benchmarks/negmas_check.py [--steps 100] [--batches 7]

The Turkey-Russia talks of moscow-2020 (the five issues only those two sign)
are built twice: once with Summit's OutcomeSpace and engine, once with NegMAS
(the reference Python library for automated negotiation). The script checks
that both compute the same Pareto frontier and Nash point, then plays the same
time-based alternating-offers negotiation in each and prints the agreement and
negotiations per second of each. Exit 0 all agree, 1 a mismatch, 2 no NegMAS.

NegMAS is a benchmark dependency only (the `bench` extra), never a runtime one:
nothing under game/ imports it.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from game.ai import concession  # noqa: E402
from game.catalog import load_scenario  # noqa: E402
from game.engine import DONE, Game, accept, counter, propose  # noqa: E402
from game.engine.outcomes import all_packages, utility_of  # noqa: E402

try:  # guarded so that main() can explain and exit 2 rather than raise
    from negmas import make_issue, make_os
    from negmas.negotiators.helpers import PolyAspiration
    from negmas.preferences import LinearAdditiveUtilityFunction, TableFun, nash_points, pareto_frontier
    from negmas.sao import ResponseType, SAOMechanism, SAONegotiator
    NEGMAS_ERROR = None
except ImportError as err:  # pragma: no cover - depends on the environment
    NEGMAS_ERROR = err

SCENARIO = "moscow-2020"
PAIR = ("turkey", "russia")          # Turkey moves first in both frameworks
TOL = 1e-9                           # utility vectors "equal" within this
EPS = 1e-12                          # same slack for ">= target" in both frameworks


# -- the shared problem ---------------------------------------------------------

@dataclasses.dataclass
class Side:
    seat: str
    weights: dict        # issue -> renormalised weight
    values: dict         # issue -> {option: value}
    reservation: float   # on the renormalised scale
    exponent: float      # Summit's concession exponent (e > 1 Conceder, e < 1 Boulware)


@dataclasses.dataclass
class Problem:
    scenario: object
    game: Game
    issues: tuple                 # issue ids, scenario order
    options: tuple                # per issue, its options
    sides: dict                   # seat -> Side
    tables: list                  # per seat in PAIR: Summit weighted value vectors, zero off the pair's issues
    packages: list                # every outcome as a terms dict, product order
    utils: np.ndarray             # utils[p, s] for seat s of PAIR, via Summit's utility_of


def build() -> Problem:
    scen = load_scenario(SCENARIO)
    game = Game(scen)
    space = game.space
    issues = tuple(i.id for i in scen.issues if set(i.signatories) == set(PAIR))
    sides, tables = {}, []
    for seat_id in PAIR:
        prefs = scen.seat(seat_id).preferences
        total = sum(prefs.weight(i) for i in issues)
        # Renormalisation: u'(x) = (u(x) - fixed) / total, where `total` is the seat's
        # weight on the five issues and `fixed` what the issues outside them add at
        # their defaults (no agreement on them). It is a positive affine map of the
        # seat's real utility with everything else left as it is, so the weights now
        # sum to 1, and mapping the reservation the same way, r' = (r - fixed) / total,
        # keeps exactly the same packages acceptable. Pareto sets and the Nash point
        # (a product of gains over r) do not change under such maps; check() verifies
        # that against Summit's unrenormalised tables.
        k_out = [k for k, i in enumerate(scen.issue_ids) if i not in issues]
        fixed = sum(space.tables[space.seat_index[seat_id]][k][space.defaults[k]] for k in k_out)
        weights = {i: prefs.weight(i) / total for i in issues}
        values = {i: dict(zip(scen.issue(i).options, prefs.value_table(i))) for i in issues}
        reservation = (prefs.reservation - fixed) / total
        patience = scen.seat(seat_id).personality.patience
        sides[seat_id] = Side(seat_id, weights, values, reservation, concession.exponent(patience))
        tables.append([weights[i] * np.asarray(prefs.value_table(i), float) if i in issues
                       else np.zeros(len(scen.issue(i).options)) for i in scen.issue_ids])
    packages = all_packages(space, list(issues))
    utils = np.array([[utility_of(t, space.indices(p)) for t in tables] for p in packages])
    return Problem(scen, game, issues, tuple(scen.issue(i).options for i in issues), sides, tables,
                   packages, utils)


def negmas_side(problem: Problem):
    """The same outcome space and linear-additive ufuns in NegMAS."""
    os_ = make_os([make_issue(list(opts), name) for name, opts in zip(problem.issues, problem.options)],
                  name=SCENARIO)
    ufuns = {}
    for seat_id, side in problem.sides.items():
        ufuns[seat_id] = LinearAdditiveUtilityFunction(
            values={i: TableFun(side.values[i]) for i in problem.issues}, weights=side.weights,
            outcome_space=os_, reserved_value=side.reservation, name=seat_id)
    return os_, ufuns


def key(terms: dict, issues) -> tuple:
    return tuple(terms[i] for i in issues)


# -- 1. frontier and Nash point ---------------------------------------------------

def check(problem: Problem):
    """[(ok, line), ...] comparing Summit's and NegMAS's solution concepts."""
    space = problem.game.space
    os_, ufuns = negmas_side(problem)
    outcomes = list(os_.enumerate())
    lines = []
    # both enumerate the product of options in the same order; later checks rely on it
    same_order = outcomes == [key(p, problem.issues) for p in problem.packages]
    lines.append((same_order, f"outcome space: {len(outcomes)} outcomes, same enumeration order"))
    nm_utils = np.array([[float(ufuns[s](o)) for s in PAIR] for o in outcomes])
    diff = float(np.abs(nm_utils - problem.utils).max())
    lines.append((diff <= TOL, f"utilities of every outcome agree (max |diff| {diff:.1e})"))

    # NegMAS's pareto_frontier drops outcomes below a reserved value, Summit's pareto
    # does not: compare the full frontiers (NegMAS ufuns with reserved value -inf) and
    # then the rational ones (Summit's frontier filtered by the reservations).
    s_terms, s_u = space.pareto(PAIR, problem.issues, problem.tables)
    summit_full = {key(t, problem.issues): u for t, u in zip(s_terms, s_u)}
    open_ufuns = [_unreserved(ufuns[s], os_) for s in PAIR]
    n_u, n_idx = pareto_frontier(open_ufuns, outcomes=outcomes)
    negmas_full = {outcomes[i]: np.array(u) for i, u in zip(n_idx, n_u)}
    lines.append(_same_frontier("full Pareto frontier", summit_full, negmas_full))

    res = np.array([problem.sides[s].reservation for s in PAIR])
    summit_rat = {k: u for k, u in summit_full.items() if np.all(u >= res)}
    r_u, r_idx = pareto_frontier([ufuns[s] for s in PAIR], outcomes=outcomes)
    negmas_rat = {outcomes[i]: np.array(u) for i, u in zip(r_idx, r_u)}
    lines.append(_same_frontier("rational Pareto frontier", summit_rat, negmas_rat))

    # Nash: Summit maximises the product of gains over all packages; NegMAS searches
    # the frontier it is given, with each reserved value as the disagreement point.
    s_nash, s_nash_u = space.nash(PAIR, problem.issues, problem.tables, reservations=list(res))
    found = nash_points([ufuns[s] for s in PAIR], r_u, outcome_space=os_)
    n_nash = [(outcomes[r_idx[i]], np.array(u)) for u, i in found]
    s_key = key(s_nash, problem.issues)
    tied = [o for o, u in n_nash if np.abs(u - s_nash_u).max() <= TOL]
    ok = bool(n_nash) and (s_key in [o for o, _ in n_nash] or bool(tied))
    lines.append((ok, f"Nash point: Summit {_show(s_key, s_nash_u)} | NegMAS "
                      + "; ".join(_show(o, u) for o, u in n_nash)))

    # The renormalisation is affine, so Summit's real tables and reservations must
    # pick the same frontier outcomes and the same Nash package.
    real_terms, _ = space.pareto(PAIR, problem.issues)
    real_nash, _ = space.nash(PAIR, problem.issues)
    ok = ({key(t, problem.issues) for t in real_terms} == set(summit_full)
          and key(real_nash, problem.issues) == s_key)
    lines.append((ok, "Summit's unrenormalised tables give the same frontier and Nash package"))
    return lines


def _unreserved(ufun, os_):
    return LinearAdditiveUtilityFunction(values=ufun.values, weights=ufun.weights, outcome_space=os_,
                                         reserved_value=float("-inf"))


def _same_frontier(name, summit: dict, negmas: dict):
    if set(summit) == set(negmas):
        diff = max((float(np.abs(summit[k] - negmas[k]).max()) for k in summit), default=0.0)
        return diff <= TOL, f"{name}: {len(summit)} outcomes in both, utilities within {diff:.1e}"
    # a tie (two outcomes with one utility vector) may keep a different representative
    a = sorted(tuple(np.round(u, 9)) for u in summit.values())
    b = sorted(tuple(np.round(u, 9)) for u in negmas.values())
    return a == b, (f"{name}: Summit {len(summit)}, NegMAS {len(negmas)} outcomes; "
                    f"{'same' if a == b else 'different'} utility vectors")


def _show(outcome, u) -> str:
    return f"{'/'.join(outcome)} ({u[0]:.4f}, {u[1]:.4f})"


# -- 2. the time-based negotiation --------------------------------------------------

class Curve:
    """One side's offering rule over a fixed list of outcomes (the same rule in both).

    It offers, among the outcomes it values at least its current target, the one
    best for the other side (true utilities, as the brief asks, so both runs are
    comparable), ties broken by its own utility and then by outcome order.
    """

    def __init__(self, own: np.ndarray, other: np.ndarray):
        self.ceiling = float(own.max())
        self.order = np.lexsort((np.arange(len(own)), -own, -other))
        self.own_sorted = own[self.order]

    def pick(self, target: float) -> int:
        return int(self.order[np.argmax(self.own_sorted >= target - EPS)])


def clock(step: int, n_steps: int) -> float:
    # t runs 0 .. 1 over the offers, in both: NegMAS's own relative_time is
    # (step + 1) / (n_steps + 1) and would never reach 1 (the reservation).
    return step / (n_steps - 1)


def curves(utils: np.ndarray) -> dict:
    return {PAIR[0]: Curve(utils[:, 0], utils[:, 1]), PAIR[1]: Curve(utils[:, 1], utils[:, 0])}


# Summit: the real engine on a fresh state. The real calendar has 3 talk rounds a
# day and turns the talk order each day (Russia would speak twice in a row at the
# day change), so the benchmark's copy of moscow-2020 is one day of n/2 rounds: in
# every round Turkey speaks first and Russia second, the four others say `done`.

def summit_game(problem: Problem, n_steps: int) -> Game:
    scen = problem.scenario
    cal = dataclasses.replace(scen.calendar, turns=1, summit_turn=1, talk_rounds=n_steps // 2)
    game = Game(dataclasses.replace(scen, calendar=cal))
    assert game.talk_order(1)[:2] == PAIR
    return game


def run_summit(problem: Problem, game: Game, plans: dict, n_steps: int):
    state = game.new_state()
    standing = None
    for step in range(n_steps):
        seat = PAIR[step % 2]
        side, plan = problem.sides[seat], plans[seat]
        target = concession.target(side.reservation, plan.ceiling, clock(step, n_steps), side.exponent)
        if standing is not None:
            terms = dict(state.proposals[standing].terms)
            own = problem.tables[PAIR.index(seat)]
            if utility_of(own, game.space.indices(terms)) >= target - EPS:
                state.apply(seat, accept(standing))
                return dict(state.agreements[-1].terms), step + 1, state
            offer = problem.packages[plan.pick(target)]
            events = state.apply(seat, counter(standing, PAIR, offer))
        else:
            events = state.apply(seat, propose(PAIR, problem.packages[plan.pick(target)]))
        standing = events[-1]["proposal"]
        state.apply(seat, DONE)
        while not state.is_over() and state.phase == "talks" and state.to_move()[0] not in PAIR:
            state.apply(state.to_move()[0], DONE)
    return None, n_steps, state


def summit_offers(problem: Problem, state) -> list:
    return [(p.proposer, key(dict(p.terms), problem.issues)) for p in state.proposals.values()]


if NEGMAS_ERROR is None:
    class CurveNegotiator(SAONegotiator):
        """The same rule as a NegMAS negotiator: NegMAS's PolyAspiration with
        exponent 1/e is exactly Summit's curve, 1 - t ** (1 / e), between the
        reserved value and the best utility. SAO asks it to respond to the
        standing offer and, on a rejection, to propose, in the same step."""

        def __init__(self, plan: Curve, outcomes: list, exponent: float, **kwargs):
            super().__init__(**kwargs)
            self.plan, self.outcomes = plan, outcomes
            self.aspiration = PolyAspiration(1.0, 1.0 / exponent)

        def target(self, state) -> float:
            floor = self.ufun.reserved_value
            if self.plan.ceiling <= floor:
                return floor
            share = self.aspiration.utility_at(clock(state.step, self.nmi.n_steps))
            return floor + (self.plan.ceiling - floor) * share

        def respond(self, state, source=None):
            if float(self.ufun(state.current_offer)) >= self.target(state) - EPS:
                return ResponseType.ACCEPT_OFFER
            return ResponseType.REJECT_OFFER

        def propose(self, state, dest=None):
            return self.outcomes[self.plan.pick(self.target(state))]


def run_negmas(problem: Problem, os_, ufuns, outcomes, plans: dict, n_steps: int):
    # one_offer_per_step: a step is one side's turn, as in the alternation above
    mech = SAOMechanism(outcome_space=os_, n_steps=n_steps, one_offer_per_step=True)
    for seat in PAIR:
        mech.add(CurveNegotiator(plans[seat], outcomes, problem.sides[seat].exponent, name=seat),
                 ufun=ufuns[seat])
    final = mech.run()
    agreement = None if final.agreement is None else dict(zip(problem.issues, final.agreement))
    return agreement, final.step, mech


def negmas_offers(mech) -> list:
    names = {n.id: n.name for n in mech.negotiators}
    return [(names[who], tuple(offer)) for _, who, offer in mech.extended_trace]


def rate(run, batches: int, min_batch: float = 0.25) -> tuple:
    """Negotiations/s over `batches` timed batches of equal size: (median, min, max, size)."""
    count, start = 0, time.perf_counter()
    while count < 3 or time.perf_counter() - start < 0.1:   # warm up and estimate one run
        run()
        count += 1
    size = max(1, int(min_batch * count / (time.perf_counter() - start)))
    per = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(size):
            run()
        per.append((time.perf_counter() - start) / size)
    rates = sorted(1.0 / p for p in per)
    return statistics.median(rates), rates[0], rates[-1], size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100, help="offers in the negotiation (even, >= 2)")
    parser.add_argument("--batches", type=int, default=7, help="timed batches per framework")
    args = parser.parse_args(argv)
    if NEGMAS_ERROR is not None:
        missing = importlib.util.find_spec("negmas") is None
        why = "is not installed" if missing else f"is too old ({NEGMAS_ERROR})"
        print(f"negmas {why}: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    if args.steps < 2 or args.steps % 2:
        parser.error("--steps must be an even number, at least 2")
    import negmas

    problem = build()
    print(f"NegMAS {negmas.__version__}; {SCENARIO}, {' vs '.join(PAIR)} on {', '.join(problem.issues)}")
    for side in problem.sides.values():
        print(f"  {side.seat}: reservation {side.reservation:.4f} (renormalised), exponent e = {side.exponent:.3f}")
    failed = False
    for ok, line in check(problem):
        failed |= not ok
        print(f"{'PASS' if ok else 'FAIL'} {line}")

    n = args.steps
    os_, ufuns = negmas_side(problem)
    outcomes = list(os_.enumerate())
    # each framework ranks outcomes with its own utility functions, once, as the
    # ufuns themselves are built once; the timed part is one whole negotiation
    summit_plans = curves(problem.utils)
    negmas_plans = curves(np.array([[float(ufuns[s](o)) for s in PAIR] for o in outcomes]))
    game = summit_game(problem, n)
    results = {
        "Summit": (lambda: run_summit(problem, game, summit_plans, n)),
        "NegMAS": (lambda: run_negmas(problem, os_, ufuns, outcomes, negmas_plans, n)),
    }
    found, offers = {}, {}
    for name, run in results.items():
        terms, steps, end = run()
        found[name] = terms
        offers[name] = summit_offers(problem, end) if name == "Summit" else negmas_offers(end)
        if terms is None:
            print(f"{name}: no agreement in {steps} steps")
            continue
        if name == "Summit":   # each framework scores its own agreement
            u = [utility_of(problem.tables[k], game.space.indices(terms)) for k in range(2)]
        else:
            u = [float(ufuns[s](key(terms, problem.issues))) for s in PAIR]
        print(f"{name}: agreement after {steps} of {n} steps: {_show(key(terms, problem.issues), u)}")
    same = found["Summit"] == found["NegMAS"]
    failed |= not same
    print(f"{'PASS' if same else 'FAIL'} both frameworks reach the same agreement")
    same = offers["Summit"] == offers["NegMAS"]
    failed |= not same
    distinct = len({o for _, o in offers["Summit"]})
    print(f"{'PASS' if same else 'FAIL'} both make the same {len(offers['Summit'])} offers in the same order "
          f"({distinct} distinct packages)")

    speed = {}
    for name, run in results.items():
        med, lo, hi, size = rate(run, args.batches)
        speed[name] = med
        print(f"{name}: {med:,.1f} negotiations/s (median of {args.batches} batches of {size}; "
              f"range {lo:,.1f}-{hi:,.1f})")
    print(f"throughput ratio Summit/NegMAS: {speed['Summit'] / speed['NegMAS']:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
