"""The `marsad` command: a thin layer over marsad.runner, marsad.store and marsad.eval.

Exit codes: 0 all good; 1 fatal error (e.g. the database cannot be opened);
2 usage error; 3 partial failure (some inputs quarantined, the rest done);
4 not found (an id or actor with no record).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from marsad.model import Document
from marsad.pipeline import Failure

app = typer.Typer(add_completion=False, no_args_is_help=True, help="marsad (مرصد): Arabic news → who did what to whom, when and where.")
train_app = typer.Typer(no_args_is_help=True, help="Train the project's own models from ../shared/data.")
app.add_typer(train_app, name="train")

out = Console()
err = Console(stderr=True)

EXIT_FATAL, EXIT_PARTIAL, EXIT_NOT_FOUND = 1, 3, 4
DB_OPTION = typer.Option(Path("marsad.db"), "--db", help="SQLite database file.")


class OutputFormat(str, Enum):
    jsonl = "jsonl"


def _print_failure(f: Failure) -> None:
    err.print(f"[red]error[/red] {escape(f.message())}", highlight=False, soft_wrap=True)


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    db: Path = DB_OPTION,
    batch_size: int = typer.Option(200, help="Documents per transaction (a crash loses at most one batch)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    max_doc_bytes: Optional[int] = typer.Option(
        None, min=1, help="Quarantine a document over this many bytes (default 5,000,000; env MARSAD_MAX_DOC_BYTES)."),
    max_doc_seconds: Optional[float] = typer.Option(
        None, min=0, help="Quarantine a document that takes longer (default 60; 0 = no limit; env MARSAD_MAX_DOC_SECONDS)."),
) -> None:
    """Ingest, process and store articles (idempotent: a second run adds nothing)."""
    from marsad.runner import ingest
    from marsad.settings import Settings, SettingsError
    from marsad.store.db import StoreError

    try:
        settings = Settings.from_env().with_overrides(max_doc_bytes=max_doc_bytes, max_doc_seconds=max_doc_seconds)
    except SettingsError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(2) from e

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=True)

    def on_item(item: Document | Failure) -> None:
        progress.advance(task)
        if isinstance(item, Failure):
            progress.console.print(f"[red]error[/red] {escape(item.message())}", highlight=False, soft_wrap=True)

    try:
        with progress:
            task = progress.add_task("marsad run", total=None)
            summary = ingest(inputs, db, batch_size=batch_size, on_item=on_item, settings=settings)
    except StoreError as e:
        err.print(f"[red]fatal[/red] {e}")
        raise typer.Exit(EXIT_FATAL) from e

    table = Table(title=f"marsad run → {db}")
    table.add_column("read", justify="right")
    table.add_column("stored", justify="right")
    table.add_column("unchanged", justify="right")
    table.add_column("quarantined", justify="right")
    table.add_column("docs/s", justify="right")
    rate = summary.read / summary.seconds if summary.seconds else 0.0
    table.add_row(str(summary.read), str(summary.stored), str(summary.unchanged), str(summary.failed), f"{rate:.1f}")
    err.print(table)
    if summary.stats.seconds:
        st = Table(title="time per stage")
        st.add_column("stage")
        st.add_column("seconds", justify="right")
        st.add_column("failures", justify="right")
        for name, secs in summary.stats.seconds.items():
            st.add_row(name, f"{secs:.2f}", str(summary.stats.failures.get(name, 0)))
        err.print(st)
    raise typer.Exit(summary.exit_code)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="Output format."),
) -> None:
    """Print the extraction record (docs/extract-format.md) of each input document, one JSON line each."""
    from marsad.runner import extract as run_extract

    failed = 0
    for item in run_extract(inputs):
        if isinstance(item, Failure):
            failed += 1
            _print_failure(item)
            continue
        sys.stdout.write(json.dumps(item.to_record(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    raise typer.Exit(EXIT_PARTIAL if failed else 0)


@app.command()
def show(ref: str = typer.Argument(..., help="Article id (input id, database id or content-hash prefix)."), db: Path = DB_OPTION) -> None:
    """Print one stored article as its extraction record."""
    from marsad.store.db import connect
    from marsad.store.queries import load_document

    conn = connect(db)
    doc = load_document(conn, ref)
    if doc is None:
        err.print(f"no article {ref!r} in {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    sys.stdout.write(json.dumps(doc.to_record(), ensure_ascii=False, indent=1) + "\n")


@app.command(name="eval")
def eval_cmd(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL (see ../shared/gold/GUIDELINES.md)."),
    articles: Optional[Path] = typer.Option(None, "--articles", exists=True, dir_okay=False, help="Run the pipeline on these articles."),
    system: Optional[Path] = typer.Option(None, "--system", exists=True, dir_okay=False, help="Score a saved extraction (JSONL)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the scores and per-document details here."),
) -> None:
    """Score entities, dates and events against a gold file."""
    from marsad.eval import EvalInputError, cli_eval

    if (articles is None) == (system is None):
        err.print("give exactly one of --articles or --system")
        raise typer.Exit(2)
    try:
        cli_eval(gold, articles, system, json_out, out)
    except EvalInputError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(EXIT_FATAL) from e


@train_app.command("ner")
def train_ner(
    output: Path = typer.Option(None, help="Model directory (default: the package's models/ folder)."),
    shared: Path = typer.Option(Path("../shared"), help="The shared data folder."),
) -> None:
    """Train the CRF entity tagger on ANERcorp (train split) and NewsFANE."""
    from marsad.ner.train import train_ner as train

    train(output_dir=output, shared_dir=shared)


def _register_command_modules() -> None:
    """Commands of other areas live in their own modules (cli_kb, cli_web, cli_spark)."""
    from importlib import import_module

    for name in ("marsad.cli_kb", "marsad.cli_web", "marsad.cli_spark"):
        try:
            module = import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(app)


_register_command_modules()


def main() -> None:  # pragma: no cover
    app()

