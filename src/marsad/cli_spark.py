"""Scale-out commands: `marsad spark` (the PySpark job) and `marsad load` (its output → SQLite)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from marsad.cli import DB_OPTION, EXIT_FATAL, EXIT_PARTIAL, err


def register(app: typer.Typer) -> None:
    app.command(name="spark")(spark)
    app.command(name="load")(load)


def spark(
    inputs: list[str] = typer.Option(..., "--input", "-i", help="WARC, .warc.gz or JSONL path, folder, or a text file listing them (repeatable; file://, hdfs://, s3a:// as the cluster provides)."),
    output: str = typer.Option(..., "--output", "-o", help="Output folder: Parquet tables documents, entities, dates, events, quarantine."),
    master: Optional[str] = typer.Option("local[*]", "--master", help="Spark master URL, e.g. local[2], spark://host:7077, yarn."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="Record partitions (default: 4 × the cluster's parallelism)."),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON on stdout."),
) -> None:
    """Run the pipeline on Spark and write Parquet (then `marsad load DIR` merges it into SQLite)."""
    try:
        from marsad.spark.job import build_session, run_job
    except ModuleNotFoundError as e:
        err.print(f"[red]fatal[/red] {e.name} is not installed: pip install 'marsad[spark]'")
        raise typer.Exit(EXIT_FATAL) from e
    from pyspark.sql import SparkSession

    # Inside a running driver (a notebook, the tests) the session is borrowed, not stopped.
    borrowed = SparkSession.getActiveSession() is not None
    session = build_session(master)
    session.sparkContext.setLogLevel("ERROR")
    try:
        result = run_job(session, inputs, output, partitions)
    except ValueError as e:
        err.print(f"[red]fatal[/red] {e}")
        raise typer.Exit(EXIT_FATAL) from e
    finally:
        if not borrowed:
            session.stop()
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
    table = Table(title=f"marsad spark → {output}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in (("processed", result.processed), ("failed", result.failed), ("partitions", result.partitions),
                        ("seconds", f"{result.seconds:.1f}"), *((f"rows: {k}", v) for k, v in result.rows.items())):
        table.add_row(name, str(value))
    err.print(table)
    raise typer.Exit(EXIT_PARTIAL if result.failed else 0)


def load(
    folder: Path = typer.Argument(..., exists=True, file_okay=False, help="Output folder of `marsad spark`."),
    db: Path = DB_OPTION,
    batch_size: int = typer.Option(500, help="Documents per transaction."),
    as_json: bool = typer.Option(False, "--json", help="Print the load summary as JSON on stdout."),
) -> None:
    """Merge a Spark run's Parquet output into the SQLite knowledge base (idempotent)."""
    from marsad.spark.load import LoadError
    from marsad.spark.load import load as run_load
    from marsad.store.db import StoreError

    try:
        summary = run_load(folder, db, batch_size=batch_size)
    except (LoadError, StoreError) as e:
        err.print(f"[red]fatal[/red] {e}")
        raise typer.Exit(EXIT_FATAL) from e
    if as_json:
        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False) + "\n")
    table = Table(title=f"marsad load {folder} → {db}")
    for col in ("documents", "stored", "unchanged", "quarantined", "rejected"):
        table.add_column(col, justify="right")
    table.add_row(*(str(getattr(summary, c)) for c in ("documents", "stored", "unchanged", "quarantined", "rejected")))
    err.print(table)
    raise typer.Exit(EXIT_PARTIAL if summary.rejected else 0)
