"""Leaders sign only terms that change something, and leave an issue unsigned when no deal on it is
better for one side than any deal the other could make worth its while, saying so when asked."""

import pytest

from game.catalog import load_scenario
from game.match import Match
from game.scenario import parse_scenario

LEVELS = ["easy", "normal", "hard"]

# Two neighbours: opening the crossing serves both; a toll would serve the North less than it costs
# the South, so no package with the toll leaves the South better off than the crossing alone.
CROSSING = """
format: 1
id: crossing
version: 1
title: A crossing and a toll
date: 2020-01-03
summary: Two neighbours argue over a crossing and a toll on it.
sources:
  - {id: note, title: An invented example, date: 2020-01-01}
calendar: {turns: 3, turn_unit: day, start_date: 2020-01-01, summit_turn: 3, talk_rounds: 2}
seats:
  - id: north
    name: North
    leader: The North's president
    colour: "#3366cc"
    stats: {military: 50, economy: 50, domestic: 50, standing: 50}
    personality: {patience: 0.6, risk: 0.5, honesty: 0.5}
    briefing: You want the crossing open, and a toll on it would be welcome.
    preferences:
      reservation: 0.2
      weights: {crossing: 0.8, toll: 0.2}
      values: {crossing: {"no": 0.0, "yes": 1.0}, toll: {"no": 0.0, "yes": 1.0}}
    objectives: []
    source: note
  - id: south
    name: South
    leader: The South's president
    colour: "#cc6633"
    stats: {military: 50, economy: 50, domestic: 50, standing: 50}
    personality: {patience: 0.4, risk: 0.5, honesty: 0.5}
    briefing: You can live with an open crossing; a toll on your traders you cannot.
    preferences:
      reservation: 0.3
      weights: {crossing: 0.7, toll: 0.3}
      values: {crossing: {"no": 0.4, "yes": 0.7}, toll: {"no": 1.0, "yes": 0.0}}
    objectives: []
    source: note
issues:
  - id: crossing
    name: Open the crossing
    kind: yesno
    description: Whether the crossing opens to traffic.
    signatories: [north, south]
    source: note
  - id: toll
    name: Toll at the crossing
    kind: yesno
    description: Whether the North levies a toll on traffic through the crossing.
    signatories: [north, south]
    source: note
moves: []
map:
  bounds: [0, 0, 2, 2]
  regions:
    - {id: north_land, name: North, control: north, polygon: [[0, 1], [2, 1], [2, 2], [0, 2]], source: note}
    - {id: south_land, name: South, control: south, polygon: [[0, 0], [2, 0], [2, 1], [0, 1]], source: note}
  sites:
    - {id: gate, name: The crossing, kind: crossing, at: [1, 1], region: north_land, control: north, source: note}
briefing: Two neighbours meet to talk about a crossing.
history:
  date: 2020-01-03
  summary: They opened it, with no toll.
  parties: [north, south]
  outcome: {crossing: "yes", toll: "no"}
  source: note
"""


def _agreements(scenario, seed, level):
    match = Match(scenario, seed, {s: level for s in scenario.seat_ids})
    match.run()
    return match.state.agreements


@pytest.mark.parametrize("level", LEVELS)
def test_a_side_deal_that_costs_one_side_more_than_it_gives_the_other_is_left_unsigned(level):
    scenario = parse_scenario(CROSSING.encode("utf-8"), "crossing.yaml")
    signed = [dict(a.terms) for seed in range(6) for a in _agreements(scenario, seed, level)]
    assert any(terms.get("crossing") == "yes" for terms in signed), "the deal both gain from is signed"
    assert not any("toll" in terms for terms in signed), signed


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
@pytest.mark.parametrize("level", LEVELS)
def test_leaders_sign_no_term_that_changes_nothing(scenario_id, level):
    """Every term of every agreement moves its issue off what was in force (the option signed before,
    or the default of an issue left unsigned), or binds a seat: the rest is left unsigned."""
    scenario = load_scenario(scenario_id)
    terms_seen = 0
    for seed in range(3):
        in_force = {}
        for agreement in _agreements(scenario, seed, level):
            for issue_id, option in agreement.terms:
                issue = scenario.issue(issue_id)
                binds = any(option in ob.options for ob in issue.obligations)
                assert option != in_force.get(issue_id, issue.default) or binds, (seed, dict(agreement.terms))
                in_force[issue_id] = option
                terms_seen += 1
    assert terms_seen > 0


def test_asked_about_a_deal_no_deal_beats_the_leader_says_so_and_refuses_it_with_that_reason():
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 3, {s: ("human" if s == "turkey" else "normal") for s in scenario.seat_ids})
    match.step_ai()
    wanted, said = match.ask("us_nato", "turkey", {"patriot_batteries": "1"})
    assert wanted is None
    assert said.startswith("Washington is better off with no deal on \u201cUS Patriot batteries for Turkey\u201d"), said
    match.act("turkey", {"type": "propose", "parties": ["turkey", "us_nato"], "terms": {"patriot_batteries": "1"}})
    match.act("turkey", {"type": "done"})
    match.step_ai()
    answers = [e for e in match.state.events if e["seat"] == "us_nato" and e["kind"] in ("accept", "reject")]
    assert [e["kind"] for e in answers] == ["reject"]
    assert answers[0]["reason"] == said
