"""Every scene fits its window at every text size: nothing off screen, no controls on top of each other, no words
cut."""

import pygame
import pytest

from game.present.words import terms_lines
from game.ui.script import ScriptedGame

TABLE_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5)
CHECKED = {"TitleScene", "SettingsScene", "ScenarioScene", "SeatsScene", "BriefingScene", "CurtainScene",
           "TableScene", "ResolutionScene", "EndScene", "HelpScene", "SaveDialog"}


def _previews(scene):
    """The offers list shows each offer's terms on one line as a preview; the full terms are its detail."""
    if type(scene).__name__ != "TableScene" or scene.hidden:
        return set()
    return {"; ".join(terms_lines(scene.issues, p["terms"])) for p in scene.offers.offers()}


def _problems(d, where):
    d.frame()
    scene, app = d.scene, d.app
    out = []
    for w in scene.controls.widgets:
        if not app.content.contains(w.rect):
            out.append(f"{where}: '{w.key}' {tuple(w.rect)} is outside the window {tuple(app.content)}")
    focusable = [w for w in scene.controls.widgets if w.focusable]
    for k, a in enumerate(focusable):
        for b in focusable[k + 1:]:
            if a.rect.colliderect(b.rect):
                out.append(f"{where}: '{a.key}' and '{b.key}' overlap")
    allowed = {scene.help_text().split("\n")[0]} | _previews(scene)
    out += [f"{where}: cut short: {text!r}" for text in app.cut_text if text not in allowed]
    return out


HUMANS = {"moscow-2020": {"turkey": "human", "eu": "human"}, "sochi-2008": {"russia": "human", "israel": "human"}}


@pytest.mark.parametrize("scenario_id, size, text_size", [
    ("moscow-2020", (1280, 720), 0), ("moscow-2020", (1280, 720), 1), ("moscow-2020", (1280, 720), 2),
    ("moscow-2020", (1280, 720), 3), ("moscow-2020", (1920, 1080), 1), ("moscow-2020", (1920, 1080), 3),
    ("sochi-2008", (1280, 720), 1), ("sochi-2008", (1280, 720), 3)])
def test_every_scene_is_readable_at_every_text_size(make_app, private_home, scenario_id, size, text_size):
    (private_home / "settings.json").write_text(f'{{"text_size": {text_size}}}')
    d = make_app(size)
    problems, seen = [], set()

    def check(name):
        seen.add(type(d.scene).__name__)
        problems.extend(_problems(d, name))
        if name == "table":
            for key in TABLE_KEYS:
                d.key(key)
                problems.extend(_problems(d, f"table, panel {key - pygame.K_0}"))
            d.key(pygame.K_F1)
            check("help")
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_s, pygame.KMOD_CTRL)
            check("save")
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_1)

    check("title")
    d.press("settings")
    check("settings")
    d.key(pygame.K_ESCAPE)
    game = ScriptedGame(d, check)
    game.new_game(scenario_id, HUMANS[scenario_id])
    game.play_to_end()
    assert CHECKED <= seen
    assert not problems, "\n".join(problems)
