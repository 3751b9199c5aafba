"""`marsad load` on Parquet written without Spark (the same tables, via pyarrow): no JVM needed."""
from __future__ import annotations

import sqlite3

import pytest

from marsad.model import Entity
from marsad.pipeline import Failure
from marsad.spark.load import LoadError, iter_items, load, read_table
from spark_samples import sample_document, write_tables


def _count(db, table):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_load_is_idempotent_and_keeps_layers(tmp_path):
    docs = [sample_document(i) for i in range(5)]
    root = write_tables(tmp_path / "out", [*docs, Failure("x", "read", "bad", "a.jsonl:9", "{")])
    first = load(root, tmp_path / "kb.db")
    second = load(root, tmp_path / "kb.db")
    assert (first.documents, first.stored, first.failures, first.quarantined) == (5, 5, 1, 1)
    assert (second.stored, second.unchanged, second.quarantined) == (0, 5, 0)
    assert _count(tmp_path / "kb.db", "mentions") == 5
    assert _count(tmp_path / "kb.db", "event_actors") == 10


def test_rebuilt_documents_equal_the_originals(tmp_path):
    docs = {d.id: d for d in (sample_document(i) for i in range(5))}
    root = write_tables(tmp_path / "out", list(docs.values()))
    for item in iter_items(root):
        assert item.to_record() == docs[item.id].to_record()


def test_duplicate_documents_share_layers(tmp_path):
    a, b = sample_document(0), sample_document(0)
    b.id = "same-content-other-id"
    root = write_tables(tmp_path / "out", [a, b])
    items = list(iter_items(root))
    assert len(items) == 2 and all(len(d.entities) == 1 for d in items)
    summary = load(root, tmp_path / "kb.db")
    assert (summary.stored, summary.unchanged) == (1, 1)


def test_a_span_that_does_not_index_its_text_is_rejected(tmp_path):
    doc = sample_document(1)
    doc.entities.append(Entity(0, 3, "xyz", type="PER"))
    root = write_tables(tmp_path / "out", [doc, sample_document(2)])
    summary = load(root, tmp_path / "kb.db")
    assert (summary.stored, summary.rejected) == (1, 1)
    assert _count(tmp_path / "kb.db", "quarantine") == 1


def test_empty_tables_load(tmp_path):
    root = write_tables(tmp_path / "out", [])
    assert load(root, tmp_path / "kb.db").documents == 0


def test_not_a_spark_output(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(LoadError, match="missing table"):
        read_table(tmp_path / "out", "documents")
