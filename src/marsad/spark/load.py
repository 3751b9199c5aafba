"""`marsad load DIR`: merge a Spark run's Parquet tables into the SQLite knowledge base.

Documents are rebuilt from their rows (marsad.spark.tables) and written with
`Store.write_batch`, which is idempotent by content hash: loading the same
output twice, or an output that overlaps the database, adds nothing twice.

Memory stays bounded by the columnar tables: every table is sorted by
`doc_key` and the layers are merge-joined to the documents in one pass, so no
per-document dictionaries of the whole corpus are built.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from marsad.model import Document, SpanError
from marsad.pipeline import Failure
from marsad.spark.tables import DOCUMENTS, LAYER_TABLES, QUARANTINE, TABLES, document_from_rows, failure_from_row

DEFAULT_BATCH = 500
_CHUNK = 4096


class LoadError(ValueError):
    """The folder is not the output of `marsad spark` (a table is missing or malformed)."""


@dataclass
class LoadSummary:
    documents: int = 0  # rows of `documents`
    stored: int = 0  # new articles in the database
    unchanged: int = 0  # already there (same content hash)
    failures: int = 0  # rows of `quarantine`
    quarantined: int = 0  # new quarantine rows in the database
    rejected: int = 0  # documents whose spans do not index their text (quarantined as stage "load")
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def read_table(root: Path, name: str):
    """One table as a pyarrow Table in its declared schema (empty if Spark wrote no rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = TABLES[name].arrow_schema()
    folder = root / name
    if not folder.is_dir():
        raise LoadError(f"{folder}: missing table {name!r} (is {root} the output of `marsad spark`?)")
    files = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))
    if not files:
        return schema.empty_table()
    try:
        table = pq.read_table(files, schema=None)
    except (pa.ArrowInvalid, OSError) as err:
        raise LoadError(f"{folder}: unreadable Parquet: {err}") from err
    missing = [n for n in schema.names if n not in table.column_names]
    if missing:
        raise LoadError(f"{folder}: columns {missing} missing")
    # Spark names list items "element" and marks columns required: cast to our schema.
    return table.select(schema.names).cast(schema)


def _sorted_rows(table, keys: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for batch in table.sort_by(keys).to_batches(max_chunksize=_CHUNK):
        yield from batch.to_pylist()


def _grouped(rows: Iterator[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Consecutive rows of one doc_key; a duplicated document's layer rows kept once per idx."""
    key, group, seen = None, [], set()
    for row in rows:
        if row["doc_key"] != key:
            if group:
                yield key, group
            key, group, seen = row["doc_key"], [], set()
        if row["idx"] not in seen:
            seen.add(row["idx"])
            group.append(row)
    if group:
        yield key, group


class _Cursor:
    """A sorted group stream that can be advanced to a given key."""

    def __init__(self, groups: Iterator[tuple[str, list[dict[str, Any]]]]):
        self._groups = groups
        self._head = next(groups, None)

    def take(self, key: str) -> list[dict[str, Any]]:
        # Layer rows whose document row is missing (cannot happen for a complete
        # Spark output) are skipped rather than attached to the wrong document.
        while self._head is not None and self._head[0] < key:
            self._head = next(self._groups, None)
        if self._head is not None and self._head[0] == key:
            rows = self._head[1]
            self._head = next(self._groups, None)
            return rows
        return []


def iter_items(root: str | Path) -> Iterator[Document | Failure]:
    """Every document (rebuilt, checked) and failure of a Spark output folder."""
    root = Path(root)
    docs = read_table(root, DOCUMENTS.name)
    cursors = {name: _Cursor(_grouped(_sorted_rows(read_table(root, name), [("doc_key", "ascending"), ("idx", "ascending")])))
               for name in LAYER_TABLES}
    last_key, last_layers = None, {}
    for row in _sorted_rows(docs, [("doc_key", "ascending"), ("id", "ascending")]):
        # A duplicated document (same content twice in the input) shares its layers.
        if row["doc_key"] != last_key:
            last_key, last_layers = row["doc_key"], {name: c.take(row["doc_key"]) for name, c in cursors.items()}
        doc = document_from_rows(row, last_layers)
        try:
            doc.check()
        except SpanError as err:
            yield Failure(doc.id, "load", f"SpanError: {err}", doc.metadata.get("origin", ""))
            continue
        yield doc
    for row in _sorted_rows(read_table(root, QUARANTINE.name), [("origin", "ascending"), ("doc_id", "ascending")]):
        yield failure_from_row(row)


def load(root: str | Path, db: str | Path, batch_size: int = DEFAULT_BATCH) -> LoadSummary:
    """Merge the Spark output under `root` into the database `db`."""
    from marsad.store.db import Store

    summary = LoadSummary()
    t0 = time.perf_counter()
    started = datetime.now(timezone.utc).isoformat()
    with Store(db) as store:
        batch: list[Document | Failure] = []
        for item in iter_items(root):
            if isinstance(item, Failure):
                if item.stage == "load":
                    summary.rejected += 1
                else:
                    summary.failures += 1
            else:
                summary.documents += 1
            batch.append(item)
            if len(batch) >= batch_size:
                _write(store, batch, summary)
                batch = []
        if batch:
            _write(store, batch, summary)
        summary.seconds = time.perf_counter() - t0
        store.record_run(started, datetime.now(timezone.utc).isoformat(), [f"spark:{root}"], summary.as_dict())
    return summary


def _write(store, batch: list[Document | Failure], summary: LoadSummary) -> None:
    added, quarantined = store.write_batch(batch)
    summary.stored += added
    summary.unchanged += sum(isinstance(i, Document) for i in batch) - added
    summary.quarantined += quarantined
