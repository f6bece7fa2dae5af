"""python main.py shots renders every scene of a scripted game at both supported sizes."""

import pytest

from game.commands import shots


class Args:
    def __init__(self, out, size):
        self.out, self.size, self.scenario = str(out), size, shots.SCENARIO


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
def test_shots_draw_every_scene(tmp_path, size):
    assert shots.run(Args(tmp_path, size)) == 0
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(names) == len(shots.SCENES)
    assert all(any(n.endswith(f"-{scene}.png") for n in names) for scene in shots.SCENES)


def test_a_bad_size_is_refused(tmp_path, capsys):
    assert shots.run(Args(tmp_path, "huge")) == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err
