"""Cross-article event deduplication: per-article event rows → canonical events.

Two event rows are the same real-world event when they have the same PLOVER
type, the same source actors and the same target actors, and
  - both carry a full date (YYYY-MM-DD) within DATE_WINDOW_DAYS of each other, or
  - neither has a usable full date (undated, or only a month/year) and both
    articles belong to the same story (same coarse date, if any).
Like GDELT's Mentions table, every row stays and points at its canonical event;
the counts (mentions, articles, outlets) are recomputed from those links, so a
re-ingest (which adds no rows) cannot double count.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from marsad.kb.resources import plover_types
from marsad.model import Event

DATE_WINDOW_DAYS = 1


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    event: Event


def actor_key(source: list[str], target: list[str]) -> str:
    return ",".join(sorted(set(source))) + "|" + ",".join(sorted(set(target)))


def quad_of(ev: Event) -> str:
    """The event's quad class, or the PLOVER type's usual one (resources/kb/plover_types.tsv)."""
    if ev.quad:
        return ev.quad
    row = plover_types().get(ev.type)
    return row["quad"] if row else ""


def _full_date(value: str | None) -> bool:
    return bool(value) and len(value) == 10


def find_canonical(conn: sqlite3.Connection, ev: Event, key: str, story_id: int | None) -> int | None:
    if _full_date(ev.date):
        row = conn.execute(
            """
            SELECT id FROM canonical_events
            WHERE type = ? AND actor_key = ? AND length(date) = 10
              AND date BETWEEN date(?, ?) AND date(?, ?)
            ORDER BY abs(julianday(date) - julianday(?)), id LIMIT 1
            """,
            (ev.type, key, ev.date, f"-{DATE_WINDOW_DAYS} day", ev.date, f"+{DATE_WINDOW_DAYS} day", ev.date),
        ).fetchone()
    else:
        row = conn.execute(
            """
            SELECT id FROM canonical_events
            WHERE type = ? AND actor_key = ? AND story_id IS ? AND date IS ?
            ORDER BY id LIMIT 1
            """,
            (ev.type, key, story_id, ev.date or None),
        ).fetchone()
    return row[0] if row else None


def _create(conn: sqlite3.Connection, ev: Event, key: str, story_id: int | None, article_id: int) -> int:
    cur = conn.execute(
        "INSERT INTO canonical_events (type, cameo, quad, source, target, actor_key, date, location, story_id,"
        " confidence, first_article_id, sort_date)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?, coalesce(?, '~' || coalesce((SELECT published FROM articles WHERE id = ?), '')))",
        (ev.type, ev.cameo, quad_of(ev), json.dumps(sorted(set(ev.source)), ensure_ascii=False),
         json.dumps(sorted(set(ev.target)), ensure_ascii=False), key, ev.date or None, ev.location, story_id,
         ev.confidence, article_id, ev.date or None, article_id),
    )
    cid = cur.lastrowid
    rows = {(cid, a, "source") for a in ev.source} | {(cid, a, "target") for a in ev.target}
    conn.executemany("INSERT OR IGNORE INTO canonical_actors (canonical_id, actor, side) VALUES (?,?,?)", rows)
    return cid


def link_events(conn: sqlite3.Connection, article_id: int, story_id: int | None, rows: list[EventRow]) -> set[int]:
    """Attach each event row of one article to a canonical event; returns the canonical ids touched."""
    touched: set[int] = set()
    for r in rows:
        if conn.execute("SELECT 1 FROM event_mentions WHERE event_id = ?", (r.id,)).fetchone():
            continue  # already linked: a rebuild over a partly indexed database
        key = actor_key(r.event.source, r.event.target)
        cid = find_canonical(conn, r.event, key, story_id)
        if cid is None:
            cid = _create(conn, r.event, key, story_id, article_id)
        elif r.event.location:
            conn.execute("UPDATE canonical_events SET location = coalesce(location, ?) WHERE id = ?",
                         (r.event.location, cid))
        conn.execute("INSERT INTO event_mentions (event_id, canonical_id) VALUES (?,?)", (r.id, cid))
        touched.add(cid)
    return touched


def refresh_counts(conn: sqlite3.Connection, canonical_ids: set[int]) -> None:
    ids = sorted(canonical_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"""
            UPDATE canonical_events SET
              num_mentions = (SELECT count(*) FROM event_mentions m WHERE m.canonical_id = canonical_events.id),
              num_articles = (SELECT count(DISTINCT e.article_id) FROM event_mentions m
                              JOIN events e ON e.id = m.event_id WHERE m.canonical_id = canonical_events.id),
              num_sources = (SELECT count(DISTINCT coalesce(a.source, '')) FROM event_mentions m
                             JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id
                             WHERE m.canonical_id = canonical_events.id),
              confidence = (SELECT max(e.confidence) FROM event_mentions m
                            JOIN events e ON e.id = m.event_id WHERE m.canonical_id = canonical_events.id)
            WHERE id IN ({marks})
            """,
            chunk,
        )
