"""The names an entry's wording gives the ids it holds.

The rules word the news from the Scenario; the screens, the browser and the reports word the same
entries from the public scenario data that seats receive. Both are read into one `Names`, so an
effect or a condition reads the same wherever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..wording import STAT_NAMES, say_option


@dataclass(frozen=True)
class IssueNames:
    name: str
    kind: str = "choice"
    unit: str = ""
    labels: dict = field(default_factory=dict)

    def option(self, option: str) -> str:
        return say_option(self.kind, self.unit, option, self.labels.get(option, ""))


class Names:
    """Seat, issue, track, region, site, move and event names by id; an id not found stands for itself."""

    def __init__(self, seats: dict, issues: dict, tracks: dict, regions: dict, sites: dict, moves: dict,
                 events: dict | None = None):
        self.seats, self.issues, self.tracks = seats, issues, tracks
        self.regions, self.sites, self.moves, self.events = regions, sites, moves, events or {}

    @classmethod
    def of_scenario(cls, scenario) -> "Names":
        m = scenario.map
        return cls({s.id: s.name for s in scenario.seats},
                   {i.id: IssueNames(i.name, i.kind, i.unit, dict(i.labels)) for i in scenario.issues},
                   {t.id: (t.name, t.unit) for t in scenario.tracks},
                   {r.id: r.name for r in m.regions}, {s.id: s.name for s in m.sites},
                   {mv.id: mv.name for mv in scenario.moves}, {e.id: e.title for e in scenario.events})

    @classmethod
    def of_public(cls, public: dict) -> "Names":
        """From the public scenario data (game.engine.views.public_info), which names no events."""
        m = public["map"]
        return cls({s["id"]: s["name"] for s in public["seats"]},
                   {i["id"]: IssueNames(i["name"], i["kind"], i.get("unit") or "", dict(i.get("labels") or {}))
                    for i in public["issues"]},
                   {t["id"]: (t["name"], t.get("unit") or "") for t in public["tracks"]},
                   {r["id"]: r["name"] for r in m["regions"]}, {s["id"]: s["name"] for s in m["sites"]},
                   {mv["id"]: mv["name"] for mv in public["moves"]})

    def seat(self, seat: str) -> str:
        return self.seats.get(seat, seat)

    def stat(self, stat: str) -> str:
        return STAT_NAMES.get(stat, stat)

    def issue(self, issue: str) -> IssueNames:
        return self.issues.get(issue) or IssueNames(issue)

    def track(self, track: str) -> tuple:
        """(name, unit)"""
        return self.tracks.get(track, (track, ""))

    def region(self, region: str) -> str:
        return self.regions.get(region, region)

    def site(self, site: str) -> str:
        return self.sites.get(site, site)

    def move(self, move: str) -> str:
        return self.moves.get(move, move)

    def event(self, event: str) -> str:
        return self.events.get(event, event)
