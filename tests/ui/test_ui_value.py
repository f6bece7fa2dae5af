"""The 'how good is this for me' bar agrees with the engine's own utility for the seat."""

from hypothesis import given, settings
from hypothesis import strategies as st

from game.catalog import load_scenario
from game.engine import Game, public_info
from game.present.worth import worth

SCENARIO = load_scenario("moscow-2020")
PUBLIC = public_info(SCENARIO)
STATE = Game(SCENARIO, 1).new_state()


@st.composite
def packages(draw):
    issues = draw(st.lists(st.sampled_from(SCENARIO.issues), unique_by=lambda i: i.id, max_size=5))
    return {i.id: draw(st.sampled_from(i.options)) for i in issues}


@settings(max_examples=60, deadline=None)
@given(seat=st.sampled_from(SCENARIO.seat_ids), terms=packages())
def test_worth_matches_the_engine(seat, terms):
    prefs = STATE.observation(seat)["private"]["preferences"]
    assert abs(worth(prefs, PUBLIC["issues"], {}, terms) - STATE.game.space.utility(seat, terms)) < 1e-5
