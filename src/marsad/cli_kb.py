"""Knowledge-base commands: timeline, demo (and, as they land, actor, search, stories, related, export)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from marsad.cli import DB_OPTION, EXIT_NOT_FOUND, err, out


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(demo)


def timeline(a: str, b: str, db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """Events between two actors (e.g. QAT NATO), in date order, with evidence and sources."""
    from marsad.store.db import connect
    from marsad.store.queries import timeline as query

    entries = query(connect(db), a, b)
    if as_json:
        sys.stdout.write(json.dumps([e.__dict__ for e in entries], ensure_ascii=False, indent=1) + "\n")
        return
    if not entries:
        err.print(f"no events between {a} and {b} in {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    table = Table(title=f"{a} – {b}")
    for col in ("date", "type", "cameo", "source → target", "evidence", "outlet"):
        table.add_column(col)
    for e in entries:
        arts = ", ".join(str(x.get("source") or x.get("doc_id")) for x in e.articles)
        table.add_row(e.date or "—", e.type, e.cameo, f"{'،'.join(e.source)} → {'،'.join(e.target)}", e.evidence, arts)
    out.print(table)


def demo(db: Path = DB_OPTION, a: str = "QAT", b: str = "NATO") -> None:
    """Run the bundled sample into SQLite and print the Qatar–NATO timeline."""
    from marsad.runner import ingest
    from marsad.sample import sample_paths

    paths = [str(p) for p in sample_paths()]
    summary = ingest(paths, db)
    err.print(f"bundled sample: {summary.read} read, {summary.stored} stored, {summary.unchanged} unchanged, "
              f"{summary.failed} quarantined → {db}")
    timeline(a, b, db=db, as_json=False)


