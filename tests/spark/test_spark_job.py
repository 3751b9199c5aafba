"""The Spark job against the local runner: same records, same knowledge base.

One local[2] SparkSession serves every test here (the session fixture).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import spark_samples
from marsad.model import Document
from marsad.pipeline import Failure
from spark_samples import article_records, write_jsonl, write_warc

pytestmark = pytest.mark.spark

KB_TABLES = ("articles", "mentions", "dates", "events", "event_actors", "quarantine")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("spark_in")
    recs = article_records(40)
    jsonl = root / "news.jsonl"
    write_jsonl(jsonl, recs[:20])
    with jsonl.open("a", encoding="utf-8") as fh:  # two bad lines become Failures
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "no-text", "title": "بلا نص"}, ensure_ascii=False) + "\n")
    warc = write_warc(root / "crawl.warc.gz", recs[20:])
    return [str(jsonl), str(warc)]


@pytest.fixture(scope="module")
def spark_out(spark_session, inputs, tmp_path_factory):
    from marsad.spark.job import run_job

    out = tmp_path_factory.mktemp("spark_out")
    listing = out.parent / "inputs.txt"
    listing.write_text("# the test inputs\n" + "\n".join(inputs) + "\n", encoding="utf-8")
    result = run_job(spark_session, [str(listing)], str(out), partitions=3)
    return out, result


def _local_records(inputs: list[str]) -> tuple[dict[str, dict], list[Failure]]:
    from marsad.runner import extract

    docs, failures = {}, []
    for item in extract(inputs):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            docs[item.id] = item.to_record()
    return docs, failures


def test_spark_gives_the_same_records_as_extract(spark_out, inputs):
    from marsad.spark.load import iter_items

    out, result = spark_out
    local_docs, local_failures = _local_records(inputs)
    spark_docs, spark_failures = {}, []
    for item in iter_items(out):
        if isinstance(item, Document):
            spark_docs[item.id] = item.to_record()
        else:
            spark_failures.append(item)
    assert len(local_docs) == 40
    assert sorted(spark_docs) == sorted(local_docs)
    for doc_id, rec in local_docs.items():
        got = spark_docs[doc_id]
        for key in ("text", "title", "published", "url", "source", "metadata", "entities", "dates", "events"):
            assert got[key] == rec[key], (doc_id, key)
    key = lambda f: (f.origin, f.doc_id, f.stage, f.reason)  # noqa: E731
    assert sorted(map(key, spark_failures)) == sorted(map(key, local_failures))
    assert (result.processed, result.failed) == (40, 2)
    assert result.rows["documents"] == 40 and result.rows["quarantine"] == 2


def test_parquet_schemas_are_the_declared_ones(spark_out):
    import pyarrow.parquet as pq

    from marsad.spark.tables import TABLES

    out, _ = spark_out
    for name, table in TABLES.items():
        files = sorted((out / name).glob("*.parquet"))
        assert files, name
        schema = pq.read_schema(files[0])
        assert schema.names == list(table.names), name
        for field, expected in zip(schema, table.arrow_schema()):
            assert field.type.equals(expected.type, check_metadata=False) or str(field.type).startswith("list"), (name, field)


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in KB_TABLES}
    finally:
        conn.close()


def test_load_matches_run_and_is_idempotent(spark_out, inputs, tmp_path):
    from marsad.runner import ingest
    from marsad.spark.load import load

    out, _ = spark_out
    local = ingest(inputs, tmp_path / "local.db")
    first = load(out, tmp_path / "spark.db")
    again = load(out, tmp_path / "spark.db")
    assert (first.stored, first.failures) == (local.stored, local.failed) == (40, 2)
    assert (again.stored, again.unchanged, again.quarantined) == (0, 40, 0)
    assert _counts(tmp_path / "spark.db") == _counts(tmp_path / "local.db")


def test_load_merges_into_a_database_the_local_runner_filled(spark_out, inputs, tmp_path):
    from marsad.runner import ingest
    from marsad.spark.load import load

    out, _ = spark_out
    ingest(inputs[:1], tmp_path / "kb.db")  # the JSONL half first
    merged = load(out, tmp_path / "kb.db")
    assert (merged.stored, merged.unchanged) == (20, 20)
    ingest(inputs, tmp_path / "all.db")
    assert _counts(tmp_path / "kb.db") == _counts(tmp_path / "all.db")


def test_a_failing_stage_quarantines_one_document(spark_session, inputs, tmp_path):
    from pyspark import cloudpickle

    from marsad.spark.job import run_job

    cloudpickle.register_pickle_by_value(spark_samples)  # the workers cannot import tests/
    try:
        result = run_job(spark_session, inputs, str(tmp_path / "out"), partitions=2,
                         make_stages=spark_samples.stages_with_explosion)
    finally:
        cloudpickle.unregister_pickle_by_value(spark_samples)
    # one document (art-00003) fails in the extra stage; the rest of its partition goes on
    assert (result.processed, result.failed) == (39, 3)
    assert result.stage_seconds.get("text", 0) > 0


def test_cli_spark_and_load(spark_session, inputs, tmp_path):
    """`marsad spark` then `marsad load` through the typer app (reuses the running session)."""
    from typer.testing import CliRunner

    from marsad.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["spark", "-i", inputs[0], "-o", str(tmp_path / "o"), "--master", "local[2]", "--partitions", "2", "--json"])
    assert res.exit_code == 3, res.output  # partial: two bad lines quarantined
    summary = json.loads(res.stdout.strip().splitlines()[0])
    assert summary["processed"] == 20 and summary["failed"] == 2
    res = runner.invoke(app, ["load", str(tmp_path / "o"), "--db", str(tmp_path / "k.db"), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.strip().splitlines()[0])["stored"] == 20
