"""The embedded SQLite knowledge base: connection, migrations, writes.

Design choices:
- WAL mode and a busy timeout, so readers (the API) keep working while an
  ingest writes, and a second writer waits instead of failing.
- The schema is versioned with `PRAGMA user_version`; migrations are numbered
  SQL files in `migrations/`, applied in order inside one transaction each, so
  an older database upgrades in place.
- Ingestion is idempotent by content hash, and writes happen in batched
  transactions: a crash loses at most the batch in flight.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

from marsad.model import Document
from marsad.pipeline import Failure

BUSY_TIMEOUT_MS = 60_000
_MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(RuntimeError):
    """The database cannot be opened or upgraded."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    out = []
    for entry in resources.files("marsad.store").joinpath("migrations").iterdir():
        m = _MIGRATION_RE.match(entry.name)
        if m:
            out.append(Migration(int(m.group(1)), entry.name, entry.read_text("utf-8")))
    out.sort(key=lambda m: m.version)
    for i, m in enumerate(out, start=1):
        if m.version != i:
            raise StoreError(f"migrations are not numbered 1..n: found {m.name} at position {i}")
    return out


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database; returns the new version."""
    current = schema_version(conn)
    known = migrations()
    if current > len(known):
        raise StoreError(f"database schema version {current} is newer than this marsad ({len(known)})")
    for m in known[current:]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(m.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {m.version}")
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration {m.name} failed: {err}") from err
    return schema_version(conn)


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements (our migrations hold no triggers with inner ';')."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    path = str(path)
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.OperationalError as err:
        raise StoreError(f"cannot open database {path}: {err}") from err
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    return conn


class Store:
    """Writes documents and failures in batched transactions."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = connect(self.path)
        self._kb = None  # marsad.kb.index.KbIndexer, created on first write
        self._new_articles: list[tuple[int, Document]] = []
        self._data_version: int | None = None  # PRAGMA data_version at our last write

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reads used by the writer ------------------------------
    def has_hash(self, content_hash: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    # -- writes ------------------------------
    def write_batch(self, items: Iterable[Document | Failure]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (articles added, failures added)."""
        added = failed = 0
        self._new_articles = []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._sync_with_other_writers()
            for item in items:
                if isinstance(item, Failure):
                    failed += self._insert_failure(item)
                else:
                    added += self._insert_document(item)
            if self._new_articles:
                self._kb_indexer().index_batch(self._new_articles)  # stories, event dedup, search: same transaction
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            if self._kb is not None:
                self._kb.reset()  # its in-memory LSH may hold rows that were just rolled back
            raise
        finally:
            self._new_articles = []
        return added, failed

    def _sync_with_other_writers(self) -> None:
        """Drop the in-memory story index if another connection committed since our last
        batch (a second `marsad run` on the same database): its articles must be seen
        for story linking.  Runs under the write lock, so nothing changes meanwhile."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._data_version is not None and version != self._data_version and self._kb is not None:
            self._kb.reset()
        self._data_version = version

    def _kb_indexer(self):
        if self._kb is None:
            from marsad.kb.index import KbIndexer

            self._kb = KbIndexer(self.conn)
        return self._kb

    def _insert_failure(self, f: Failure) -> int:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO quarantine (doc_id, stage, reason, origin, payload) VALUES (?,?,?,?,?)",
            (f.doc_id, f.stage, f.reason, f.origin, f.payload[:2000]),
        )
        return cur.rowcount

    def _insert_document(self, doc: Document) -> int:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (doc_id, content_hash, title, text, published, source, url, metadata)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                doc.id,
                doc.content_hash,
                doc.title,
                doc.text,
                doc.published,
                doc.source,
                doc.url,
                json.dumps(doc.metadata, ensure_ascii=False, default=str),
            ),
        )
        if cur.rowcount == 0:
            return 0
        aid = cur.lastrowid
        self.conn.executemany(
            "INSERT INTO mentions (article_id, start, end, text, type, actor, role, affiliation, recogniser, confidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (aid, e.start, e.end, e.text, e.type, e.actor, e.role, e.affiliation, e.source, e.confidence)
                for e in doc.entities
            ],
        )
        self.conn.executemany(
            "INSERT INTO dates (article_id, start, end, text, value, calendar) VALUES (?,?,?,?,?,?)",
            [(aid, d.start, d.end, d.text, d.value, d.calendar) for d in doc.dates],
        )
        for ev in doc.events:
            ecur = self.conn.execute(
                "INSERT INTO events (article_id, type, cameo, quad, source, target, date, date_source, location,"
                " start, end, evidence, trigger_start, trigger_end, trigger, confidence)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    aid, ev.type, ev.cameo, ev.quad,
                    json.dumps(ev.source, ensure_ascii=False), json.dumps(ev.target, ensure_ascii=False),
                    ev.date, ev.date_source, ev.location, ev.start, ev.end, ev.text,
                    ev.trigger_start, ev.trigger_end, ev.trigger, ev.confidence,
                ),
            )
            eid = ecur.lastrowid
            rows = {(eid, a, "source") for a in ev.source} | {(eid, a, "target") for a in ev.target}
            self.conn.executemany("INSERT OR IGNORE INTO event_actors (event_id, actor, side) VALUES (?,?,?)", rows)
        self._new_articles.append((aid, doc))
        return 1

    def record_run(self, started_at: str, finished_at: str, inputs: list[str], stats: dict) -> None:
        self.conn.execute(
            "INSERT INTO runs (started_at, finished_at, inputs, stats) VALUES (?,?,?,?)",
            (started_at, finished_at, json.dumps(inputs, ensure_ascii=False), json.dumps(stats, ensure_ascii=False)),
        )
