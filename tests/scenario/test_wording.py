"""How scenario text reads on screen: option labels everywhere an option is said, and obligations as sentences."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scenario_text import edit

from game.ai.randomplay import random_action
from game.engine import Game, public_info
from game.match import Match
from game.present.words import option_text, terms_lines
from game.scenario import ScenarioError, parse_scenario
from game.scenario.wording import join_sentences, say_option, sentence

ISSUE_END = "signatories: [north, south]\n    source: note\n"
FORCE = ISSUE_END + """    labels: {yes: Open to traffic, no: Kept shut}
  - id: force
    name: Who guards the crossing
    kind: choice
    options: [nobody, russian_mp, joint_patrol]
    labels: {russian_mp: Russian MP, joint_patrol: Joint patrols with the UN}
    description: Who stands at the gate.
    signatories: [north, south]
    source: note
"""
NORTH_PREFS = "weights: {crossing: 1.0}\n      values: {crossing: {no: 0.0, yes: 1.0}}"
SOUTH_PREFS = "weights: {crossing: 1.0}\n      values: {crossing: {no: 0.4, yes: 0.7}}"
RAW = ("russian_mp", "joint_patrol", "russian mp", "joint patrol ")


def labelled(minimal) -> str:
    return edit(minimal, (ISSUE_END, FORCE),
                (NORTH_PREFS, "weights: {crossing: 0.5, force: 0.5}\n"
                              "      values: {crossing: {no: 0.0, yes: 1.0}, "
                              "force: {nobody: 0, russian_mp: 1, joint_patrol: 0.6}}"),
                (SOUTH_PREFS, "weights: {crossing: 0.5, force: 0.5}\n"
                              "      values: {crossing: {no: 0.4, yes: 0.7}, "
                              "force: {nobody: 0.5, russian_mp: 0, joint_patrol: 1}}"))


@pytest.fixture(scope="module")
def scenario(minimal):
    return parse_scenario(labelled(minimal).encode(), "labelled.yaml")


def test_labels_are_read_in_option_order(scenario):
    assert scenario.issue("force").labels == (("russian_mp", "Russian MP"),
                                              ("joint_patrol", "Joint patrols with the UN"))
    assert scenario.issue("crossing").labels == (("no", "Kept shut"), ("yes", "Open to traffic"))
    assert public_info(scenario)["issues"][1]["labels"] == {"russian_mp": "Russian MP",
                                                            "joint_patrol": "Joint patrols with the UN"}


@pytest.mark.parametrize("old, new, message", [
    ("russian_mp: Russian MP", "russian_np: Russian MP",
     "labels.russian_np: 'russian_np' is not an option of issue 'force'"),
    ("russian_mp: Russian MP", "russian_mp: " + "R" * 41, "labels.russian_mp: text is 41 characters; the limit is 40"),
    ("russian_mp: Russian MP", 'russian_mp: "Russian\\nMP"', "labels.russian_mp: a line break cannot be in this text"),
    ("labels: {russian_mp: Russian MP, joint_patrol: Joint patrols with the UN}", "labels: [Russian MP]",
     "issues[1].labels: expected a mapping of option: label"),
])
def test_a_bad_label_is_located(minimal, old, new, message):
    with pytest.raises(ScenarioError) as err:
        parse_scenario(edit(labelled(minimal), (old, new)).encode(), "labelled.yaml")
    assert any(message in str(p) for p in err.value.problems), err.value


def test_every_news_line_and_every_answer_says_the_label_never_the_id(scenario):
    said = []
    for seed in range(6):
        match = Match(scenario, seed, {"north": "hard", "south": "normal"})
        match.run()
        said += [e["text"] for e in match.state.events]
        said += [a.get("reason", "") for _, a in match.state.log]
        state = Game(scenario, seed).new_state()
        rng = np.random.default_rng(seed)
        while not state.is_over():
            seat = state.to_move()[0]
            state.apply(seat, random_action(state, seat, rng))
        said += [e["text"] for e in state.events]
    text = "\n".join(said)
    assert "Russian MP" in text and "Joint patrols with the UN" in text and "Open to traffic" in text
    assert not [w for w in RAW if w in text], [ln for ln in said if any(w in ln for w in RAW)][:3]


def test_the_screens_say_the_label(scenario):
    issues = {i["id"]: i for i in public_info(scenario)["issues"]}
    assert option_text(issues["force"], "russian_mp") == "Russian MP"
    assert option_text(issues["force"], "nobody") == "nobody"
    assert terms_lines(issues, {"force": "joint_patrol", "crossing": "yes"}) == [
        "Open the crossing: Open to traffic", "Who guards the crossing: Joint patrols with the UN"]


@given(st.sampled_from(["choice", "number", "yesno", "quantity"]), st.text(max_size=8), st.text(max_size=12),
       st.text(min_size=1, max_size=40))
def test_a_label_always_wins(kind, unit, option, label):
    assert say_option(kind, unit, option, label) == label


@given(st.lists(st.text(alphabet="ab .!?;", min_size=1, max_size=12), max_size=5))
def test_joined_obligations_read_as_sentences(texts):
    joined = join_sentences(texts)
    assert ".." not in joined.replace("...", "") or any(".." in t for t in texts)
    assert ".;" not in joined or any(".;" in t for t in texts)
    for t in texts:
        if t.strip():
            assert sentence(t) in joined and sentence(t)[-1] in ".!?"


def test_a_breach_of_two_obligations_reads_as_two_sentences(minimal):
    text = edit(minimal, (ISSUE_END, ISSUE_END.replace("    source: note\n", """    obligations:
      - {options: ['yes'], seats: [south], forbids: [close_road], text: South keeps the road open.}
      - {options: ['yes'], seats: [south], forbids: [close_road], text: No checkpoints on the road}
    source: note
""")))
    state = Game(parse_scenario(text.encode(), "two.yaml"), 1).new_state()
    state.apply("north", {"type": "propose", "parties": ["north", "south"], "terms": {"crossing": "yes"}})
    state.apply("north", {"type": "done"})
    state.apply("south", {"type": "accept", "proposal": state.observation("south")["proposals"][0]["id"]})
    while state.phase == "talks":
        state.apply(state.to_move()[0], {"type": "done"})
    state.apply("north", {"type": "move", "move": "hold"})
    events = state.apply("south", {"type": "move", "move": "close_road"})
    breach = next(e["text"] for e in events if e["kind"] == "breach")
    assert breach.endswith(": South keeps the road open. No checkpoints on the road."), breach
    assert not re.search(r"\.;|;\s*$", breach)
