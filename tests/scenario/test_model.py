"""What parse_scenario builds: immutable objects with the values the format promises."""

from __future__ import annotations

import dataclasses
import re

import pytest
from scenario_text import edit

from game.scenario import Scenario, ScenarioError, parse_scenario

NORTH_PREFS = "weights: {crossing: 1.0}\n      values: {crossing: {no: 0.0, yes: 1.0}}"
ISSUE_END = "signatories: [north, south]\n    source: note\n"
MORE_ISSUES = ISSUE_END + """  - id: corridor_km
    name: Corridor
    kind: number
    min: 0
    max: 20
    step: 2
    unit: km
    description: How wide the corridor is.
    signatories: [north, south]
    source: note
  - id: guns
    name: Guns handed in
    kind: quantity
    max: 3
    description: How many guns each side hands in.
    signatories: [north, south]
    source: note
  - id: level
    name: Level of traffic
    kind: choice
    options: [none, some, all]
    default: some
    description: How much traffic passes.
    signatories: [north, south]
    source: note
"""
SOUTH_SEAT = "  - id: south\n"
EAST_SEAT = """  - id: east
    name: East
    leader: The East's president
    colour: "#33aa66"
    stats: {military: 40, economy: 60, domestic: 50, standing: 50}
    personality: {patience: 0.3, risk: 0.7, honesty: 0.9}
    briefing: You watch.
    preferences: {reservation: 0.1, weights: {crossing: 1.0}, values: {crossing: {no: 0.5, yes: 0.5}}}
    objectives: []
    source: note
"""




def load(text: str) -> Scenario:
    try:
        return parse_scenario(text.encode("utf-8"), "test.yaml")
    except ScenarioError as err:  # show every problem, not just that it failed
        pytest.fail(f"scenario did not load:\n{err}")


def rich_text(minimal: str, north_values: str = "corridor_km: {0: 1.0, 12: 0.3, 20: 0.0}",
              relations: str = "") -> str:
    prefs = ("weights: {crossing: 0.5, corridor_km: 0.5}\n"
             f"      values: {{crossing: {{no: 0.0, yes: 1.0}}, {north_values}}}")
    text = edit(minimal, (ISSUE_END, MORE_ISSUES), (NORTH_PREFS, prefs), (SOUTH_SEAT, EAST_SEAT + SOUTH_SEAT))
    return edit(text, ("\nbriefing:", "\n" + relations + "briefing:")) if relations else text


@pytest.fixture(scope="module")
def rich(minimal) -> Scenario:
    return load(rich_text(minimal))


def test_minimal_scenario_loads(minimal):
    s = load(minimal)
    assert s.id == "minimal" and s.version == 1
    assert s.seat_ids == ("north", "south")
    assert s.issue_ids == ("crossing",)


def test_scenario_objects_are_immutable(rich):
    targets = [
        (rich, "title"), (rich.calendar, "turns"), (rich.seats[0], "name"),
        (rich.seats[0].preferences, "reservation"), (rich.seats[0].personality, "risk"),
        (rich.issues[0], "options"), (rich.moves[0], "effects"), (rich.map, "regions"),
        (rich.map.regions[0], "control"), (rich.history, "outcome"), (rich.sources[0], "id"),
        (rich.seats[0].objectives[0], "points"), (rich.seats[0].objectives[0].when, "kind"),
    ]
    for obj, attr in targets:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, attr, None)
    # collections are tuples all the way down, so nothing can be changed in place either
    assert all(isinstance(x, tuple) for x in (rich.seats, rich.issues, rich.trust, rich.trust[0],
                                              rich.issues[0].options, rich.seats[0].stats))


def test_number_issue_builds_its_grid_of_labels(rich):
    corridor = rich.issue("corridor_km")
    assert corridor.kind == "number"
    assert corridor.options == tuple(str(v) for v in range(0, 21, 2))
    assert corridor.options[:3] == ("0", "2", "4")
    assert corridor.default == "0" and corridor.unit == "km"
    guns = rich.issue("guns")
    assert guns.options == ("0", "1", "2", "3")


def test_choice_issue_keeps_its_order_and_default(rich):
    level = rich.issue("level")
    assert level.options == ("none", "some", "all")
    assert level.default == "some"
    assert level.index("all") == 2


@pytest.mark.parametrize("spelling", ["yes", "true", "True", '"yes"', "'yes'"])
def test_yesno_options_whatever_the_yaml_spelling(minimal, spelling):
    no = {"yes": "no", "true": "false", "True": "False", '"yes"': '"no"', "'yes'": "'no'"}[spelling]
    text = edit(minimal,
                ('outcome: {crossing: "yes"}', f"outcome: {{crossing: {spelling}}}"),
                ("values: {crossing: {no: 0.0, yes: 1.0}}", f"values: {{crossing: {{{no}: 0.0, {spelling}: 1.0}}}}"),
                ('option: "yes"', f"option: {spelling}"))
    s = load(text)
    crossing = s.issue("crossing")
    assert crossing.options == ("no", "yes")
    assert crossing.default == "no"
    assert s.history.outcome == (("crossing", "yes"),)
    assert s.seat("north").preferences.value_table("crossing") == (0.0, 1.0)
    assert s.seat("north").objectives[0].when.option == "yes"


def test_the_history_says_what_became_of_every_issue(minimal):
    outcome = ('outcome:\n    crossing: "yes"\n'
               '    corridor_km: {settled: verbal, option: 6, note: Promised in words.}\n'
               '    guns: {settled: earlier, option: 2, note: Handed in under last year\'s deal.}\n'
               '    level: {settled: open, note: Never discussed.}')
    s = load(edit(rich_text(minimal), ('outcome: {crossing: "yes"}', outcome)))
    told = {e.issue: (e.settled, e.option, e.note) for e in s.history.entries}
    assert told == {"crossing": ("agreed", "yes", ""), "corridor_km": ("verbal", "6", "Promised in words."),
                    "guns": ("earlier", "2", "Handed in under last year's deal."),
                    "level": ("open", "", "Never discussed.")}
    assert [e.issue for e in s.history.entries] == list(s.issue_ids)
    assert s.history.outcome == (("crossing", "yes"),)          # only what the summit agreed
    assert [e.settled.counted for e in s.history.entries] == [True, False, False, True]


def test_an_issue_the_history_leaves_out_was_left_open(rich):
    # never a silent fall-back to the issue's default (here 'some'), which would claim the summit chose it
    level = rich.history.entry("level")
    assert level.settled == "open" and level.option == ""


def test_number_values_are_interpolated_between_points(rich):
    table = rich.seat("north").preferences.value_table("corridor_km")
    assert len(table) == 11  # one value per grid point 0, 2, ..., 20
    expected = [1.0 - 0.7 * km / 12 if km <= 12 else 0.3 - 0.3 * (km - 12) / 8 for km in range(0, 21, 2)]
    assert table == pytest.approx(expected, abs=1e-6)
    assert table[0] == 1.0 and table[6] == pytest.approx(0.3) and table[10] == 0.0


def test_number_values_are_clamped_beyond_the_end_points(minimal):
    s = load(rich_text(minimal, north_values="corridor_km: {4: 0.8, 10: 0.2}"))
    table = s.seat("north").preferences.value_table("corridor_km")
    assert table[:3] == pytest.approx([0.8, 0.8, 0.8])      # 0, 2, 4 km: the first point's value
    assert table[3:5] == pytest.approx([0.6, 0.4])          # 6, 8 km: on the line between
    assert table[5:] == pytest.approx([0.2] * 6)            # 10..20 km: the last point's value


def test_a_single_point_holds_everywhere(minimal):
    s = load(rich_text(minimal, north_values="corridor_km: {8: 0.6}"))
    assert s.seat("north").preferences.value_table("corridor_km") == pytest.approx([0.6] * 11)


def test_preferences_keep_weights_and_reservation(rich):
    prefs = rich.seat("north").preferences
    assert prefs.reservation == 0.2
    assert prefs.weight("crossing") == 0.5 and prefs.weight("corridor_km") == 0.5
    assert prefs.weight("level") == 0.0  # unlisted issues weigh nothing
    assert sum(w for _, w in prefs.weights) == pytest.approx(1.0)


def test_trust_matrix_is_symmetric_with_100_on_the_diagonal(minimal):
    relations = ("relations:\n  default: 40\n  pairs:\n"
                 "    - {between: [north, south], trust: 20, source: note}\n"
                 "    - {between: [south, east], trust: 75, source: note}\n")
    s = load(rich_text(minimal, relations=relations))
    ids = s.seat_ids
    assert set(ids) == {"north", "east", "south"}
    n = len(ids)
    trust = {(a, b): s.trust[i][j] for i, a in enumerate(ids) for j, b in enumerate(ids)}
    assert len(s.trust) == n and all(len(row) == n for row in s.trust)
    for a in ids:
        assert trust[a, a] == 100
        for b in ids:
            assert trust[a, b] == trust[b, a]
    assert trust["north", "south"] == 20
    assert trust["east", "south"] == 75   # the pair was written [south, east]
    assert trust["north", "east"] == 40   # no pair: the default


def test_trust_without_relations_is_50(minimal):
    s = load(minimal)
    assert s.trust == ((100, 50), (50, 100))


def test_content_hash_follows_content_not_layout(minimal):
    base = load(minimal).content_hash
    assert re.fullmatch(r"[0-9a-f]{64}", base)
    assert load(minimal).content_hash == base  # stable
    commented = "# a comment at the top\n\n" + minimal.replace("\nmoves:\n", "\n# moves follow\nmoves:   \n\n")
    spaced = minimal.replace("title: A border crossing", "title:     A border crossing    # trailing")
    reflowed = minimal.replace("{military: 50, economy: 50, domestic: 50, standing: 50}",
                               "\n      military: 50\n      economy: 50\n      domestic: 50\n      standing: 50", 1)
    for variant in (commented, spaced, reflowed):
        assert variant != minimal
        assert load(variant).content_hash == base
    changed_title = minimal.replace("title: A border crossing", "title: A bridge")
    changed_number = minimal.replace("points: 10", "points: 11")
    for variant in (changed_title, changed_number):
        assert load(variant).content_hash != base


def test_equal_content_compares_equal_whatever_the_hash(minimal):
    # content_hash is excluded from equality; two loads of one file are equal
    assert load(minimal) == load("# comment\n" + minimal)
