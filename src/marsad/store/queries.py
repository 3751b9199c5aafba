"""Read queries over the knowledge base, shared by the CLI and the API."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from marsad.model import DateMention, Document, Entity, Event


def article_row(conn: sqlite3.Connection, ref: str) -> sqlite3.Row | None:
    """An article by database id, input id or content-hash prefix (newest first)."""
    if ref.isdigit():
        row = conn.execute("SELECT * FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row is not None:
            return row
    row = conn.execute("SELECT * FROM articles WHERE doc_id = ? ORDER BY id DESC LIMIT 1", (ref,)).fetchone()
    if row is None and len(ref) >= 8:
        row = conn.execute(
            "SELECT * FROM articles WHERE content_hash LIKE ? ORDER BY id DESC LIMIT 1", (ref + "%",)
        ).fetchone()
    return row


def load_document(conn: sqlite3.Connection, ref: str) -> Document | None:
    row = article_row(conn, ref)
    if row is None:
        return None
    doc = Document(
        id=row["doc_id"],
        text=row["text"],
        title=row["title"],
        published=row["published"],
        source=row["source"],
        url=row["url"],
        metadata=json.loads(row["metadata"]),
    )
    aid = row["id"]
    doc.metadata.setdefault("article_id", aid)
    doc.entities = [
        Entity(r["start"], r["end"], r["text"], type=r["type"], actor=r["actor"], role=r["role"],
               affiliation=r["affiliation"], source=r["recogniser"], confidence=r["confidence"])
        for r in conn.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", (aid,))
    ]
    doc.dates = [
        DateMention(r["start"], r["end"], r["text"], value=r["value"], calendar=r["calendar"])
        for r in conn.execute("SELECT * FROM dates WHERE article_id = ? ORDER BY start", (aid,))
    ]
    doc.events = [event_from_row(r) for r in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY start, id", (aid,))]
    return doc


def event_from_row(r: sqlite3.Row) -> Event:
    return Event(
        type=r["type"], cameo=r["cameo"], source=json.loads(r["source"]), target=json.loads(r["target"]),
        start=r["start"], end=r["end"], text=r["evidence"], date=r["date"], location=r["location"],
        confidence=r["confidence"], trigger_start=r["trigger_start"], trigger_end=r["trigger_end"],
        trigger=r["trigger"], quad=r["quad"], date_source=r["date_source"],
    )


@dataclass
class TimelineEntry:
    date: str | None
    type: str
    cameo: str
    quad: str
    source: list[str]
    target: list[str]
    evidence: str
    location: str | None
    confidence: float
    articles: list[dict[str, Any]] = field(default_factory=list)  # {article_id, doc_id, title, source, url, published}


def timeline(conn: sqlite3.Connection, a: str, b: str) -> list[TimelineEntry]:
    """Events between actors a and b (either direction), in date order; undated events last."""
    rows = conn.execute(
        """
        SELECT e.*, ar.doc_id, ar.title, ar.source AS outlet, ar.url, ar.published
        FROM events e JOIN articles ar ON ar.id = e.article_id
        WHERE e.id IN (SELECT event_id FROM event_actors WHERE actor = ?)
          AND e.id IN (SELECT event_id FROM event_actors WHERE actor = ?)
        ORDER BY e.date IS NULL, e.date, e.id
        """,
        (a, b),
    ).fetchall()
    out: list[TimelineEntry] = []
    for r in rows:
        ev = event_from_row(r)
        out.append(
            TimelineEntry(
                date=ev.date, type=ev.type, cameo=ev.cameo, quad=ev.quad, source=ev.source, target=ev.target,
                evidence=ev.text, location=ev.location, confidence=ev.confidence,
                articles=[{"article_id": r["article_id"], "doc_id": r["doc_id"], "title": r["title"],
                           "source": r["outlet"], "url": r["url"], "published": r["published"]}],
            )
        )
    return out


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
        for table in ("articles", "mentions", "dates", "events", "quarantine")
    }


_event = event_from_row  # the old private names
_article_row = article_row
