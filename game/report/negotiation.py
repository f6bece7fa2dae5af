"""The negotiation's story: every offer, answer and statement issue by issue, what each seat's offers
were worth to itself over time, and what happened in the field day by day."""

from __future__ import annotations

from game.engine.kinds import EventKind, Phase
from game.present import debrief
from game.present.table import Words, news_item
from game.present.worth import worth

from .story import Story

ANSWERS = (EventKind.ACCEPT, EventKind.REJECT, EventKind.WITHDRAW, EventKind.EXPIRED)
TONES = {"offer": "text", "counter": "text", "accept": "good", "reject": "bad", "withdraw": "muted",
         "expired": "muted", "signed": "good", "statement": "accent", "breach": "bad", "reversal": "bad",
         "ask": "muted"}


def _row(step, seat, kind, text, detail="", by=""):
    return {"when": debrief.when(step.turn, step.round, step.phase), "turn": step.turn, "round": step.round,
            "seat": seat, "kind": kind, "text": text, "detail": detail, "tone": TONES[kind], "by": by}


def issue_timelines(w: Words, story: Story, proposals: list, agreements: list) -> list:
    """For each issue, in order: every offer and counter touching it, every answer to them (with the
    reason given), what was signed, said in public, broken or asked of an AI leader."""
    by_id = {p["id"]: p for p in proposals}
    agreement_of = {a["id"]: a for a in agreements}
    rows: dict[str, list] = {i: [] for i in w.issues}
    asks = sorted(story.asks, key=lambda a: (a.turn, a.round))
    for step in story.steps:
        by = debrief.chosen_by(step.by)
        for e in step.events:
            kind = e["kind"]
            if kind == EventKind.PROPOSAL:
                p = by_id[e["proposal"]]
                for issue in p["terms"]:
                    rows[issue].append(_row(step, p["proposer"], "counter" if p["counter_to"] else "offer",
                                            debrief.offer_row(w, proposals, p, issue),
                                            _quote(w, p["note"], issue), by))
            elif kind in ANSWERS:
                p = by_id[e["proposal"]]
                seat = e["seat"] if kind != EventKind.EXPIRED else p["proposer"]
                reason = e.get("reason", "") if kind == EventKind.REJECT else ""
                for issue in p["terms"]:
                    rows[issue].append(_row(step, seat, str(kind),
                                            debrief.answer_row(w, proposals, str(kind), seat, p, issue),
                                            _quote(w, reason, issue), by))
            elif kind == EventKind.AGREEMENT:
                a = agreement_of[e["agreement"]]
                for issue in a["terms"]:
                    rows[issue].append(_row(step, a["parties"][0], "signed", debrief.signed_row(w, a, issue)))
            elif kind == EventKind.STATEMENT:
                rows[e["issue"]].append(_row(step, e["seat"], "statement",
                                             debrief.statement_row(w, e["seat"], e["issue"], e["option"]), by=by))
            elif kind == EventKind.BREACH:
                for issue in e.get("issues", [e["issue"]]):
                    rows[issue].append(_row(step, e["seat"], "breach",
                                            debrief.breach_row(w, e["seat"], e["move"], step.turn)))
            elif kind == EventKind.REVERSAL:
                rows[e["issue"]].append(_row(step, e["seat"], "reversal", debrief.reversal_row(w, e["seat"])))
    for ask in asks:
        for issue, option in ask.terms.items():
            if issue in rows:
                fake = _AskStep(ask.turn, ask.round)
                rows[issue].append(_row(fake, ask.asker, "ask", debrief.ask_row(w, ask.asker, ask.seat, issue, option),
                                        by="a person"))
    out = []
    for issue_id, issue in w.issues.items():
        items = sorted(rows[issue_id], key=lambda r: (r["turn"], r["round"] or 99))
        out.append({"id": issue_id, "name": issue["name"], "rows": items})
    return out


def _quote(w: Words, text: str, issue_id: str) -> str:
    """What was said with an offer or a refusal, under each issue it speaks of: a reason that names issues
    (as the AI leaders' do) is shown under those; one that names none, under every issue of the package."""
    if not text:
        return ""
    named = [i for i, issue in w.issues.items() if issue["name"] in text]
    return f"\u201c{text}\u201d" if not named or issue_id in named else ""


class _AskStep:
    """Where an ask sits in the timeline: asked during a talks round."""

    def __init__(self, turn, round_):
        self.turn, self.round, self.phase = turn, round_, Phase.TALKS


def concessions(public: dict, story: Story, proposals: list, private: dict) -> dict:
    """For each seat: the worth to itself (its own preferences, with what was in force at the time) of every
    package it offered, accepted or signed, in order, and its walk-away value."""
    by_id = {p["id"]: p for p in proposals}
    rounds = public["calendar"]["talk_rounds"]
    out = {s["id"]: {"walk": private[s["id"]]["preferences"]["reservation"], "points": []} for s in public["seats"]}
    for step in story.steps:
        x = step.turn + ((step.round or rounds + 1) - 1) / (rounds + 1)
        for e in step.events:
            kind = e["kind"]
            if kind == EventKind.PROPOSAL:
                p = by_id[e["proposal"]]
                _point(out, public, private, p["proposer"], x, step, "offered", p, step.settled)
            elif kind == EventKind.ACCEPT:
                p = by_id[e["proposal"]]
                _point(out, public, private, e["seat"], x, step, "accepted", p, step.settled)
    return out


def _point(out, public, private, seat, x, step, kind, p, settled):
    value = worth(private[seat]["preferences"], public["issues"], settled, p["terms"])
    # Offers to the same partners are one thread of the negotiation: the chart joins them.
    partners = [s for s in p["parties"] if s != seat]
    out[seat]["points"].append({"x": round(x, 4), "turn": step.turn, "round": step.round, "kind": kind,
                                "worth": round(value, 4), "proposal": p["id"], "with": partners})


def field_days(w: Words, events: list) -> list:
    """Day by day: the news everyone read and every move made, secret ones included."""
    days: dict = {}
    for e in events:
        kind = e["kind"]
        entry = days.setdefault(e["turn"], {"news": [], "moves": []})
        if kind == EventKind.NEWS:
            item = news_item(w, e)
            if item is not None:
                entry["news"].append({"title": item["title"], "source": item["source"]})
        elif kind == EventKind.MOVE:
            entry["moves"].append(debrief.move_row(w, e["seat"], e["move"]))
    return [{"heading": debrief.day_heading(w, turn), **days[turn]} for turn in sorted(days)]
