"""A scenario at the format's largest size: twelve issues of 41 points, all signed by the same seats.

Written as an author would write a file (sources, briefings, objectives, a map, a history), so it
validates like any other; the benchmarks and the tests play, simulate and analyse it to show that
every size the format allows is playable. The numbers are invented: it is an exercise, not news.
"""

from __future__ import annotations

from game.scenario import parse_scenario

LINES = ("steel", "aluminium", "cars", "car_parts", "grain", "dairy", "wine", "textiles",
         "chips", "solar_panels", "batteries", "medicines")
# (id, name, leader, colour, reservation, patience, risk, briefing)
SEATS = (
    ("north", "North", "The North's trade minister", "#3366cc", 0.35, 0.6, 0.7,
     "You export cars, chips and medicines and protect your farmers."),
    ("south", "South", "The South's trade minister", "#cc6633", 0.3, 0.4, 0.3,
     "You export grain, wine and textiles and want to build your own car and battery plants."),
    ("east", "East", "The East's trade commissioner", "#339966", 0.3, 0.5, 0.5,
     "You export steel, solar panels and batteries and buy most of your food abroad."),
    ("west", "West", "The West's shipping envoy", "#996699", 0.25, 0.5, 0.2,
     "You sign none of the tariffs, but your ports carry the trade, and low tariffs fill your ships."),
)


def _values(seat: int, line: int, points: int) -> tuple:
    """(weight share, {tariff: value}) of one seat on one line: exporters want it low, those who protect it
    want it moderate (too high invites retaliation), and some shapes bend, so the frontier is not a plane."""
    top = points - 1
    mid = top * (3 + (seat + line) % 4) // 8
    kind = (seat * 5 + line * 7) % 4
    if seat == 3:
        return 1 + line % 3, {0: 1.0, top: 0.2}
    if kind == 0:
        return 2 + line % 3, {0: 1.0, top: 0.0}
    if kind == 1:
        return 1 + (line + seat) % 4, {0: 0.1, mid: 1.0, top: 0.6}
    if kind == 2:
        return 1 + line % 2, {0: 0.9, mid: 0.6, top: 0.0}
    return 2 + (line * seat) % 3, {0: 0.0, mid: 0.8, top: 1.0}


def _preferences(seat: int, issues: int, points: int) -> list:
    shares = [_values(seat, k, points) for k in range(issues)]
    total = sum(w for w, _ in shares)
    weights = [round(w / total, 4) for w, _ in shares]
    weights[-1] = round(1.0 - sum(weights[:-1]), 4)
    lines = ["    preferences:", f"      reservation: {SEATS[seat][4]}", "      weights:"]
    lines += [f"        {LINES[k]}: {weights[k]}" for k in range(issues)]
    lines.append("      values:")
    lines += [f"        {LINES[k]}: {{{', '.join(f'{p}: {v}' for p, v in shares[k][1].items())}}}"
              for k in range(issues)]
    return lines


def scenario_text(issues: int = 12, points: int = 41, signers: int = 2) -> str:
    """The scenario's YAML: `issues` product lines (at most 12), each a tariff of `points` grid points,
    every one signed by the first `signers` seats (two to four); the others only care."""
    top = points - 1
    signing = [ident for ident, *_ in SEATS[:signers]]
    out = ["format: 1", f"id: {scenario_id(issues, points, signers)}", "version: 1",
           "title: A tariff round (an exercise at the format's largest size)", "date: 2030-06-05",
           "summary: Three trading blocs set their tariffs on a dozen product lines in one round of talks.",
           "sources:",
           "  - {id: exercise, title: An invented trade exercise, date: 2030-05-01}",
           "calendar: {turns: 5, turn_unit: day, start_date: 2030-06-01, summit_turn: 5, talk_rounds: 3}",
           "seats:"]
    for k, (ident, name, leader, colour, _, patience, risk, briefing) in enumerate(SEATS):
        out += [f"  - id: {ident}", f"    name: {name}", f"    leader: {leader}", f'    colour: "{colour}"',
                "    stats: {military: 40, economy: 60, domestic: 50, standing: 50}",
                f"    personality: {{patience: {patience}, risk: {risk}, honesty: 0.7}}",
                f"    briefing: {briefing}"]
        out += _preferences(k, issues, points)
        if ident in signing:
            line = LINES[k % issues]
            out += ["    objectives:",
                    f"      - {{id: hold_{line}, text: The {line.replace('_', ' ')} tariff stays at or below half "
                    f"the ceiling., points: 15, when: {{agreed: {{issue: {line}, at_most: {top // 2}}}}}, "
                    "source: exercise}"]
        else:
            out.append("    objectives: []")
        out.append("    source: exercise")
    out.append("issues:")
    for k in range(issues):
        line = LINES[k]
        out += [f"  - id: {line}", f"    name: Tariff on {line.replace('_', ' ')}", "    kind: number",
                f"    description: The tariff on imported {line.replace('_', ' ')}, in per cent.",
                "    min: 0", f"    max: {top}", "    step: 1", "    unit: per cent", f"    default: {top // 2}",
                f"    signatories: [{', '.join(signing)}]", "    source: exercise"]
    out += ["moves:",
            "  - id: dump_steel", "    seat: east", "    name: Dump steel on the market", "    kind: other",
            "    description: East sells steel below cost abroad.",
            "    effects: [{stat: {seat: east, stat: standing, add: -5}}, {trust: {from: north, to: east, add: -10}}]",
            "    source: exercise",
            "  - id: farm_subsidy", "    seat: north", "    name: Raise farm subsidies", "    kind: other",
            "    description: North pays its farmers more.",
            "    effects: [{stat: {seat: north, stat: domestic, add: 5}}, {trust: {from: south, to: north, add: -10}}]",
            "    source: exercise",
            "map:", "  bounds: [0, 0, 4, 2]", "  regions:"]
    for k, (ident, name, *_) in enumerate(SEATS):
        out.append(f"    - {{id: {ident}_land, name: {name}, control: {ident}, "
                   f"polygon: [[{k}, 0], [{k + 1}, 0], [{k + 1}, 2], [{k}, 2]], source: exercise}}")
    out += ["  sites:",
            "    - {id: west_port, name: West Harbour, kind: port, at: [3.5, 1], region: west_land, control: west, "
            "source: exercise}",
            "briefing: |",
            "  Three trading blocs meet to set their tariffs for the next five years. Each line is a",
            "  number from zero to the ceiling; what is not signed stays at today's level, half the ceiling.",
            "history:", "  date: 2030-06-05", "  summary: An invented round; the exercise has no real outcome.",
            f"  parties: [{', '.join(signing)}]", "  outcome:"]
    out += [f"    {LINES[k]}: {top // 4}" for k in range(issues)]
    out += ["  source: exercise", ""]
    return "\n".join(out)


def scenario_id(issues: int = 12, points: int = 41, signers: int = 2) -> str:
    return f"tariff-round-{issues}x{points}" + ("" if signers == 2 else f"-{signers}-signatories")


def wide_scenario(issues: int = 12, points: int = 41, signers: int = 2):
    text = scenario_text(issues, points, signers)
    return parse_scenario(text.encode("utf-8"), f"{scenario_id(issues, points, signers)}.yaml")
