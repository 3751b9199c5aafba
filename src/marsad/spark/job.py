"""The PySpark job: inputs → records → the local stage list per partition → Parquet.

Design (after Common Crawl's cc-pyspark): the driver only lists inputs; Spark
reads each file's bytes (`binaryFiles`, so any Hadoop file system works);
records are split out where the file was read, spread over partitions, and
each partition builds the pipeline once (`default_stages()`, the same list as
`marsad run` and `marsad extract`) and streams its records through
`marsad.pipeline.process`, which turns a stage error into a Failure: one bad
document never kills a partition.  Reader errors are Failures too.  The rows
are cached once and written as five Parquet tables (marsad.spark.tables).

Submit with `spark-submit src/marsad/spark/job.py --input ... --output ...`
(see docs/spark.md) or run `marsad spark`.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable, Iterator, Sequence

from marsad.pipeline import Stage, default_stages
from marsad.settings import Settings, current
from marsad.spark.tables import TABLES

DEFAULT_APP_NAME = "marsad"


@dataclass
class JobResult:
    output: str
    inputs: list[str]
    processed: int = 0  # documents that went through every stage
    failed: int = 0  # reader and stage failures (rows of `quarantine`)
    rows: dict[str, int] = field(default_factory=dict)  # table → rows written
    stage_seconds: dict[str, float] = field(default_factory=dict)  # summed over executors
    seconds: float = 0.0
    partitions: int = 0

    def as_dict(self) -> dict:
        return {
            "output": self.output, "inputs": self.inputs, "processed": self.processed, "failed": self.failed,
            "rows": self.rows, "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "seconds": round(self.seconds, 3), "partitions": self.partitions,
        }


# -- executor side ------------------------------
def split_partition(files: Iterable[tuple[str, bytes]], settings: Settings) -> Iterator:
    from marsad.settings import use
    from marsad.spark.sources import split_file

    with use(settings):
        for origin, data in files:
            yield from split_file(origin, data)


def process_partition(records: Iterable, processed, failed, stage_seconds, settings: Settings,
                      make_stages: Callable[[], Sequence[Stage]] = default_stages) -> Iterator[tuple[str, tuple]]:
    """Executor side: build the stages once, then stream this partition's records.

    `settings` are the driver's (marsad.settings): the same size and time limits
    as the local runner, whatever the executors' environment says.
    """
    from marsad.pipeline import Stats
    from marsad.settings import use

    stages = make_stages()
    stats = Stats()
    try:
        with use(settings):
            yield from _process_records(records, stages, stats, settings, processed, failed)
    finally:
        stage_seconds.add(dict(stats.seconds))


def _process_records(records, stages, stats, settings, processed, failed) -> Iterator[tuple[str, tuple]]:
    from marsad.pipeline import Failure, process
    from marsad.spark.sources import parse_record
    from marsad.spark.tables import item_rows

    for rec in records:
        items = [rec] if isinstance(rec, Failure) else parse_record(rec)
        for item in items:
            if not isinstance(item, Failure):
                item = process(item, stages, stats, settings.max_doc_seconds)
            if isinstance(item, Failure):
                failed.add(1)
            else:
                processed.add(1)
            for row in item_rows(item):
                yield row.table, row.values


def _is_table(name: str, pair: tuple[str, tuple]) -> bool:
    return pair[0] == name


def _values(pair: tuple[str, tuple]) -> tuple:
    return pair[1]


def _table_name(pair: tuple[str, tuple]) -> str:
    return pair[0]


# -- driver side ------------------------------
def _counter_param():
    from pyspark.accumulators import AccumulatorParam

    class CounterParam(AccumulatorParam):
        """Sums per-stage seconds from every task into one dict."""

        def zero(self, value):
            return {}

        def addInPlace(self, a, b):
            c = Counter(a)
            c.update(b)
            return dict(c)

    return CounterParam()


def build_session(master: str | None = None, app_name: str = DEFAULT_APP_NAME, ui: bool = False):
    """A SparkSession; in local mode the workers use this very Python."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.ui.enabled", "true" if ui else "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    # Few shuffle partitions: the only shuffle is the record repartition, sized explicitly.
    builder = builder.config("spark.sql.shuffle.partitions", "8")
    return builder.getOrCreate()


def resolve_inputs(sc, inputs: Sequence[str]) -> list[str]:
    """Expand listing files (read through Spark, so remote listings work)."""
    from marsad.spark.sources import InputKind, input_kind, parse_listing

    out: list[str] = []
    for path in inputs:
        if input_kind(path) is InputKind.LISTING and not _is_dir(sc, path):
            out.extend(parse_listing("\n".join(sc.textFile(path).collect())))
        else:
            out.append(path)
    return out


def _is_dir(sc, path: str) -> bool:
    """A folder of inputs is read whole by binaryFiles; ask Hadoop's file system."""
    jvm = sc._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(sc._jsc.hadoopConfiguration())
    return fs.exists(hpath) and fs.getFileStatus(hpath).isDirectory()


def run_job(spark, inputs: Sequence[str], output: str, partitions: int | None = None,
            make_stages: Callable[[], Sequence[Stage]] = default_stages, settings: Settings | None = None) -> JobResult:
    """Process `inputs` and write the Parquet tables under `output` (overwriting them).

    `make_stages` (a picklable factory, called once per partition) defaults to the
    local runner's `default_stages`; tests and benchmarks pass other lists.
    """
    from pyspark import StorageLevel

    t0 = time.perf_counter()
    sc = spark.sparkContext
    paths = resolve_inputs(sc, inputs)
    result = JobResult(output=output, inputs=paths)
    if not paths:
        raise ValueError("no inputs")
    n_parts = partitions or max(2, sc.defaultParallelism * 4)
    processed, failed = sc.accumulator(0), sc.accumulator(0)
    stage_seconds = sc.accumulator({}, _counter_param())

    settings = current() if settings is None else settings
    records = sc.binaryFiles(",".join(paths)).mapPartitions(partial(split_partition, settings=settings))
    rows = records.repartition(n_parts).mapPartitions(partial(
        process_partition, processed=processed, failed=failed, stage_seconds=stage_seconds, settings=settings,
        make_stages=make_stages))
    # Computed once and cached: five writes read the cache, so stages (and the
    # accumulators) run once per record.
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = rows.map(_table_name).countByValue()
        for name, table in TABLES.items():
            part = rows.filter(partial(_is_table, name)).map(_values)
            df = spark.createDataFrame(part, schema=table.spark_schema(), verifySchema=False)
            df.write.mode("overwrite").parquet(_join(output, name))
    finally:
        rows.unpersist()
    result.rows = {name: int(counts.get(name, 0)) for name in TABLES}
    result.processed, result.failed = processed.value, failed.value
    result.stage_seconds = dict(stage_seconds.value)
    result.partitions = n_parts
    result.seconds = time.perf_counter() - t0
    return result


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


# -- spark-submit entry point ------------------------------
def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="marsad-spark", description="Run the marsad pipeline on Spark.")
    p.add_argument("--input", "-i", action="append", required=True,
                   help="WARC/.warc.gz/JSONL path, folder or listing file (repeatable; local, hdfs://, s3a://).")
    p.add_argument("--output", "-o", required=True, help="Output folder for the Parquet tables.")
    p.add_argument("--master", default=None, help="Spark master (default: as spark-submit or the environment sets).")
    p.add_argument("--partitions", type=int, default=None, help="Record partitions (default: 4 × parallelism).")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    import json

    args = parse_args(argv)
    spark = build_session(args.master)
    try:
        result = run_job(spark, args.input, args.output, args.partitions)
    finally:
        spark.stop()
    print(json.dumps(result.as_dict(), ensure_ascii=False))
    return 3 if result.failed else 0


if __name__ == "__main__":  # pragma: no cover - spark-submit entry
    sys.exit(main())
