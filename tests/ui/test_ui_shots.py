"""python main.py shots renders every scene of a scripted game at both supported sizes."""

import pytest

from game.commands import shots


class Args:
    def __init__(self, out, size, text_size="normal"):
        self.out, self.size, self.scenario, self.text_size = str(out), size, shots.SCENARIO, text_size


@pytest.mark.parametrize("size, text_size", [("1280x720", "normal"), ("1920x1080", "normal"), ("1280x720", "Largest")])
def test_shots_draw_every_scene(tmp_path, size, text_size):
    assert shots.run(Args(tmp_path, size, text_size)) == 0
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(names) == len(shots.SCENES)
    assert all(any(n.endswith(f"-{scene}.png") for n in names) for scene in shots.SCENES)


def test_a_bad_size_is_refused(tmp_path, capsys):
    assert shots.run(Args(tmp_path, "huge")) == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err


def test_an_unknown_text_size_is_refused_with_the_choices(tmp_path, capsys):
    assert shots.run(Args(tmp_path, "1280x720", "huge")) == 2
    assert "small, normal, large, largest" in capsys.readouterr().err
