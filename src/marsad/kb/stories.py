"""Story assignment: wire copies, reprints and same-event coverage join one story.

An article joins, in order of preference:
  exact  an article with the same analysed wording (text_hash);
  near   the article whose word-3-shingle MinHash is most similar (>= NEAR, any date:
         reprints can come days later);
  topic  an article within WINDOW_DAYS whose content-stem MinHash is similar (>= TOPIC)
         and that shares actors or event keys, or that reports the same dated event
         (type, actors, date within a day) with some shared vocabulary (>= TOPIC_WITH_EVENT),
         in a story that began at most
         MAX_STORY_DAYS before (so stories do not chain across months);
  seed   otherwise it starts a new story.
The LSH buckets live in the database (lsh_band), so memory stays flat however large the corpus.
"""
from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Iterable

import numpy as np
from datasketch.lsh import _optimal_param

from marsad.kb.signatures import NUM_PERM, Signature, from_blob, jaccard, to_blob

NEAR = 0.5
TOPIC = 0.3
TOPIC_WITH_EVENT = 0.15  # lower bar when the articles report the same dated event
WINDOW_DAYS = 2
MAX_STORY_DAYS = 7


class Link(str, Enum):
    SEED = "seed"
    EXACT = "exact"
    NEAR = "near"
    TOPIC = "topic"


@dataclass(frozen=True, slots=True)
class StoryLink:
    story_id: int
    link: Link
    linked_to: int | None
    similarity: float


@dataclass(slots=True)
class _Entry:
    shingles: np.ndarray
    topic: np.ndarray
    day: date | None
    story_id: int


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class Kind(int, Enum):
    SHINGLES = 0  # near duplicates
    TOPIC = 1  # same story, other wording


@lru_cache(maxsize=None)
def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows) of an LSH at `threshold`, as datasketch's MinHashLSH chooses them."""
    return _optimal_param(threshold, NUM_PERM, 0.5, 0.5)


def band_keys(values: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    b, r = _bands(threshold)
    out = []
    for i in range(b):
        digest = hashlib.blake2b(np.ascontiguousarray(values[i * r:(i + 1) * r]).tobytes(), digest_size=8).digest()
        out.append((i, int.from_bytes(digest, "little", signed=True)))
    return out


class _Entries:
    """Read access to the indexed articles (article_kb), by article id."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def many(self, ids: Iterable[int]) -> dict[int, _Entry]:
        ids = list(ids)
        out: dict[int, _Entry] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for aid, story_id, sh, tp, day in self.conn.execute(
                f"SELECT article_id, story_id, shingles, topic, day FROM article_kb WHERE article_id IN ({marks})",
                chunk,
            ):
                out[aid] = _Entry(from_blob(sh), from_blob(tp), parse_day(day), story_id)
        return out

    def get(self, aid: int) -> _Entry | None:
        return self.many([aid]).get(aid)

    def __getitem__(self, aid: int) -> _Entry:
        e = self.get(aid)
        if e is None:
            raise KeyError(aid)
        return e


class StoryIndex:
    """LSH over the stored signatures.  The buckets are rows of `lsh_band` and a query is one
    indexed lookup per band, so memory does not grow with the corpus (the signatures
    themselves are read back from article_kb for the candidates only)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.entries = _Entries(conn)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> "StoryIndex":
        index = cls(conn)
        index._backfill()
        return index

    def _backfill(self) -> None:
        """Bucket rows for articles indexed before schema version 4 (once per database)."""
        missing = self.conn.execute(
            "SELECT count(*) FROM article_kb WHERE article_id NOT IN (SELECT article_id FROM lsh_band)"
        ).fetchone()[0]
        if not missing:
            return
        rows = self.conn.execute(
            "SELECT article_id, shingles, topic FROM article_kb"
            " WHERE article_id NOT IN (SELECT article_id FROM lsh_band)"
        ).fetchall()
        for aid, sh, tp in rows:
            self._insert(aid, from_blob(sh), from_blob(tp))

    def _insert(self, aid: int, shingles: np.ndarray, topic: np.ndarray) -> None:
        rows = [(Kind.SHINGLES.value, b, k, aid) for b, k in band_keys(shingles, NEAR)]
        rows += [(Kind.TOPIC.value, b, k, aid) for b, k in band_keys(topic, TOPIC)]
        self.conn.executemany("INSERT INTO lsh_band (kind, band, key, article_id) VALUES (?,?,?,?)", rows)

    def add(self, aid: int, shingles: np.ndarray, topic: np.ndarray, day: date | None, story_id: int) -> None:
        """Index an article whose article_kb row the caller has just written."""
        self._insert(aid, shingles, topic)

    def _candidates(self, kind: Kind, values: np.ndarray, threshold: float) -> set[int]:
        out: set[int] = set()
        for band, key in band_keys(values, threshold):
            out.update(r[0] for r in self.conn.execute(
                "SELECT article_id FROM lsh_band WHERE kind = ? AND band = ? AND key = ?", (kind.value, band, key)))
        return out

    def near_matches(self, sig: Signature) -> list[tuple[float, int]]:
        out = []
        for aid, e in self.entries.many(self._candidates(Kind.SHINGLES, sig.shingles, NEAR)).items():
            sim = jaccard(sig.shingles, e.shingles)
            if sim >= NEAR:
                out.append((sim, aid))
        return sorted(out, reverse=True)

    def topic_matches(self, sig: Signature, day: date | None) -> list[tuple[float, int]]:
        if day is None:
            return []  # no time window without a date: topic clustering would be unbounded
        out = []
        for aid, e in self.entries.many(self._candidates(Kind.TOPIC, sig.topic, TOPIC)).items():
            if e.day is None or abs((e.day - day).days) > WINDOW_DAYS:
                continue
            sim = jaccard(sig.topic, e.topic)
            if sim >= TOPIC:
                out.append((sim, aid))
        return sorted(out, reverse=True)


def _actors_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, set[str]]:
    marks = ",".join("?" * len(ids))
    out: dict[int, set[str]] = {i: set() for i in ids}
    for aid, actor in conn.execute(
        f"SELECT article_id, actor FROM mentions WHERE actor IS NOT NULL AND article_id IN ({marks})", ids
    ):
        out[aid].add(actor)
    return out


def _event_keys_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, set[tuple[str, str]]]:
    """(type, actor_key) of each article's events, via their canonical events."""
    marks = ",".join("?" * len(ids))
    out: dict[int, set[tuple[str, str]]] = {i: set() for i in ids}
    for aid, typ, key in conn.execute(
        f"SELECT e.article_id, c.type, c.actor_key FROM events e JOIN event_mentions m ON m.event_id = e.id"
        f" JOIN canonical_events c ON c.id = m.canonical_id WHERE e.article_id IN ({marks})", ids
    ):
        out[aid].add((typ, key))
    return out


def same_event_articles(conn: sqlite3.Connection, dated: set[tuple[str, str, str]]) -> set[int]:
    """Articles whose events match one of (type, actor_key, YYYY-MM-DD) within a day."""
    out: set[int] = set()
    for typ, key, day in dated:
        out.update(r[0] for r in conn.execute(
            """
            SELECT DISTINCT e.article_id FROM canonical_events c JOIN event_mentions m ON m.canonical_id = c.id
            JOIN events e ON e.id = m.event_id
            WHERE c.type = ? AND c.actor_key = ? AND length(c.date) = 10
              AND c.date BETWEEN date(?, '-1 day') AND date(?, '+1 day') LIMIT 50
            """,
            (typ, key, day, day),
        ))
    return out


def _story_span(conn: sqlite3.Connection, story_id: int) -> tuple[date | None, date | None]:
    row = conn.execute("SELECT first_date, last_date FROM stories WHERE id = ?", (story_id,)).fetchone()
    return (parse_day(row[0]), parse_day(row[1])) if row else (None, None)


def choose_story(
    conn: sqlite3.Connection,
    index: StoryIndex,
    sig: Signature,
    day: date | None,
    actors: set[str],
    event_keys: set[tuple[str, str]],
    dated_events: set[tuple[str, str, str]] = frozenset(),
) -> StoryLink | None:
    """The story an article should join, or None for a new one."""
    row = conn.execute(
        "SELECT article_id, story_id FROM article_kb WHERE text_hash = ? ORDER BY article_id LIMIT 1", (sig.text_hash,)
    ).fetchone()
    if row is not None and sig.size > 0:
        return StoryLink(row[1], Link.EXACT, row[0], 1.0)
    near = index.near_matches(sig)
    if near:
        sim, aid = near[0]
        return StoryLink(index.entries[aid].story_id, Link.NEAR, aid, sim)
    cands = index.topic_matches(sig, day)[:20]
    known = {aid for _, aid in cands}
    for aid in same_event_articles(conn, dated_events) - known:
        e = index.entries.get(aid)
        # the same window as topic matches: a trial a year later reports the old event as background
        if e is not None and day is not None and e.day is not None and abs((e.day - day).days) <= WINDOW_DAYS:
            sim = jaccard(sig.topic, e.topic)
            if sim >= TOPIC_WITH_EVENT:
                cands.append((sim, aid))
    if not cands:
        return None
    ids = [aid for _, aid in cands]
    their_actors = _actors_of(conn, ids)
    their_events = _event_keys_of(conn, ids)
    best: tuple[float, int, float] | None = None
    for sim, aid in cands:
        shared_actors = len(actors & their_actors[aid])
        shared_events = len(event_keys & their_events[aid])
        if not shared_actors and not shared_events:
            continue  # similar vocabulary alone is a theme, not a story
        score = sim + 0.05 * min(shared_actors, 4) + 0.1 * min(shared_events, 3)
        if best is None or score > best[0]:
            best = (score, aid, sim)
    if best is None:
        return None
    _, aid, sim = best
    story_id = index.entries[aid].story_id
    # Topic links must not stretch a story beyond MAX_STORY_DAYS (either direction).
    first, last = _story_span(conn, story_id)
    if day is not None and any(d is not None and abs((day - d).days) > MAX_STORY_DAYS for d in (first, last)):
        return None
    return StoryLink(story_id, Link.TOPIC, aid, sim)


def assign(
    conn: sqlite3.Connection,
    index: StoryIndex,
    aid: int,
    title: str,
    sig: Signature,
    published: str | None,
    actors: set[str],
    event_keys: set[tuple[str, str]],
    dated_events: set[tuple[str, str, str]] = frozenset(),
) -> StoryLink:
    """Place article `aid` in a story (creating one if needed) and record its signatures."""
    day = parse_day(published)
    link = choose_story(conn, index, sig, day, actors, event_keys, dated_events)
    if link is None:
        cur = conn.execute(
            "INSERT INTO stories (seed_article_id, title, first_date, last_date) VALUES (?,?,?,?)",
            (aid, title, day.isoformat() if day else None, day.isoformat() if day else None),
        )
        link = StoryLink(cur.lastrowid, Link.SEED, None, 1.0)
    elif day is not None:
        # keep the span current within a batch, so the MAX_STORY_DAYS check sees it
        d = day.isoformat()
        conn.execute(
            "UPDATE stories SET first_date = min(coalesce(first_date, ?), ?), last_date = max(coalesce(last_date, ?), ?)"
            " WHERE id = ?", (d, d, d, d, link.story_id))
    conn.execute(
        "INSERT OR REPLACE INTO article_kb (article_id, story_id, link, linked_to, similarity, text_hash, shingles, topic, day)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (aid, link.story_id, link.link.value, link.linked_to, round(link.similarity, 4), sig.text_hash,
         to_blob(sig.shingles), to_blob(sig.topic), day.isoformat() if day else None),
    )
    index.add(aid, sig.shingles, sig.topic, day, link.story_id)
    return link


def refresh_stories(conn: sqlite3.Connection, story_ids: set[int]) -> None:
    """Recompute the counts and date range of the given stories from their articles."""
    ids = sorted(story_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"""
            UPDATE stories SET
              num_articles = (SELECT count(*) FROM article_kb k WHERE k.story_id = stories.id),
              num_sources = (SELECT count(DISTINCT coalesce(a.source, '')) FROM article_kb k
                             JOIN articles a ON a.id = k.article_id WHERE k.story_id = stories.id),
              first_date = (SELECT min(k.day) FROM article_kb k WHERE k.story_id = stories.id),
              last_date = (SELECT max(k.day) FROM article_kb k WHERE k.story_id = stories.id)
            WHERE id IN ({marks})
            """,
            chunk,
        )
