"""What ingestion calls: keep stories, canonical events, actors and the search index current.

`KbIndexer.index_batch` runs inside the writer's batch transaction (marsad.store.db.Store),
so a crash loses the batch and its knowledge-base rows together, and a re-run (which
skips known content hashes) creates no duplicate stories or events.  The in-memory
LSH index must be dropped when that transaction rolls back (`reset`).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from marsad.kb.actors import record_actors, refresh_names
from marsad.kb.analysis import stems
from marsad.kb.dedup import EventRow, actor_key, link_events, refresh_counts
from marsad.kb.signatures import signature_of_stems
from marsad.kb.stories import StoryIndex, assign, refresh_stories
from marsad.model import Document
from marsad.store.queries import event_from_row


@dataclass
class BatchReport:
    articles: int = 0
    stories: set[int] = field(default_factory=set)
    canonical: set[int] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)


def index_fts(conn: sqlite3.Connection, aid: int, title_words: list[str], text_words: list[str]) -> None:
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)",
        (aid, " ".join(title_words), " ".join(text_words)),
    )


class KbIndexer:
    """Per-connection indexer; holds the LSH index between batches."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._stories: StoryIndex | None = None

    def reset(self) -> None:
        """Forget in-memory state (after a rollback); it is reloaded from the database on next use."""
        self._stories = None

    @property
    def stories(self) -> StoryIndex:
        if self._stories is None:
            self._stories = StoryIndex.load(self.conn)
        return self._stories

    def index_batch(self, items: list[tuple[int, Document]]) -> BatchReport:
        """Index newly inserted articles (must run inside the caller's transaction)."""
        report = BatchReport()
        for aid, doc in items:
            self._index_one(aid, doc, report)
        refresh_stories(self.conn, report.stories)
        refresh_counts(self.conn, report.canonical)
        refresh_names(self.conn, report.actors)
        return report

    def _index_one(self, aid: int, doc: Document, report: BatchReport) -> None:
        conn = self.conn
        title_words, text_words = stems(doc.title), stems(doc.text)  # analysed once, used twice
        index_fts(conn, aid, title_words, text_words)
        # Event rows come from the database (ids in insertion order), so a rebuild and a live
        # ingest see the same thing.
        rows = [EventRow(r["id"], event_from_row(r)) for r in conn.execute(
            "SELECT * FROM events WHERE article_id = ? ORDER BY id", (aid,))]
        actors = {e.actor for e in doc.entities if e.actor}
        for r in rows:
            actors.update(r.event.source)
            actors.update(r.event.target)
        keys = {(r.event.type, actor_key(r.event.source, r.event.target)) for r in rows}
        dated = {(r.event.type, actor_key(r.event.source, r.event.target), r.event.date) for r in rows
                 if r.event.date and len(r.event.date) == 10 and (r.event.source or r.event.target)}
        link = assign(conn, self.stories, aid, doc.title, signature_of_stems(title_words, text_words), doc.published, actors, keys,
                      dated)
        report.canonical |= link_events(conn, aid, link.story_id, rows)
        report.actors |= record_actors(conn, doc)
        report.stories.add(link.story_id)
        report.articles += 1


def reindex(conn: sqlite3.Connection, *, full: bool = False, batch: int = 500) -> int:
    """Index stored articles that the knowledge base has not seen (all of them when `full`).

    For databases created before schema version 2, or to rebuild after changing the
    story thresholds.  Runs in batched transactions; returns the number indexed.
    """
    from marsad.store.queries import load_document

    if full:
        conn.execute("BEGIN IMMEDIATE")
        for table in ("event_mentions", "canonical_actors", "canonical_events", "lsh_band", "article_kb", "stories",
                      "actor_aliases", "actor_roles", "actors"):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        conn.execute("COMMIT")
    indexer = KbIndexer(conn)
    done = 0
    while True:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_kb) ORDER BY id LIMIT ?", (batch,)
        )]
        if not ids:
            return done
        conn.execute("BEGIN IMMEDIATE")
        try:
            items = []
            for aid in ids:
                doc = load_document(conn, str(aid))
                assert doc is not None
                items.append((aid, doc))
            indexer.index_batch(items)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            indexer.reset()
            raise
        done += len(ids)
