"""Names in sentences: an issue's name inside a sentence is quoted, and no verb has to agree with a seat's name.

Issue names are titles ('Where the front line runs', 'Turkey's border with Greece') that run into the words
around them unless quoted; a name heading a line as its label ('Ceasefire in Idlib: full') is written bare.
Seat names may be plural or a pair ('EU and Greece', 'United States and NATO'): what a seat did is told in the
past tense or without a verb, never 'EU and Greece rejects'.
"""

from __future__ import annotations

import re

import pytest

from game.ai.randomplay import play_random
from game.catalog import load_scenario
from game.engine import public_info
from game.match import Match
from game.present.debrief import answer_row, offer_row
from game.present.table import Words, action_line, breach_line, news_item, offer_label, statement_line

OPEN, CLOSE = "\u201c", "\u201d"
PRESENT_TENSE = ("accepts", "rejects", "refuses", "withdraws", "proposes", "counters", "offers", "breaks", "states",
                 "backs", "says", "signs", "asks", "holds", "takes", "is", "has")


def _games(scenario):
    ai = Match(scenario, 3, {s: "normal" for s in scenario.seat_ids})
    ai.run()
    return [ai.state] + [play_random(scenario, seed) for seed in (1, 2)]


def _texts(scenario, state) -> list:
    """Everything the rules, the table and the AI leaders said in one game, as every seat reads it (news the
    scenario's author wrote is the author's)."""
    public = public_info(scenario)
    ours = [e for e in state.events if e["kind"] != "news"]
    texts = [e["text"] for e in ours]
    texts += [t for p in state.proposals.values() for t in (p.reason, p.note) if t]
    for seat in scenario.seat_ids:
        w = Words(public, seat)
        obs = state.observation(seat)
        texts += [statement_line(w, s) for s in obs["statements"]]
        texts += [breach_line(w, b) for b in obs["breaches"]]
        texts += [offer_label(w, obs["proposals"], p["id"]) for p in obs["proposals"]]
        texts += [item["title"] for item in (news_item(w, e) for e in obs["news"] if e["kind"] != "news") if item]
        for p in obs["proposals"]:
            issue = next(iter(p["terms"]))
            texts.append(offer_row(w, obs["proposals"], p, issue))
            texts += [answer_row(w, obs["proposals"], kind, seat, p, issue)
                      for kind in ("accept", "reject", "withdraw")]
    texts += [action_line(Words(public, seat), action) for seat, action in state.log]
    return texts


def _bare_issue_names(text: str, names: list) -> list:
    """Issue names in `text` that are neither quoted nor a label (at the start, or after ': ' or '; ', and
    followed by ':')."""
    bare = []
    for name in names:
        for found in re.finditer(re.escape(name), text):
            start, end = found.span()
            quoted = text[start - 1:start] == OPEN and text[end:end + 1] == CLOSE
            label = (start == 0 or text[:start].endswith((": ", "; "))) and text[end:end + 1] == ":"
            if not (quoted or label):
                bare.append(name)
    return bare


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_issue_names_inside_sentences_are_quoted_and_labels_are_bare(scenario_id):
    scenario = load_scenario(scenario_id)
    names = sorted((i.name for i in scenario.issues), key=len, reverse=True)
    seen = 0
    for state in _games(scenario):
        for text in _texts(scenario, state):
            assert not _bare_issue_names(text, names), text
            seen += any(OPEN + n + CLOSE in text for n in names)
    assert seen > 20, "the games named issues inside sentences"


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_no_verb_has_to_agree_with_a_seats_name(scenario_id):
    scenario = load_scenario(scenario_id)
    verbs = re.compile(r"^(" + "|".join(PRESENT_TENSE) + r")\b")
    told = 0
    for state in _games(scenario):
        for text in _texts(scenario, state):
            for seat in scenario.seats:
                for found in re.finditer(re.escape(seat.name) + " ", text):
                    after = text[found.end():]
                    assert not verbs.match(after), f"{seat.name} {after.split()[0]}: {text}"
                    told += 1
    assert told > 50
