"""The Parquet tables of a Spark run, and the conversions Document ⇄ rows.

One explicit schema per table, declared once here and rendered both as a
pyarrow schema (for `marsad load` and for checks) and as a Spark StructType
(for the job), so the two sides cannot drift apart.  Layer columns carry the
model's own field names, so a row minus its keys is the span's `to_dict()`.

Every layer row is keyed by `doc_key` (the document's content hash: the same
identity the SQLite store deduplicates on) and ordered by `idx`, the span's
position in its layer, so a Document is rebuilt exactly as the stages left it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, Iterable, Iterator

from marsad.model import DateMention, Document, Entity, Event
from marsad.pipeline import Failure


class ColumnType(Enum):
    STRING = "string"
    INT64 = "int64"
    FLOAT64 = "float64"
    STRING_LIST = "list<string>"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    nullable: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def arrow_schema(self):
        import pyarrow as pa

        kinds = {
            ColumnType.STRING: pa.string(),
            ColumnType.INT64: pa.int64(),
            ColumnType.FLOAT64: pa.float64(),
            ColumnType.STRING_LIST: pa.list_(pa.string()),
        }
        return pa.schema([pa.field(c.name, kinds[c.type], nullable=c.nullable) for c in self.columns])

    def spark_schema(self):
        from pyspark.sql import types as T

        kinds = {
            ColumnType.STRING: T.StringType(),
            ColumnType.INT64: T.LongType(),
            ColumnType.FLOAT64: T.DoubleType(),
            ColumnType.STRING_LIST: T.ArrayType(T.StringType(), containsNull=False),
        }
        return T.StructType([T.StructField(c.name, kinds[c.type], c.nullable) for c in self.columns])

    def row(self, values: dict[str, Any]) -> tuple:
        """A tuple in column order (what Spark's createDataFrame takes with a schema)."""
        return tuple(values[n] for n in self.names)


S, I, F, L = ColumnType.STRING, ColumnType.INT64, ColumnType.FLOAT64, ColumnType.STRING_LIST


def _cols(*spec: tuple[str, ColumnType] | tuple[str, ColumnType, bool]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in spec)


_KEYS = (("doc_key", S, False), ("doc_id", S, False), ("idx", I, False))

DOCUMENTS = Table("documents", _cols(
    ("doc_key", S, False), ("id", S, False), ("title", S, False), ("text", S, False),
    ("published", S), ("source", S), ("url", S), ("metadata", S, False),
))
ENTITIES = Table("entities", _cols(
    *_KEYS, ("start", I, False), ("end", I, False), ("text", S, False), ("type", S, False),
    ("actor", S), ("role", S), ("affiliation", S), ("source", S, False), ("confidence", F, False),
))
DATES = Table("dates", _cols(
    *_KEYS, ("start", I, False), ("end", I, False), ("text", S, False), ("value", S),
    ("calendar", S, False), ("kind", S, False),
))
EVENTS = Table("events", _cols(
    *_KEYS, ("type", S, False), ("cameo", S, False), ("source", L, False), ("target", L, False),
    ("start", I, False), ("end", I, False), ("text", S, False), ("date", S), ("location", S),
    ("confidence", F, False), ("trigger_start", I, False), ("trigger_end", I, False),
    ("trigger", S, False), ("quad", S, False), ("date_source", S, False),
))
QUARANTINE = Table("quarantine", _cols(
    ("doc_id", S, False), ("stage", S, False), ("reason", S, False), ("origin", S, False), ("payload", S, False),
))

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, ENTITIES, DATES, EVENTS, QUARANTINE)}
# Layer table → (Document attribute, span class).  Sentences and tokens are not
# stored: they are cheap to recompute and the knowledge base does not keep them.
LAYER_TABLES: dict[str, tuple[str, type]] = {
    "entities": ("entities", Entity),
    "dates": ("dates", DateMention),
    "events": ("events", Event),
}
PAYLOAD_LIMIT = 2000  # the store keeps at most this much of a failed input


def uncovered_fields() -> dict[str, list[str]]:
    """Model fields with no column: a test keeps this empty as the model grows."""
    out: dict[str, list[str]] = {}
    for table, (_, klass) in LAYER_TABLES.items():
        missing = [f.name for f in fields(klass) if f.name not in TABLES[table].names]
        if missing:
            out[table] = missing
    missing = [n for n in Document.SCALARS if n not in DOCUMENTS.names]
    if missing:
        out["documents"] = missing
    return out


# -- Document / Failure → rows ------------------------------
@dataclass(slots=True)
class TableRow:
    """One row bound for one table (the job's RDD element)."""

    table: str
    values: tuple


def document_rows(doc: Document) -> Iterator[TableRow]:
    key = doc.content_hash
    scalars = {name: getattr(doc, name) for name in Document.SCALARS}
    scalars["metadata"] = json.dumps(doc.metadata, ensure_ascii=False, default=str, sort_keys=True)
    yield TableRow("documents", DOCUMENTS.row({"doc_key": key, **scalars}))
    for table, (attr, _) in LAYER_TABLES.items():
        schema = TABLES[table]
        for idx, span in enumerate(getattr(doc, attr)):
            values = {"doc_key": key, "doc_id": doc.id, "idx": idx, **span.to_dict()}
            if table == "events":
                values["source"], values["target"] = list(span.source), list(span.target)
            yield TableRow(table, schema.row(values))


def failure_row(f: Failure) -> TableRow:
    values = {"doc_id": f.doc_id, "stage": f.stage, "reason": f.reason, "origin": f.origin,
              "payload": f.payload[:PAYLOAD_LIMIT]}
    return TableRow("quarantine", QUARANTINE.row(values))


def item_rows(item: Document | Failure) -> Iterator[TableRow]:
    if isinstance(item, Failure):
        yield failure_row(item)
    else:
        yield from document_rows(item)


# -- rows → Document / Failure ------------------------------
_LAYER_KEYS = ("doc_key", "doc_id", "idx")


def document_from_rows(doc_row: dict[str, Any], layers: dict[str, Iterable[dict[str, Any]]]) -> Document:
    """Rebuild a Document from its `documents` row and its layer rows (any order)."""
    doc = Document(
        id=doc_row["id"], text=doc_row["text"], title=doc_row["title"], published=doc_row["published"],
        source=doc_row["source"], url=doc_row["url"], metadata=json.loads(doc_row["metadata"]),
    )
    for table, rows in layers.items():
        attr, klass = LAYER_TABLES[table]
        ordered = sorted(rows, key=lambda r: r["idx"])
        setattr(doc, attr, [klass.from_dict({k: v for k, v in r.items() if k not in _LAYER_KEYS}) for r in ordered])
    return doc


def failure_from_row(row: dict[str, Any]) -> Failure:
    return Failure(row["doc_id"], row["stage"], row["reason"], row["origin"], row["payload"])
