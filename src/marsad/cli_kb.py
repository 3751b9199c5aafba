"""Knowledge-base commands: timeline, actor, search, stories, story, related, export, kb-stats, demo.

Thin wrappers over marsad.kb.api (the same functions the web layer calls); `--json`
prints the API's dataclasses as JSON.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from marsad.cli import DB_OPTION, EXIT_NOT_FOUND, err, out
from marsad.kb.export import ExportFormat

JSON_OPTION = typer.Option(False, "--json", help="Print JSON (the API's result objects).")


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(actor)
    app.command()(search)
    app.command()(stories)
    app.command()(story)
    app.command()(related)
    app.command()(export)
    app.command(name="kb-stats")(kb_stats)
    app.command()(demo)


def _conn(db: Path):
    from marsad.store.db import connect

    return connect(db)


def _print_json(obj: Any) -> None:
    data = obj.to_dict() if hasattr(obj, "to_dict") else [x.to_dict() for x in obj] if isinstance(obj, list) else obj
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _hint_unindexed(conn) -> None:
    """A database from before schema version 2 has articles the search index has not seen."""
    missing = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_kb)").fetchone()[0]
    if missing:
        err.print(f"[yellow]{missing} articles are not indexed yet: run `marsad stories` (or --rebuild)[/yellow]")


def _clip(s: str, n: int = 120) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def timeline(a: str, b: str, db: Path = DB_OPTION, as_json: bool = JSON_OPTION,
             limit: int = typer.Option(100, help="Events per page."), offset: int = typer.Option(0),
             min_articles: int = typer.Option(1, help="Only events reported by at least this many articles.")) -> None:
    """Canonical events between two actors (e.g. QAT NATO), in date order, with evidence and sources."""
    from marsad.kb.api import timeline as query

    page = query(_conn(db), a, b, limit=limit, offset=offset, min_articles=min_articles)
    if as_json:
        _print_json(page)
        return
    if not page.items:
        err.print(f"no events between {a} and {b} in {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    table = Table(title=f"{a} – {b} ({page.total} events)")
    for col in ("date", "type", "cameo", "source → target", "evidence", "articles / outlets"):
        table.add_column(col)
    for e in page.items:
        outlets = sorted({m.outlet or m.doc_id for m in e.mentions})
        ev = _clip(e.mentions[0].evidence) if e.mentions else ""
        table.add_row(e.date or "—", e.type, e.cameo, f"{'،'.join(e.source)} → {'،'.join(e.target)}", ev,
                      f"{e.num_articles} / {e.num_sources}: {', '.join(outlets)}")
    out.print(table)


def actor(code: str, db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Profile of an actor: names, type, counterparts, event counts by type and quad, by month."""
    from marsad.kb.api import actor_profile

    p = actor_profile(_conn(db), code)
    if p is None:
        err.print(f"no actor {code!r} in {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    if as_json:
        _print_json(p)
        return
    a = p.actor
    out.print(f"[bold]{a.code}[/bold]  {a.name_ar}  {a.name_en}  type={a.type or '?'}  mentions={a.mentions}  events={a.events}")
    if p.aliases:
        out.print("aliases: " + "، ".join(f"{x['alias']} ({x['count']})" for x in p.aliases))
    if p.roles:
        out.print("roles: " + "، ".join(f"{x['role']} {x['affiliation']} ({x['count']})".strip() for x in p.roles))
    if p.counterparts:
        out.print("counterparts: " + ", ".join(f"{x['code']} {x['events']}" for x in p.counterparts[:15]))
    out.print("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(p.by_type.items(), key=lambda kv: -kv[1])))
    out.print("by quad: " + ", ".join(f"{k} {v}" for k, v in p.by_quad.items()))
    table = Table(title="by month")
    for col in ("month", "events", "types", "quads"):
        table.add_column(col)
    for m in p.by_month:
        table.add_row(m["month"], str(m["total"]), ", ".join(f"{k} {v}" for k, v in m["types"].items()),
                      ", ".join(f"{k} {v}" for k, v in m["quads"].items()))
    out.print(table)


def search(
    query: str,
    db: Path = DB_OPTION,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only articles naming this actor code."),
    type: Optional[str] = typer.Option(None, "--type", help="Only articles with an event of this type."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Published on or after (ISO)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Published on or before (ISO)."),
    source: Optional[str] = typer.Option(None, "--source", help="Outlet."),
    limit: int = typer.Option(20), offset: int = typer.Option(0), as_json: bool = JSON_OPTION,
) -> None:
    """Arabic full-text search (clitic- and plural-insensitive); "quoted text" is a phrase."""
    from marsad.kb.api import search as query_fn

    conn = _conn(db)
    _hint_unindexed(conn)
    page = query_fn(conn, query, actor=actor, type=type, date_from=date_from, date_to=date_to, source=source,
                    limit=limit, offset=offset)
    if as_json:
        _print_json(page)
        return
    err.print(f"{page.total} articles match {' '.join(page.terms)}")
    for h in page.hits:
        marked, pos = [], h.snippet_start
        for hl in (x for x in h.highlights if x.field == "text"):
            marked.append(h.snippet[pos - h.snippet_start: hl.start - h.snippet_start])
            marked.append(f"[bold yellow]{hl.text}[/bold yellow]")
            pos = hl.end
        marked.append(h.snippet[pos - h.snippet_start:])
        a = h.article
        out.print(f"[bold]{a.id}[/bold] {a.published or '—'} {a.source or ''} [cyan]{a.title}[/cyan]")
        out.print("   " + " ".join("".join(marked).split()), highlight=False)


def stories(
    db: Path = DB_OPTION, limit: int = typer.Option(20), offset: int = typer.Option(0),
    min_articles: int = typer.Option(2, help="Only stories with at least this many articles."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute stories, canonical events, actors and the search index."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Stories across outlets (largest first); --rebuild re-indexes the whole database."""
    from marsad.kb.api import list_stories
    from marsad.kb.index import reindex

    conn = _conn(db)
    missing = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_kb)").fetchone()[0]
    if rebuild or missing:
        n = reindex(conn, full=rebuild)
        err.print(f"indexed {n} articles")
    page = list_stories(conn, limit=limit, offset=offset, min_articles=min_articles)
    if as_json:
        _print_json(page)
        return
    table = Table(title=f"stories ({page.total} with ≥{min_articles} articles)")
    for col in ("id", "dates", "articles", "outlets", "title"):
        table.add_column(col)
    for s in page.items:
        dates = s.first_date if s.first_date == s.last_date else f"{s.first_date} → {s.last_date}"
        table.add_row(str(s.id), dates or "—", str(s.num_articles), ", ".join(s.sources), _clip(s.title, 80))
    out.print(table)


def story(id: int, db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """One story: its articles (how each joined) and its canonical events."""
    from marsad.kb.api import get_story

    s = get_story(_conn(db), id)
    if s is None:
        err.print(f"no story {id} in {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    if as_json:
        _print_json(s)
        return
    out.print(f"[bold]story {s.story.id}[/bold] {s.story.first_date} → {s.story.last_date}: {s.story.title}")
    for a in s.articles:
        out.print(f"  {a['id']} {a['published']} {a['source']} {a['link']} {a['similarity']:.2f} {_clip(a['title'], 80)}")
    for e in s.events:
        out.print(f"  event {e.id} {e.date} {e.type} {'،'.join(e.source)} → {'،'.join(e.target)} ({e.num_articles} articles)")


def related(ref: str, db: Path = DB_OPTION, limit: int = typer.Option(10), as_json: bool = JSON_OPTION) -> None:
    """Articles sharing actors, events and text with an article."""
    from marsad.kb.api import related as query

    items = query(_conn(db), ref, limit=limit)
    if as_json:
        _print_json(items)
        return
    if not items:
        err.print(f"nothing related to {ref!r} in {db}")
        raise typer.Exit(EXIT_NOT_FOUND)
    table = Table(title=f"related to {ref}")
    for col in ("id", "score", "text sim", "same story", "shared actors", "events", "outlet", "title"):
        table.add_column(col)
    for r in items:
        table.add_row(str(r.article.id), f"{r.score:.2f}", f"{r.text_similarity:.2f}", "yes" if r.same_story else "",
                      ",".join(r.shared_actors), str(r.shared_events), r.article.source or "", _clip(r.article.title, 60))
    out.print(table)


def export(
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", help="jsonl | csv | parquet | gdelt | plover"),
    out_path: Optional[Path] = typer.Option(None, "--out", help="Output file (standard output when omitted; parquet needs it)."),
    db: Path = DB_OPTION,
) -> None:
    """Export articles (jsonl) or canonical events (csv, parquet, GDELT TSV, PLOVER JSON lines)."""
    from marsad.kb.export import export as run_export

    if format is ExportFormat.parquet and out_path is None:
        err.print("parquet needs --out PATH")
        raise typer.Exit(2)
    n = run_export(_conn(db), format, out_path)
    err.print(f"{n} rows → {out_path or 'stdout'}")


def kb_stats(db: Path = DB_OPTION) -> None:
    """Corpus statistics: articles, outlets, stories, duplicates, events, actors."""
    from marsad.kb.api import stats

    sys.stdout.write(json.dumps(stats(_conn(db)), ensure_ascii=False, indent=1) + "\n")


def demo(db: Path = DB_OPTION, a: str = "QAT", b: str = "NATO") -> None:
    """Run the bundled sample into SQLite and print the Qatar–NATO timeline."""
    from marsad.runner import ingest
    from marsad.sample import sample_paths

    paths = [str(p) for p in sample_paths()]
    summary = ingest(paths, db)
    err.print(f"bundled sample: {summary.read} read, {summary.stored} stored, {summary.unchanged} unchanged, "
              f"{summary.failed} quarantined → {db}")
    timeline(a, b, db=db, as_json=False, limit=100, offset=0, min_articles=1)
    err.print(f"open the web UI: marsad serve --db {db}  →  http://127.0.0.1:8000/timeline/{a}/{b}", highlight=False)
