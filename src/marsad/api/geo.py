"""Where an actor's events happened: event locations → map points and countries.

Locations are free text from the event extractor.  A location listed in
web/data/places.tsv becomes a point; otherwise, if the actor registry knows it
as a state (or a city of a state), that country is shaded.  Both are
matched against the bundled world outline (ISO numeric ids) in the browser.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from marsad.web.places import iso_numeric, lookup

MAX_EVENTS = 5000  # bound the scan for very active actors


@dataclass
class MapPoint:
    name: str
    lat: float
    lon: float
    events: int


@dataclass
class MapCountry:
    code: str  # ISO alpha-3
    numeric: str  # ISO numeric: the id of the world-atlas shape
    events: int
    home: bool = False  # the actor itself


@dataclass
class ActorPlaces:
    actor: str
    points: list[MapPoint] = field(default_factory=list)
    countries: list[MapCountry] = field(default_factory=list)
    unplaced: dict[str, int] = field(default_factory=dict)  # locations with no known coordinates


def _locations(conn: sqlite3.Connection, code: str) -> Counter[str]:
    rows = conn.execute(
        "SELECT location FROM canonical_events WHERE location IS NOT NULL AND location != ''"
        " AND id IN (SELECT canonical_id FROM canonical_actors WHERE actor = ?) LIMIT ?",
        (code, MAX_EVENTS),
    )
    return Counter(r[0] for r in rows)


def _country_code(name: str) -> str | None:
    """The state a location names, or the state of the city it names (the actor registry's gazetteer)."""
    from marsad.actors.registry import Kind, registry

    entry = registry().first(name, Kind.STATE, Kind.CITY)
    return entry.code if entry is not None else None


def actor_places(conn: sqlite3.Connection, code: str) -> ActorPlaces:
    out = ActorPlaces(code)
    locs = _locations(conn, code)
    points: dict[str, MapPoint] = {}
    countries: Counter[str] = Counter()
    pending = []
    for name, n in locs.items():
        place = lookup(name)
        if place is not None:
            p = points.setdefault(place.name, MapPoint(place.name, place.lat, place.lon, 0))
            p.events += n
        else:
            pending.append(name)
    for name in pending:
        alpha3 = _country_code(name)
        if alpha3 and iso_numeric(alpha3):
            countries[alpha3] += locs[name]
        else:
            out.unplaced[name] = locs[name]
    home = iso_numeric(code)
    if home and code not in countries:
        countries[code] += 0
    out.points = sorted(points.values(), key=lambda p: (-p.events, p.name))
    out.countries = [MapCountry(c, iso_numeric(c) or "", n, home=(c == code)) for c, n in countries.most_common()]
    return out
