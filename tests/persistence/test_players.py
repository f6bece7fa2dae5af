"""Players at one computer: each named player's saves are kept apart, and a name that cannot be a folder is refused."""

import pytest

from game.catalog import load_scenario
from game.engine import Game
from game.persistence import SaveError, SaveStore


def test_each_player_sees_only_their_own_saves(tmp_path):
    state = Game(load_scenario("moscow-2020"), 1).new_state()
    unnamed, ali, ben = SaveStore(tmp_path), SaveStore(tmp_path, "Ali"), SaveStore(tmp_path).for_player("Ben")
    ali.autosave(state)
    ali.save(state, "before the summit")
    assert [p.name for p in ali.autosaves()] == ["moscow-2020-turn-01.json"]
    assert [p.stem for p in ali.named()] == ["before the summit"]
    assert not ben.autosaves() and not ben.named() and not unnamed.autosaves()
    assert not [p for p in unnamed.named() if p.suffix == ".json"], "a player's folder is not a save"
    assert SaveStore(tmp_path, "ALI").autosaves() == ali.autosaves(), "a name is the same whatever its case"
    assert SaveStore(tmp_path, "  Ali  ").player == "Ali"


@pytest.mark.parametrize("name", ["../Ali", "Ali/Ben", ".hidden", "x" * 41, "Ali."])
def test_a_name_that_cannot_be_a_folder_is_refused(tmp_path, name):
    with pytest.raises(SaveError, match="player's name"):
        SaveStore(tmp_path, name)
