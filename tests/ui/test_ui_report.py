"""The end screen's "Open the full report": the report of the game just played, written and opened."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from game.catalog import load_scenario
from game.ui.script import play


def test_the_end_screen_writes_the_games_report_and_opens_it(make_app, private_home):
    d = make_app()
    seats = load_scenario("moscow-2020").seat_ids
    play(d, "moscow-2020", {s: ("human" if s == "turkey" else "normal") for s in seats})
    assert d.on("EndScene")
    opened = []
    d.app.open_url = lambda address: opened.append(address) or True
    d.press("report")
    assert len(opened) == 1 and opened[0].startswith("file://")
    page = Path(unquote(urlparse(opened[0]).path))
    assert page.is_relative_to(private_home / "saves" / "reports")
    text = page.read_text(encoding="utf-8")
    state = d.scene.session.state
    assert "Questions for the debrief" in text and f"{len(state.log)} actions" in text
    # The person's actions are told apart from the AI leaders'.
    assert "a person" in text and "the AI leader" in text
    assert (page.parent / "data" / "actions.csv").is_file()
    assert "open in your browser" in d.app.toast_text

    d.app.open_url = lambda address: False
    d.press("report")
    assert d.app.toast_text.startswith("No browser could be started here: open file://")


def test_a_class_games_report_is_on_the_server_it_was_joined_at():
    from game.ui.remote import http_base
    assert http_base("192.168.1.5:8765") == "http://192.168.1.5:8765"
    assert http_base("http://class.local:8765/#code=ABC") == "http://class.local:8765"
    assert http_base("wss://school.example/ws") == "https://school.example"
