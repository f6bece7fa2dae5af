"""Hidden information stays on the server: every frame each client receives is checked."""

from __future__ import annotations

import asyncio
import json

from hosting import facilitator, run, student, wait_until

from game.ai import make_leader
from game.catalog import load_scenario
from game.client.bot import play
from game.client.connection import ClassClient

SEATS = ("turkey", "russia", "eu")
NOTE = "Meet me by the samovar at noon; keep this between us"


def test_no_client_receives_another_seats_secrets_private_offers_or_notes(host):
    server = host("--scenario", "moscow-2020", "--seed", "8")
    scenario = load_scenario("moscow-2020")

    async def body():
        teacher = await facilitator(server)
        clients = {seat: await student(server, f"player {seat}", seat=seat) for seat in SEATS}
        wall = ClassClient(server.url)
        await wall.connect()
        await wall.request({"type": "hello", "protocol": 1, "role": "projector", "code": server.info["class_code"]})
        await teacher.request({"type": "watch", "table": "T1"})
        await teacher.op("resume")
        await wait_until(lambda: clients["turkey"].state and clients["turkey"].state["legal"])
        await clients["turkey"].request({"type": "note", "to": "russia", "text": NOTE})
        await clients["eu"].request({"type": "note", "to": "syria", "text": "EU to Damascus, for Syria alone"})
        games = [play(clients[seat], make_leader(clients[seat].public, seat, "normal", k))
                 for k, seat in enumerate(SEATS)]
        await asyncio.gather(*games)
        view = await teacher.next("table_view", where=lambda m: m["result"] is not None, timeout=30)
        await asyncio.sleep(0.5)   # the projector's last update
        await wall.close()
        await teacher.close()
        return clients, wall, view

    clients, wall, view = run(body())
    proposals = view["view"]["proposals"]
    notes = view["notes"]
    assert any(not p["public"] for p in proposals), "the game made no private offers to check"
    assert any(n["text"] == NOTE for n in notes)
    audiences = {seat: clients[seat].received for seat in SEATS}
    audiences["projector"] = wall.received
    for who, frames in audiences.items():
        text = json.dumps(frames)
        for seat in scenario.seats:
            if seat.id == who:
                continue
            for objective in seat.objectives:
                # Objectives are revealed with the final scores (as ids); their words never are.
                assert objective.text not in text, f"{who} saw {seat.id}'s objective"
            assert seat.briefing not in text if seat.briefing else True
        for p in proposals:
            # A signed offer becomes a public agreement, which names it.
            if not p["public"] and who not in p["parties"] and p["status"] != "signed":
                assert p["id"] not in text, f"{who} saw a private offer between {p['parties']}"
        for n in notes:
            if who not in (n["from"], n["to"]):
                assert n["text"] not in text, f"{who} saw a note from {n['from']} to {n['to']}"
        for frame in frames:
            if frame["type"] == "seated":
                assert frame["seat"] == who
            if frame["type"] == "state":
                assert frame["seat"] == who and "private" not in frame["observation"]
                assert all(e["visible"] == "all" or who in e["visible"] for e in frame["observation"]["news"])
            assert frame["type"] not in ("table_view", "class")
    russia_notes = [f for f in clients["russia"].received if f["type"] == "note"]
    assert any(f["text"] == NOTE for f in russia_notes)


def test_ai_seats_answer_a_note_with_one_line_and_the_facilitator_reads_every_note(host):
    server = host("--scenario", "moscow-2020")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey")
        await ada.request({"type": "note", "to": "syria", "text": "Line one\nline two"})
        reply = await ada.next("note", where=lambda m: m["from"] == "syria")
        await wait_until(lambda: len([m for m in teacher.received if m["type"] == "note"]) == 2)
        await ada.close()
        await teacher.close()
        return reply, teacher.received

    reply, received = run(body())
    assert "\n" not in reply["text"] and "proposals" in reply["text"] and reply["to"] == "turkey"
    notes = [m for m in received if m["type"] == "note"]
    assert [n["text"] for n in notes][0] == "Line one\nline two"
