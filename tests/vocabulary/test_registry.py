"""The vocabulary as a registry: every-kind.yaml uses every registered kind and validates; every kind is
documented, reads its own fields with located errors, round-trips as plain data, and reads the same to
an AI leader as to the rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from every_kind import PATH, SEATS, fresh, public, scenario

from game.ai.objectives import SeenFacts
from game.ai.randomplay import random_action
from game.cli import main
from game.engine.world import apply_effect, holds
from game.scenario.vocabulary import CONDITIONS, EFFECTS, condition_from_data, effect_from_data

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md"
MARK = "\u00a7"


def conditions(cond):
    """A condition and every condition inside it."""
    yield cond
    for child in cond.children:
        yield from conditions(child)


def every_condition() -> list:
    s = scenario()
    tops = [o.when for seat in s.seats for o in seat.objectives] + [m.requires for m in s.moves if m.requires] + \
        [e.when for e in s.events if e.when]
    return [c for top in tops for c in conditions(top)]


def every_effect() -> list:
    s = scenario()
    return [e for m in s.moves for e in m.effects] + [e for ev in s.events for e in ev.effects] + \
        [e for i in s.issues for ob in i.obligations for e in ob.penalty]


def test_the_file_validates_from_the_command_line(capsys):
    assert main(["validate", str(PATH)]) == 0
    assert "ok: Every kind of condition and effect" in capsys.readouterr().out


def test_the_file_uses_every_registered_kind():
    assert {c.name for c in every_condition()} == set(CONDITIONS)
    assert {e.name for e in every_effect()} == set(EFFECTS)


def test_every_entry_round_trips_as_plain_data():
    for cond in every_condition():
        data = json.loads(json.dumps(cond.to_data()))
        assert condition_from_data(data) == cond
    for effect in every_effect():
        data = json.loads(json.dumps(effect.to_data()))
        assert effect_from_data(data) == effect and data["kind"] == effect.name
    with pytest.raises(ValueError, match="unknown effect 'teleport'"):
        effect_from_data({"kind": "teleport"})


def documented(section: str) -> set:
    text = DOC.read_text(encoding="utf-8")
    body = text[text.index(f"\n## {section}\n"):]
    body = body[:body.index("\n## ", 1)]
    return set(re.findall(r"^\| `(\w+)` \|", body, re.M))


def test_the_format_documents_every_registered_kind():
    assert documented("Conditions") == set(CONDITIONS)
    assert documented("Effects") == set(EFFECTS)


def placed(text: str, old: str, new: str):
    """`text` with `old` replaced by `new`, and where `new`'s § mark was (1-based line and column)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    edited = text.replace(old, new)
    before = edited[:edited.index(MARK)]
    return edited.replace(MARK, ""), before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def problems(tmp_path, capsys, text) -> list:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("registry, what, before, entry", [
    (CONDITIONS, "condition", "when: {", "agreed: {issue: crossing"),
    (EFFECTS, "effect", "- ", "stat: {seat: north, stat: military")])
def test_a_misspelt_kind_is_named_with_the_kind_meant(tmp_path, capsys, registry, what, before, entry):
    text = PATH.read_text(encoding="utf-8")
    body = entry.split(":", 1)[1]
    for name in registry:
        typo = name + name[-1]
        edited, line, col = placed(text, before + entry, f"{before}{MARK}{typo}:{body}")
        expected = f"{tmp_path / 'bad.yaml'}:{line}:{col}: "
        out = problems(tmp_path, capsys, edited)
        assert any(ln.startswith(expected) and ln.endswith(f"unknown {what} '{typo}'; did you mean '{name}'?")
                   for ln in out), (expected, name, out)


BAD_FIELDS = [
    ("broke: {seat: south}}, source", "broke: {seat: §sout}}, source", "unknown seat 'sout'; did you mean 'south'?"),
    ("trust: {from: south, to: north, add: 5, mutual: true}", "trust: {from: south, to: north, add: 5, §mutal: true}",
     "unknown key 'mutal'; did you mean 'mutual'?"),
    ("stat: {seat: north, stat: military, add: 5}", "stat: {seat: north, stat: §militray, add: 5}",
     "'militray' is not valid; did you mean 'military'?"),
    ("stat: {seat: north, stat: standing, add: 5}", "stat: {seat: north, stat: standing, add: §500}",
     "500 is out of range -100..100"),
    ("turn: {at_least: 3, at_most: 4}", "turn: {at_most: §9}", "9 is out of range 1..4"),
    ("turn: {at_least: 3, at_most: 4}", "turn: §{}", "give at_least, at_most or both"),
    ("at_most: 0}}, source", "at_most: §-1}}, source", "-1 is out of range 0..5"),
    ("agreed: {issue: toll, at_least: 1", "agreed: {issue: toll, at_least: §7", "the number 7 is not an option of "
     "issue 'toll' (0, 1, 2, 3, 4)"),
    ("happened: fishing_dropped}, source", "happened: §fishing_droped}, source",
     "unknown event 'fishing_droped'; did you mean 'fishing_dropped'?"),
    ("- open_issue: later_talks\n      - close", "- open_issue: §later_talk\n      - close",
     "unknown issue 'later_talk'; did you mean 'later_talks'?"),
    ("control: {region: strip, seat: contested}", "control: {region: strip, seat: §contest}",
     "unknown seat 'contest'; did you mean 'contested'?"),
    ("site: {site: gate, seat: north}", "site: {site: §gates, seat: north}", "unknown site 'gates'; did you mean "
     "'gate'?"),
    ("controls: {seat: north, region: strip}}, source", "controls: §{seat: north}}, source",
     "missing required key 'region'"),
    ("moved: {seat: north, move: raise_guard}}, source", "moved: {seat: north, move: §raise_gaurd}}, source",
     "unknown move 'raise_gaurd'; did you mean 'raise_guard'?"),
    ("- not: {broke: {seat: north}}", "- not: {broke: §north}", "expected a mapping, found the text 'north'"),
    ('- any: [{track: {track: tension, at_most: 0}}, {agreed: {issue: crossing, option: "yes"}}]',
     "- any: §{track: {track: tension, at_most: 0}}", "expected a list, found a mapping"),
]


@pytest.mark.parametrize("old, new, message", BAD_FIELDS, ids=[m.split(";")[0] for _, _, m in BAD_FIELDS])
def test_a_kind_reads_its_own_fields_with_located_errors(tmp_path, capsys, old, new, message):
    text = PATH.read_text(encoding="utf-8")
    edited, line, col = placed(text, old, new)
    out = problems(tmp_path, capsys, edited)
    assert any(ln.startswith(f"{tmp_path / 'bad.yaml'}:{line}:{col}: ") and ln.endswith(message) for ln in out), \
        (line, col, message, out)


def seen_facts(state, seat):
    obs = state.observation(seat)
    fired = {e["event"] for e in obs["news"] if e.get("event")}
    return SeenFacts(public(), obs, fired), obs


@pytest.mark.parametrize("seed", range(6))
def test_an_ai_leader_reads_every_condition_as_the_rules_do(seed):
    """Every move in the file is public, so what a seat sees is all a condition asks about."""
    rng = np.random.default_rng(seed)
    state = fresh(seed)
    checked = 0
    while not state.is_over():
        for seat in SEATS:
            facts, _ = seen_facts(state, seat)
            for cond in every_condition():
                assert cond.holds(facts) == holds(state, cond), (cond, state.turn)
                checked += 1
        mover = state.to_move()[int(rng.integers(len(state.to_move())))]
        state.apply(mover, random_action(state, mover, rng))
    assert checked > 100


def test_an_ai_leader_expects_each_effect_to_do_what_the_rules_do():
    state = fresh()
    for effect in every_effect():
        facts, _ = seen_facts(state, "north")
        expected = facts.after("north", "a_move", [effect])
        after = state.clone()
        apply_effect(after, effect)
        obs = after.observation("north")
        assert (expected.stats, expected.trusts, expected.tracks, expected.regions, expected.sites) == \
            (obs["stats"], obs["trust"], obs["tracks"], obs["regions"], obs["sites"]), effect
        assert expected.open == set(obs["open_issues"]), effect
