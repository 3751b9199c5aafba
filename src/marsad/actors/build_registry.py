"""Generate the CLDR-derived registry files (a developer tool, not run at run time).

    python -m marsad.actors.build_registry

writes `resources/actors/states.tsv` (ISO 3166-1 alpha-3 codes with their CLDR
Arabic names, via babel and pycountry) and `resources/actors/cldr_cities.tsv`
(CLDR exemplar cities of time zones, linked to their country).  Both outputs are
committed; hand-written names, variants and capitals live in other files
(state_names.tsv, cities.tsv) so regeneration never loses them.
"""
from __future__ import annotations

import sys
from pathlib import Path

# ISO 3166-1 has no code for Kosovo; XKX is the user-assigned code in common use
# (EU, IMF, CLDR's XK).  CLDR's «الأراضي الفلسطينية» is replaced below by «فلسطين».
EXTRA_ALPHA3 = {"XK": "XKX"}
NAME_OVERRIDES = {"PS": "فلسطين"}

OUT = Path(__file__).resolve().parents[1] / "resources" / "actors"


def state_rows() -> list[tuple[str, str, str, str]]:
    import pycountry
    from babel import Locale

    names = Locale("ar").territories
    rows = []
    for a2, name in sorted(names.items()):
        if not (len(a2) == 2 and a2.isalpha()):
            continue  # numeric regions (001, 145 …) are not states
        country = pycountry.countries.get(alpha_2=a2)
        a3 = country.alpha_3 if country else EXTRA_ALPHA3.get(a2)
        if a3 is None:
            continue  # exceptional reservations (EU, UN, EZ, QO …)
        rows.append((a3, a2, NAME_OVERRIDES.get(a2, name), "CLDR ar territories (babel); alpha-3 from pycountry"))
    return rows


def city_rows(state_codes: set[str], state_names: set[str]) -> list[tuple[str, str, str]]:
    import pycountry
    import pytz  # only this developer tool needs the tz → country table
    from babel import Locale

    zones = Locale("ar").time_zones
    rows = {}
    for a2, tzs in pytz.country_timezones.items():
        country = pycountry.countries.get(alpha_2=a2)
        a3 = country.alpha_3 if country else EXTRA_ALPHA3.get(a2)
        if a3 not in state_codes:
            continue
        # Large countries list dozens of zones named after small towns (Indiana, Yukon…)
        # whose Arabic names collide with common words; the first two zones are the
        # main cities.
        for tz in tzs[:2]:
            city = (zones.get(tz, {}).get("city") or "").strip()
            if not city or "،" in city or city in state_names or len(city) < 3:
                continue
            rows[(city, a3)] = "CLDR exemplar city of " + tz
    return [(c, a3, src) for (c, a3), src in sorted(rows.items())]


def write_tsv(path: Path, header: tuple[str, ...], rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def main() -> int:
    states = state_rows()
    write_tsv(OUT / "states.tsv", ("code", "alpha2", "name", "source"), states)
    cities = city_rows({r[0] for r in states}, {r[2] for r in states})
    write_tsv(OUT / "cldr_cities.tsv", ("name", "country", "source"), cities)
    print(f"{len(states)} states, {len(cities)} CLDR cities written to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
