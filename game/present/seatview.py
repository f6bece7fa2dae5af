"""A seat's screen in words: everything the browser client shows, written here once.

`seat_view` turns a seat's observation, legal actions and proposal space into display-ready
data: headlines, cards and lines of text, and for every button the action it sends. The
browser only lays it out and sends back what the player chose.
"""

from __future__ import annotations

from game.engine.kinds import ActionType, Phase

from .debrief import PAR_NOTE, PLAYED_BY, UNRATED_NOTE, ended_early_line, history_rows, par_headlines, par_line
from .looks import seat_looks
from .table import (
    Words,
    agreement_card,
    ask_words,
    breach_line,
    counter_gone,
    day_lines,
    moves_for,
    news_item,
    offer_card,
    offer_order,
    phase_lines,
    revealed_moves,
    statement_line,
    waiting_text,
    why_not_answer,
)
from .turns import talk_order_line, talk_place
from .words import STAT_NAMES, STAT_SHORT, amount, long_date, option_text, signed, source_text
from .worth import outlook_words, stakes_words

STATS = ("military", "economy", "domestic", "standing")
CONTROLLED = PLAYED_BY


def looks_of(public: dict) -> dict:
    return {s: look.to_dict() for s, look in seat_looks(public["seats"]).items()}


def briefing_view(public: dict, seat: str, private: dict) -> dict:
    """The seat's private briefing: its situation, what it wants and how much, its secret objectives."""
    w = Words(public, seat)
    prefs = private["preferences"]
    weights = prefs["weights"]
    issues = []
    for issue in public["issues"]:
        values = prefs["values"].get(issue["id"])
        if not values or not weights.get(issue["id"]):
            continue
        issues.append({"name": issue["name"], "weight": round(weights[issue["id"]], 3),
                       "options": [{"label": option_text(issue, o), "value": round(v, 3)}
                                   for o, v in zip(issue["options"], values)]})
    issues.sort(key=lambda i: -i["weight"])
    info = next(s for s in public["seats"] if s["id"] == seat)
    return {
        "seat": seat, "name": w.name(seat), "leader": info["leader"], "title": info["title"],
        "situation": public["briefing"], "briefing": private["briefing"],
        "walk_away": round(prefs["reservation"], 3),
        "walk_away_text": f"Walking away (no deal, or escalation) is worth {prefs['reservation']:.2f} to you; "
                          "a package is only worth signing if it is worth more.",
        "issues": issues,
        "objectives": [{"text": o["text"], "points": o["points"]} for o in private["objectives"]],
        "date": long_date(public["date"]), "title_text": public["title"],
    }


def seat_view(public: dict, obs: dict, viewer: str, legal: list, space: dict, controllers: dict,
              news: list, stakes: dict | None = None, asks_left: dict | None = None) -> dict:
    """Everything the seat's screen shows now; `news` is the part of its news the client does not have yet;
    `stakes` what signing each open offer and making each move would do to the seat's score (engine stakes)."""
    w = Words(public, viewer)
    stakes = stakes or {"offers": {}, "moves": {}}
    kinds = {(a["type"], a.get("proposal", "")) for a in legal}
    can_end = (ActionType.DONE, "") in kinds
    available = {a["move"] for a in legal if a["type"] == ActionType.MOVE} if obs["phase"] == Phase.MOVES and legal \
        else None
    proposals = obs["proposals"]
    offers = []
    for p in offer_order(w, proposals):
        card = offer_card(w, proposals, p)
        pid = p["id"]
        card["can"] = {"accept": (ActionType.ACCEPT, pid) in kinds, "reject": (ActionType.REJECT, pid) in kinds,
                       "counter": (ActionType.REJECT, pid) in kinds and space.get("can_propose", False),
                       "withdraw": (ActionType.WITHDRAW, pid) in kinds}
        card["why_not"] = "" if (ActionType.REJECT, pid) in kinds or card["mine"] else why_not_answer(w, obs, p)
        if pid in stakes["offers"]:
            card["worth"] = stakes_words(stakes["offers"][pid], w.names, "offer")
        offers.append(card)
    stated = {(a["issue"], a["option"]) for a in legal if a["type"] == ActionType.STATEMENT}
    compose = {
        "can_propose": bool(space.get("can_propose")),
        "can_state": bool(stated),
        "issues": [{"id": i, "name": w.issues[i]["name"], "signatories": spec["signatories"],
                    "signatory_names": [w.name(s) for s in spec["signatories"]],
                    "options": [{"value": o, "label": option_text(w.issues[i], o)} for o in spec["options"]]}
                   for i, spec in space.get("issues", {}).items()],
        "seats": [{"id": s["id"], "name": s["name"]} for s in public["seats"] if s["id"] != viewer],
        "counter_gone": counter_gone(w, proposals, ""),
        "expires": [{"turn": t, "label": "today only" if t == obs["turn"] else
                     ("until the summit" if t == obs["summit_turn"] else f"until day {t}")}
                    for t in range(space.get("expires", [obs["turn"], obs["turn"]])[0],
                                   space.get("expires", [obs["turn"], obs["turn"]])[1] + 1)],
    }
    seats = []
    for s in public["seats"]:
        sid = s["id"]
        seats.append({
            "id": sid, "name": s["name"], "leader": s["leader"], "title": s["title"], "at_table": s["at_table"],
            "played_by": CONTROLLED.get(controllers.get(sid, ""), controllers.get(sid, "")),
            "stats": [{"short": STAT_SHORT[k], "name": STAT_NAMES[k], "value": obs["stats"][sid][k]} for k in STATS],
            "trusts_you": obs["trust"][sid][viewer] if sid != viewer else None,
            "you_trust": obs["trust"][viewer][sid] if sid != viewer else None,
            "to_move": sid in obs["to_move"],
            "talk": place.to_dict() if (place := talk_place(obs, sid)) else None,
        })
    chosen = obs.get("my_move")
    cards = moves_for(w, obs, available)
    for card in cards:
        if card["id"] in stakes["moves"]:
            card["stakes"] = stakes_words(stakes["moves"][card["id"]], w.names, "move")
    moves = {"cards": cards, "revealed": revealed_moves(w, obs),
             "chosen": next((m["name"] for m in moves_for(w, obs, None) if m["id"] == chosen), chosen) if chosen
             else "",
             "hint": "" if obs["phase"] == Phase.MOVES else
             f"Talks first: moves are chosen after round {obs['talk_rounds']}." if obs["phase"] == Phase.TALKS else ""}
    return {
        "title": public["title"], "day": day_lines(w, obs)[0], "phase": phase_lines(obs)[0],
        "waiting": waiting_text(w, obs) if legal or viewer not in obs["to_move"] else "",
        "talk_order": talk_order_line(w, obs),
        "score": outlook_words(stakes["outlook"]) if stakes.get("outlook") else None,
        "your_turn": bool(legal), "can_end_round": can_end,
        "tracks": [{"name": t["name"], "value": amount(obs['tracks'][t['id']], t['unit'])}
                   for t in public["tracks"]],
        "news": [item for item in (news_item(w, e) for e in news) if item is not None],
        "offers": offers,
        "waiting_offers": sum(1 for o in offers if o["needs_answer"]),
        "deals": [agreement_card(w, a) for a in reversed(obs["agreements"])],
        "statements": [statement_line(w, s) for s in obs["statements"]],
        "breaches": [breach_line(w, b) for b in obs["breaches"]],
        "moves": moves, "compose": compose, "seats": seats,
        "asks": {seat: ask_words(w, seat, left) for seat, left in (asks_left or {}).items()},
        "map": {"regions": obs["regions"], "sites": obs["sites"]},
    }


def result_view(public: dict, result: dict, viewer: str | None) -> dict:
    """The end: each seat's score and its parts, and the table beside what really happened. A table ended
    before the summit (`ended_early`) shows its scores as they stood, without par ratings."""
    w = Words(public, viewer)
    scores = result["scores"]
    par = result["par"]
    early = result.get("ended_early")
    rows = []
    for s in public["seats"]:
        v = scores[s["id"]]
        row = {"seat": s["id"], "name": s["name"], "total": v["total"], "you": s["id"] == viewer,
               "parts": f"deal {v['deal']:+d} \u00b7 objectives {v['objectives']:+d} \u00b7 "
                        f"support and standing {v['stats']:+d} \u00b7 kept word {v['integrity']:+d}"}
        if early:
            row.update(par=None, vs_par="", rating="", percentile=None, par_line="")
        else:
            row.update(par=par[s["id"]]["par"], vs_par=signed(par[s["id"]]["diff"]), rating=par[s["id"]]["rating"],
                       percentile=par[s["id"]]["percentile"], par_line=par_line(w, s["id"], v["total"], par[s["id"]]))
        rows.append(row)
    if early:
        rows.sort(key=lambda r: -r["total"])
        ended = ended_early_line(early["day"], early["turns"])
        headline = f"{ended} You had {scores[viewer]['total']} as {w.name(viewer)}." if viewer else ended
        par_note = UNRATED_NOTE
    else:
        rows.sort(key=lambda r: (-r["percentile"], -par[r["seat"]]["diff"]))
        headline = par_headlines(w, [viewer] if viewer else [], scores, par)[0]
        par_note = PAR_NOTE.format(games=next(iter(par.values()))["games"])
    history = public["history"]
    compare = [{"issue": row["name"], "table": row["table_text"], "history": row["history_text"], "same": row["same"],
                "verdict": row["verdict"], "detail": row["detail"], "note": row["note"]}
               for row in history_rows(w, result["history"])]
    return {"scores": rows, "compare": compare, "rated": not early, "ended_early": early or None,
            "headline": headline, "par_note": par_note, "closeness": round(result["history"]["closeness"], 3),
            "history_summary": history.get("summary", ""), "history_date": long_date(history.get("date", "")),
            "history_source": source_text(public, history.get("source", "")),
            "aftermath": history.get("aftermath", "")}
