"""The actors table: codes seen in mentions and events, with names, aliases and roles."""
from __future__ import annotations

import csv
import re
import sqlite3
from collections import Counter
from functools import lru_cache
from importlib import resources

from marsad.kb.resources import actor_names
from marsad.model import Document

_CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,31}$")


def is_code(actor: str) -> bool:
    """Actor codes are upper-case ASCII; anything else is an Arabic name standing in for one."""
    return bool(_CODE_RE.match(actor))


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """ISO alpha-3 → Arabic name, from the actor registry (resources/actors/states.tsv)."""
    try:
        text = resources.files("marsad.resources").joinpath("actors/states.tsv").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return {row["code"]: row["name"] for row in csv.DictReader(text.splitlines(), delimiter="\t") if row.get("code")}


@lru_cache(maxsize=4096)
def registry_names(code: str) -> tuple[str, str]:
    """(Arabic, English) canonical names of a code, '' when unknown."""
    fixed = actor_names().get(code)
    if fixed:
        return fixed["name_ar"], fixed["name_en"]
    name_ar = _state_names().get(code, "")
    name_en = ""
    if len(code) == 3:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        name_en = getattr(country, "common_name", None) or (country.name if country else "")
    return name_ar, name_en


def record_actors(conn: sqlite3.Connection, doc: Document) -> set[str]:
    """Count the document's actor mentions, aliases, roles and event participations; returns the codes touched."""
    day = doc.published[:10] if doc.published else None
    mentions: Counter[str] = Counter()
    types: dict[str, str] = {}
    aliases: Counter[tuple[str, str]] = Counter()
    roles: Counter[tuple[str, str, str]] = Counter()
    for e in doc.entities:
        if not e.actor:
            continue
        mentions[e.actor] += 1
        types.setdefault(e.actor, e.type)
        aliases[(e.actor, e.text)] += 1
        if e.role or e.affiliation:
            roles[(e.actor, e.role or "", e.affiliation or "")] += 1
    events: Counter[str] = Counter()
    for ev in doc.events:
        for a in set(ev.source) | set(ev.target):
            if is_code(a):
                events[a] += 1
    codes = set(mentions) | set(events)
    conn.executemany(
        """
        INSERT INTO actors (code, type, mentions, events, first_seen, last_seen) VALUES (?,?,?,?,?,?)
        ON CONFLICT(code) DO UPDATE SET
          mentions = mentions + excluded.mentions,
          events = events + excluded.events,
          type = CASE WHEN type = '' THEN excluded.type ELSE type END,
          first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen
                            THEN coalesce(excluded.first_seen, first_seen) ELSE first_seen END,
          last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen
                           THEN coalesce(excluded.last_seen, last_seen) ELSE last_seen END
        """,
        [(c, types.get(c, ""), mentions[c], events[c], day, day) for c in codes],
    )
    conn.executemany(
        "INSERT INTO actor_aliases (code, alias, count) VALUES (?,?,?)"
        " ON CONFLICT(code, alias) DO UPDATE SET count = count + excluded.count",
        [(c, a, n) for (c, a), n in aliases.items()],
    )
    conn.executemany(
        "INSERT INTO actor_roles (code, role, affiliation, count) VALUES (?,?,?,?)"
        " ON CONFLICT(code, role, affiliation) DO UPDATE SET count = count + excluded.count",
        [(c, r, f, n) for (c, r, f), n in roles.items()],
    )
    return codes


def refresh_names(conn: sqlite3.Connection, codes: set[str]) -> None:
    """Canonical names: the registry's when it knows the code, else the most frequent alias."""
    for code in codes:
        name_ar, name_en = registry_names(code)
        if not name_ar:
            row = conn.execute(
                "SELECT alias FROM actor_aliases WHERE code = ? ORDER BY count DESC, alias LIMIT 1", (code,)
            ).fetchone()
            name_ar = row[0] if row else ""
        conn.execute("UPDATE actors SET name_ar = ?, name_en = ? WHERE code = ?", (name_ar, name_en, code))
