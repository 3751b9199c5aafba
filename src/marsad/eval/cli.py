"""`cli_eval`: what `marsad eval` calls (the command itself lives in marsad.cli)."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

from marsad.eval.errors import EvalInputError
from marsad.eval.inputs import read_jsonl, run_articles
from marsad.eval.report import EvalReport, render_table
from marsad.eval.scoring import score

_MAX_FAILURES_SHOWN = 5


def cli_eval(
    gold: Path,
    articles: Path | None,
    system: Path | None,
    json_out: Path | None,
    console: Console,
) -> EvalReport:
    """Score a saved extraction (`system`) or a fresh pipeline run over `articles`.

    Exactly one of `articles` and `system` must be given.  Prints the table (and
    the bookkeeping that qualifies it), writes the JSON report when asked, and
    returns the report.
    """
    if (articles is None) == (system is None):
        raise EvalInputError("give exactly one of --articles and --system")
    gold_records = read_jsonl(gold)
    failures: list[str] = []
    seconds = 0.0
    if articles is not None:
        pipeline = run_articles(articles)
        system_records = pipeline.records
        failures = [f.message() for f in pipeline.failures]
        seconds = pipeline.seconds
    else:
        assert system is not None
        system_records = read_jsonl(system)
    report = score(gold_records, system_records)
    report.failures = failures
    report.seconds = seconds
    console.print(render_table(report))
    _print_notes(report, console)
    if json_out is not None:
        report.write_json(json_out)
        console.print(f"report written to {json_out}")
    return report


def _print_notes(report: EvalReport, console: Console) -> None:
    scored = report.docs_gold - len(report.missing_ids)
    console.print(f"{scored} documents scored; {report.no_published} without a published date.")
    if report.seconds:
        per_doc = report.seconds / max(1, report.docs_system + len(report.failures))
        console.print(f"pipeline: {report.seconds:.2f} s ({1000 * per_doc:.1f} ms/document)")
    if report.missing_ids:
        console.print(f"[yellow]{len(report.missing_ids)} gold documents have no system record[/yellow]")
    if report.extra_ids:
        console.print(f"{len(report.extra_ids)} system records have no gold (ignored)")
    for msg in report.failures[:_MAX_FAILURES_SHOWN]:
        console.print(f"[red]failure[/red] {msg}", markup=True, highlight=False)
    if len(report.failures) > _MAX_FAILURES_SHOWN:
        console.print(f"… and {len(report.failures) - _MAX_FAILURES_SHOWN} more failures")
