"""Whole games from the title screen to the end screen, by posted keyboard and mouse events only."""

import pygame
import pytest

from game import pacing
from game.catalog import load_scenario
from game.par import par_for
from game.present.debrief import par_diff
from game.present.words import signed
from game.ui.script import play

SCENARIOS = ("moscow-2020", "sochi-2008")


def _controllers(scenario_id, mode):
    seats = load_scenario(scenario_id).seat_ids
    if mode == "hot-seat":
        return {s: "human" for s in seats}
    return {s: ("human" if k == 0 else "normal") for k, s in enumerate(seats)}


def _human_actions(session, kind):
    return [a for seat, a in session.state.log if session.controllers[seat] == "human" and a["type"] == kind]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("mode", ["hot-seat", "against-ai"])
def test_a_whole_game_from_title_to_end(make_app, tmp_path, scenario_id, mode):
    d = make_app()
    controllers = _controllers(scenario_id, mode)
    game = play(d, scenario_id, controllers)
    assert d.on("EndScene")
    session = d.scene.session
    assert session.state.is_over()
    assert session.controllers == controllers
    assert _human_actions(session, "propose"), "the script composed and sent a package through the UI"
    signed_from_humans = [a for a in session.state.agreements
                          if session.controllers[session.state.proposals[a.proposal].proposer] == "human"]
    assert _human_actions(session, "accept") or signed_from_humans, "an offer was accepted"
    assert session.state.agreements
    assert "The summit is over" in d.text()
    assert {"briefing", "table", "moves", "resolution", "end"} <= game.snapped
    lively, counted = pacing.lively(session.scenario, session.state.game.seed, session.state.log, session.humans)
    assert lively >= 0.8 * counted, "the people had a decision worth points on most days after the second"
    if mode == "hot-seat":
        assert "curtain" in game.snapped
    d.shot(tmp_path / f"{scenario_id}-{mode}-end.png")


# What the end screen must say beside the table's result, for issues the summit did not simply agree.
NUANCE = {
    "moscow-2020": ["counts the 8 issues it agreed or left open",
                    "Turkey's encircled observation posts: left open at the summit",
                    "The protocol said nothing about Turkey's encircled posts"],
    "sochi-2008": ["counts the 8 issues it agreed or left open",
                   "Pantsir-S1 air-defence systems: an earlier contract, not counted",
                   "contracted before the summit: 36 systems",
                   "Assurance on the regional balance: settled only in words, not counted",
                   "said at the time: yes, nothing signed"],
}


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_end_screen_sets_the_table_beside_history(make_app, scenario_id):
    d = make_app()
    play(d, scenario_id, _controllers(scenario_id, "against-ai"))
    text = " ".join(d.text())
    assert "THE TABLE BESIDE HISTORY" in text
    assert "SECRET OBJECTIVES, NOW REVEALED" in text
    # the whole comparison, as a player scrolling it reads it
    history = " ".join(line for _, _, line in d.widget("history").lines)
    first = load_scenario(scenario_id).issues[0].name
    assert first in history
    for words in NUANCE[scenario_id]:
        assert words in history, words
    d.press("title")
    assert d.on("TitleScene")


def test_back_to_title_and_quit_by_keyboard(make_app):
    d = make_app()
    d.key(pygame.K_ESCAPE)
    assert not d.app.running


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_end_screen_headlines_how_you_did_against_par(make_app, scenario_id):
    """Seats are not compared by raw totals: the headline is the person's score against what AI leaders score in
    that seat, and every seat's row says how far above or below its own par it ended."""
    d = make_app()
    controllers = _controllers(scenario_id, "against-ai")
    play(d, scenario_id, controllers)
    scenario = load_scenario(scenario_id)
    scores = d.scene.session.state.scores()
    par = par_for(scenario)
    human = scenario.seat_ids[0]
    rating = par.rating(human, scores[human]["total"])
    shown = d.text()
    assert f"You scored {scores[human]['total']} as {scenario.seat(human).name}: " \
           f"{par_diff(rating)} \u2014 {rating['rating']}" in shown
    assert "highest score" not in " ".join(shown)
    for seat in scenario.seat_ids:
        assert signed(scores[seat]["total"] - par.par(seat)) in shown
    order = [s for s in d.scene.order]
    percentiles = [par.percentile(s, scores[s]["total"]) for s in order]
    assert percentiles == sorted(percentiles, reverse=True), "rows run from the best showing against par down"
