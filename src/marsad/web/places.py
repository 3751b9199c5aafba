"""Place names → coordinates for the actor map (data in web/data/places.tsv).

No tile server is used: the UI draws points on a bundled world outline, so all
it needs is latitude and longitude per place.  The file is validated on load;
errors name the file and line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from marsad.arabic import normalize_text

PLACES_FILE = "places.tsv"
_COLUMNS = ("name", "lat", "lon", "country", "source")


class PlacesError(ValueError):
    """A malformed line in the places file."""


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the first (display) name
    lat: float
    lon: float
    country: str  # ISO alpha-3, or "" for seas and regions


def parse_places(text: str, origin: str = PLACES_FILE) -> dict[str, Place]:
    """Normalised name → Place; raises PlacesError naming `origin` and the line."""
    out: dict[str, Place] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if tuple(cols) != _COLUMNS:
                raise PlacesError(f"{origin}:{lineno}: header must be the columns {_COLUMNS}")
            header_seen = True
            continue
        if len(cols) != len(_COLUMNS):
            raise PlacesError(f"{origin}:{lineno}: expected {len(_COLUMNS)} tab-separated columns, got {len(cols)}")
        names, lat_s, lon_s, country, source = cols
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError as err:
            raise PlacesError(f"{origin}:{lineno}: latitude/longitude must be numbers ({err})") from err
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise PlacesError(f"{origin}:{lineno}: coordinates out of range: {lat}, {lon}")
        if country and not (len(country) == 3 and country.isalpha() and country.isupper()):
            raise PlacesError(f"{origin}:{lineno}: country must be an ISO alpha-3 code, got {country!r}")
        if not source.strip():
            raise PlacesError(f"{origin}:{lineno}: every entry needs a source")
        variants = [n.strip() for n in names.split("|") if n.strip()]
        if not variants:
            raise PlacesError(f"{origin}:{lineno}: empty name")
        place = Place(variants[0], lat, lon, country)
        for v in variants:
            key = normalize_text(v)
            if key in out and out[key] != place:
                raise PlacesError(f"{origin}:{lineno}: {v!r} is already listed")
            out[key] = place
    if not header_seen:
        raise PlacesError(f"{origin}: no header line")
    return out


@functools.lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    text = resources.files("marsad.web").joinpath("data", PLACES_FILE).read_text("utf-8")
    return parse_places(text)


def lookup(name: str | None) -> Place | None:
    """The place called `name` (normalised; a leading article-less or prefixed form is not guessed)."""
    if not name:
        return None
    return places().get(normalize_text(name.strip()))


@functools.lru_cache(maxsize=512)
def iso_numeric(alpha3: str) -> str | None:
    """ISO 3166-1 numeric code (the ids of the bundled world-atlas shapes), or None."""
    import pycountry

    if len(alpha3) != 3 or not alpha3.isalpha():
        return None
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return country.numeric if country is not None else None
