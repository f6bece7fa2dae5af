"""The table in words, for one seat: the day, offers, deals, moves, seats and news.

Each function takes the public scenario (`public_info`), the seat's observation and the seat,
and returns plain data with every sentence already written; a `tone` (good, bad, accent,
muted) says how a face may mark it, never what it means. The desktop panels, the browser
client and the reports read these, so a package, an effect or a reason reads the same on
every screen.
"""

from __future__ import annotations

from functools import cached_property

from game.engine.kinds import HOLD, ActionType, EventKind, Phase, ProposalStatus
from game.scenario.vocabulary import Names, condition_from_data
from game.scenario.wording import sentence

from .words import (
    day_date,
    day_iso,
    effect_text,
    issue_named,
    option_text,
    seat_names,
    source_lines,
    source_text,
    terms_lines,
)

STATUS = {ProposalStatus.OPEN: "open", ProposalStatus.SIGNED: "signed", ProposalStatus.REJECTED: "rejected",
          ProposalStatus.COUNTERED: "countered", ProposalStatus.WITHDRAWN: "withdrawn",
          ProposalStatus.EXPIRED: "expired", ProposalStatus.VOID: "overtaken"}
TABLE_SOURCE = "At the table"
HIDDEN_NEWS = (EventKind.PHASE,)


class Words:
    """What every wording here needs from the public scenario, looked up once."""

    def __init__(self, public: dict, viewer: str | None):
        self.public = public
        self.viewer = viewer
        self.names = seat_names(public)
        self.issues = {i["id"]: i for i in public["issues"]}
        self.moves = {m["id"]: m for m in public["moves"]}

    @cached_property
    def naming(self) -> Names:
        """The names effects and conditions are worded with, as the news words them."""
        return Names.of_public(self.public)

    def name(self, seat: str) -> str:
        return self.names.get(seat, seat)

    def you_or(self, seat: str) -> str:
        return "you" if seat == self.viewer else self.name(seat)


# -- the day ------------------------------------------------------------------------------

def day_lines(w: Words, obs: dict) -> list:
    """The day, longest wording first."""
    left = obs["summit_turn"] - obs["turn"]
    when = "the summit is today" if left == 0 else f"{left} day{'s' if left > 1 else ''} to the summit"
    date = day_date(w.public["calendar"]["start_date"], obs["turn"])
    day = f"Day {obs['turn']} of {obs['turns']}"
    return [f"{day} \u00b7 {date} \u00b7 {when}", f"{day} \u00b7 {date}", day]


def phase_lines(obs: dict) -> list:
    if obs["phase"] == Phase.TALKS:
        rounds = f"{obs['round']} of {obs['talk_rounds']}"
        return [f"Talks \u00b7 round {rounds}", f"Round {rounds}"]
    if obs["phase"] == Phase.MOVES:
        return ["Moves: each seat chooses in secret", "Moves, in secret", "Moves"]
    return ["The summit is over"]


def waiting_text(w: Words, obs: dict) -> str:
    if obs["phase"] == Phase.OVER:
        return ""
    if w.viewer in obs["to_move"]:
        return "Your move."
    return "Waiting for " + ", ".join(w.name(s) for s in obs["to_move"]) + "\u2026"


# -- offers -------------------------------------------------------------------------------

def needs_answer(w: Words, p: dict) -> bool:
    return p["status"] == ProposalStatus.OPEN and w.viewer in p["parties"] and w.viewer not in p["accepted"]


def offer_order(w: Words, proposals: list) -> list:
    """Open offers waiting for the viewer first, then its own open ones, then the rest, newest first."""
    newest = {p["id"]: -i for i, p in enumerate(proposals)}

    def rank(p):
        is_open = p["status"] == ProposalStatus.OPEN
        mine = is_open and p["proposer"] == w.viewer
        return (0 if needs_answer(w, p) else 1 if mine else 2 if is_open else 3, newest[p["id"]])
    return sorted(proposals, key=rank)


def offer_label(w: Words, proposals: list, pid: str, covers: bool = True) -> str:
    """Ids are opaque; a player knows an offer by whose it was, when, and what it covered."""
    p = next((q for q in proposals if q["id"] == pid), None)
    if p is None:
        return "an earlier offer"
    whose = "your" if p["proposer"] == w.viewer else f"{w.name(p['proposer'])}'s"
    if not covers:
        return f"{whose} day {p['turn']} offer"
    return f"{whose} day {p['turn']} offer on {', '.join(issue_named(w.issues[i]['name']) for i in p['terms'])}"


def counter_gone(w: Words, proposals: list, pid: str) -> str:
    """What a package being built as a counter-offer says once the offer it answers can no longer be countered
    (signed, refused, lapsed, or accepted by the viewer): the terms stay, as an offer of the viewer's own."""
    p = next((q for q in proposals if q["id"] == pid), None)
    keep = "your package stays, as a new offer of your own."
    if p is None:
        return f"The offer you were countering is no longer open: {keep}"
    label = offer_label(w, proposals, pid, covers=False)
    if p["status"] == ProposalStatus.OPEN and w.viewer in p["accepted"]:
        return f"You have accepted {label}: {keep}"
    return f"{label[0].upper()}{label[1:]} is {STATUS.get(p['status'], p['status'])}: {keep}"


def can_counter(w: Words, proposals: list, pid: str) -> bool:
    """Whether the viewer may still counter this offer: it is open and the viewer has not accepted it."""
    p = next((q for q in proposals if q["id"] == pid), None)
    return p is not None and p["status"] == ProposalStatus.OPEN and w.viewer not in p["accepted"]


def offer_status(w: Words, p: dict) -> str:
    return "answer needed" if needs_answer(w, p) else STATUS.get(p["status"], p["status"])


def offer_headline(w: Words, p: dict, codes: dict | None = None) -> str:
    to = ", ".join("you" if s == w.viewer else (codes or w.names).get(s, s)
                   for s in p["parties"] if s != p["proposer"])
    return f"Day {p['turn']} \u00b7 to {to} \u00b7 {offer_status(w, p)}"


def offer_card(w: Words, proposals: list, p: dict) -> dict:
    """One offer in full: who, to whom, the terms, what was said, and where it stands."""
    signed = ", ".join(w.name(s) for s in p["accepted"]) or "nobody yet"
    lines = []
    if p["note"]:
        who = "You say" if p["proposer"] == w.viewer else "They say"
        lines.append(("good", f"{who}: \u201c{p['note']}\u201d"))
    if p["reason"]:
        lines.append(("bad", f"Reason given: \u201c{p['reason']}\u201d"))
    if p["counter_to"]:
        lines.append(("muted", f"A counter-offer to {offer_label(w, proposals, p['counter_to'])}."))
    return {
        "id": p["id"], "from": p["proposer"], "label": offer_label(w, proposals, p["id"]),
        "headline": f"From {w.you_or(p['proposer'])}: {offer_headline(w, p)}",
        "status": offer_status(w, p), "needs_answer": needs_answer(w, p), "mine": p["proposer"] == w.viewer,
        "open": p["status"] == ProposalStatus.OPEN,
        "accepted_line": f"Accepted so far: {signed} \u00b7 open until day {p['expires']}"
                         + (" \u00b7 public" if p["public"] else ""),
        "terms": terms_lines(w.issues, p["terms"]), "notes": [{"tone": t, "text": x} for t, x in lines],
        "parties": list(p["parties"]), "terms_raw": dict(p["terms"]),
        "counterable": can_counter(w, proposals, p["id"]), "counter_gone": counter_gone(w, proposals, p["id"]),
    }


def lapse_warning(w: Words, space: dict, parties, expires: int, turn: int) -> str:
    """What to say before an offer is sent that some of its parties cannot answer before it lapses."""
    if expires and expires > turn:
        return ""
    late = [p for p in parties if p != w.viewer and p not in space.get("speak_again_today", [])]
    if not late:
        return ""
    names = ", ".join(w.name(p) for p in late)
    return (f"{names} will not speak again today: open only today, the offer lapses unanswered. "
            "Keep it open until tomorrow.")


def ask_words(w: Words, seat: str, left: int) -> dict:
    """What a "what would they want?" button for an AI leader says: how many questions it still takes today."""
    name = w.name(seat)
    if left <= 0:
        return {"left": 0, "label": f"What would {name} want?",
                "note": f"{name} will not be asked again today: make an offer, or ask tomorrow."}
    more = "one more question" if left == 1 else f"{left} more questions"
    return {"left": left, "label": f"What would {name} want?", "note": f"You may ask {name} {more} today."}


def wait_reason(w: Words, obs: dict) -> str:
    """Why the viewer cannot speak now."""
    if obs["phase"] != Phase.TALKS:
        return "today's talks are over"
    if w.viewer not in obs["to_move"]:
        return f"it is {', '.join(w.name(s) for s in obs['to_move'])}'s turn to speak"
    return "you have made this round's proposals; end your round"


def why_not_answer(w: Words, obs: dict, p: dict) -> str:
    if w.viewer not in p["parties"]:
        return "it is between " + ", ".join(w.name(s) for s in p["parties"])
    if p["status"] != ProposalStatus.OPEN:
        return f"it is {STATUS.get(p['status'], p['status'])}"
    if w.viewer in p["accepted"]:
        return "you have accepted it; it is signed once the others do"
    return wait_reason(w, obs)


# -- deals ---------------------------------------------------------------------------------

def agreement_card(w: Words, agreement: dict) -> dict:
    """One agreement in full: who signed, the terms, and what it binds each side to."""
    names = ", ".join(w.name(s) for s in agreement["parties"])
    live = agreement["live"]
    status = "in force" if len(live) == len(agreement["terms"]) else \
        ("partly overtaken by a later agreement" if live else "overtaken by a later agreement")
    binds = []
    for ob in agreement["obligations"]:
        bound = ", ".join(w.name(s) for s in ob["seats"])
        forbids = ", ".join(w.moves[m]["name"] if m in w.moves else m for m in ob["forbids"])
        still = "" if ob["issue"] in live else " (no longer binding)"
        binds.append(f"binds {bound}: {sentence(ob['text'])} No more: {forbids}.{still}")
    return {"id": agreement["id"], "title": f"Signed on day {agreement['turn']} by {names} \u00b7 {status}",
            "terms": terms_lines(w.issues, agreement["terms"]), "binds": binds, "in_force": bool(live)}


def public_stand(issue: dict, option: str) -> str:
    """A statement's content: 'public stand on “Where the front line runs”: partial pullback' (an issue's
    name is not a noun its value could complete: 'Where the front line runs must be partial pullback')."""
    return f"public stand on {issue_named(issue['name'])}: {option_text(issue, option)}"


def statement_line(w: Words, st: dict) -> str:
    return f"Day {st['turn']} \u00b7 {w.name(st['seat'])}'s {public_stand(w.issues[st['issue']], st['option'])}"


def breach_line(w: Words, b: dict) -> str:
    move = w.moves.get(b["move"], {}).get("name", b["move"])
    issues = ", ".join(issue_named(w.issues[i]["name"]) for i in b.get("issues", [b.get("issue")]) if i in w.issues)
    return f"\u2717 Day {b['turn']} \u00b7 {w.name(b['seat'])} broke the agreement on {issues} with \u201c{move}\u201d"


# -- moves ----------------------------------------------------------------------------------

def hold_move() -> dict:
    return {"id": HOLD, "name": "Hold: make no move", "kind": "hold", "public": True,
            "description": "Do nothing in the field today; let the talks speak.", "effects": []}


def breaks(w: Words, obs: dict, move_id: str) -> list:
    """The promises in force that bind the viewer not to make this move."""
    out = []
    for a in obs["agreements"]:
        for ob in a["obligations"]:
            if move_id in ob["forbids"] and w.viewer in ob["seats"] and ob["issue"] in a["live"]:
                out.append(f"Day {a['turn']} agreement: {ob['text']}")
    return out


def requires_text(w: Words, mv: dict) -> str:
    """When a move can be made at all, in words ('' for a move always open)."""
    cond = mv.get("requires")
    if not cond:
        return ""
    naming = Names.of_public(w.public)
    stack = [cond]
    while stack:
        c = stack.pop()
        if c["kind"] == "happened":
            naming.events[c["args"]["event"]] = c.get("title", c["args"]["event"])
        stack.extend(c["children"])

    def said(c):
        return condition_from_data(c).words(naming)

    plain, unless, once = [], [], False
    for part in cond["children"] if cond["kind"] == "all" else [cond]:
        if part["kind"] != "not":
            plain.append(said(part))
            continue
        inner = part["children"][0]
        args = inner["args"]
        if inner["kind"] == "moved" and args.get("seat") == mv["seat"] and args.get("move") == mv["id"]:
            once = True
        else:
            unless.append(said(inner))
    out = []
    if plain:
        out.append(f"Only possible when {' and '.join(plain)}.")
    if unless:
        out.append(f"Not possible once {' or '.join(unless)}.")
    if once:
        out.append("Once only.")
    return " ".join(out)


# The tag a move's kind puts under its name. A kind that says nothing the name does not, or that reads wrong
# outside its first use (Tartus opened to a navy is not an "open border"), gets none.
MOVE_TAGS = {"escalate": "escalation", "withdraw": "pull-back", "ship_arms": "arms shipment",
             "statement": "public statement", "deploy": "deployment", "strike": "strike"}


def move_card(w: Words, obs: dict, mv: dict, available: set | None) -> dict:
    broken = breaks(w, obs, mv["id"])
    ok = available is None or mv["id"] in available
    when = requires_text(w, mv)
    tags = (["breaks an agreement"] if broken else []) + ([MOVE_TAGS[mv["kind"]]] if mv["kind"] in MOVE_TAGS else []) \
        + ([] if mv["public"] else ["secret"]) + ([] if ok else ["not available now"])
    kind = " \u00b7 ".join(tags)
    return {"id": mv["id"], "name": mv["name"], "kind": kind, "description": mv["description"],
            "effects": [effect_text(e, w.naming) for e in mv["effects"]],
            "breaks": [f"\u26a0 Breaks {b} Breaking costs trust, standing and support at home." for b in broken],
            "available": available is not None and mv["id"] in available,
            "why_not": "" if ok else (f"Not available now. {when}" if when else "Not available now."),
            "requires": when}


def moves_for(w: Words, obs: dict, available: set | None) -> list:
    return [move_card(w, obs, mv, available) for mv in [hold_move()] + [m for m in w.public["moves"]
                                                                         if m["seat"] == w.viewer]]


def revealed_moves(w: Words, obs: dict) -> list:
    out = []
    for turn, seat, mid in reversed(obs["moves"]):
        what = "held" if mid == HOLD else w.moves.get(mid, {}).get("name", mid)
        out.append(f"Day {turn} \u00b7 {w.name(seat)}: {what}")
    return out


# -- news -----------------------------------------------------------------------------------

def news_item(w: Words, e: dict) -> dict | None:
    """One news event as a reader sees it (None for bookkeeping no one reads)."""
    kind = e["kind"]
    if kind in HIDDEN_NEWS or (kind == EventKind.CHOSEN and e["seat"] != w.viewer):
        return None
    item = {"n": e.get("n", 0), "turn": e["turn"], "kind": kind, "tone": "text", "title": e["text"],
            "body": "", "source": TABLE_SOURCE}
    start = w.public["calendar"]["start_date"]
    if kind == EventKind.DAY:
        item.update(tone="accent", title=f"{e['text']} \u2014 {day_date(start, e['turn'])}", source="")
    elif kind == EventKind.NEWS and e.get("source_line"):
        item.update(body=e.get("body", ""), source=e["source_line"])
    elif kind in (EventKind.NEWS, EventKind.MOVE):
        mv = w.moves.get(e.get("move"), {})
        cite, later = (e.get("source", ""), e.get("reported_later")) if kind == EventKind.NEWS else \
            (mv.get("source", ""), mv.get("reported_later"))
        shown = day_iso(start, e["turn"])
        words = source_text(w.public, cite, shown, bool(later))
        item.update(body=e.get("body", ""), source=words if kind == EventKind.NEWS else f"Field report \u00b7 {words}",
                    cite={"source": cite, "shown": shown, "later": bool(later)} if words else None,
                    source_detail=[{"label": k, "text": v}
                                   for k, v in source_lines(w.public, cite, shown, bool(later))])
    elif kind in (EventKind.BREACH, EventKind.REVERSAL):
        item.update(tone="bad", title="\u2717 " + e["text"], body="; ".join(e.get("changes", [])))
    elif kind in (EventKind.AGREEMENT, EventKind.KEPT):
        item.update(tone="good", title="\u2713 " + e["text"])
    return item


def action_line(w: Words, action: dict) -> str:
    """What a seat's member did, in a few words, for the rest of the team."""
    kind = action.get("type")
    if kind == ActionType.DONE:
        return "ended the round"
    if kind == ActionType.MOVE:
        mid = action.get("move", "")
        return "chose to hold" if mid == HOLD else f"chose {w.moves.get(mid, {}).get('name', mid)}"
    if kind == ActionType.STATEMENT:
        issue = w.issues.get(action.get("issue", ""))
        return f"took a {public_stand(issue, action.get('option', ''))}" if issue else "made a public statement"
    if kind in (ActionType.PROPOSE, ActionType.COUNTER):
        to = ", ".join(w.name(p) for p in action.get("parties", []) if p != w.viewer)
        return f"{'countered' if kind == ActionType.COUNTER else 'proposed'} to {to}: " + \
            "; ".join(terms_lines(w.issues, action.get("terms", {})))
    answers: dict[str, str] = {ActionType.ACCEPT: "accepted an offer", ActionType.REJECT: "rejected an offer",
                               ActionType.WITHDRAW: "withdrew an offer"}
    return answers.get(str(kind), str(kind))
