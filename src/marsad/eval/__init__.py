"""The evaluation harness behind `marsad eval`: gold JSONL vs extraction records.

`score(gold_records, system_records)` is the pure core; `cli_eval(...)` reads the
files, optionally runs the pipeline on the gold articles, prints a table and
writes the JSON report.  Matching rules are documented in the modules:
entities (marsad.eval.entities), dates (marsad.eval.dates), events
(marsad.eval.events).
"""
from marsad.eval.cli import cli_eval
from marsad.eval.errors import EvalInputError
from marsad.eval.inputs import minimal_document, read_jsonl, run_articles
from marsad.eval.metrics import Score
from marsad.eval.report import DocReport, EvalReport, render_table
from marsad.eval.scoring import score

__all__ = [
    "DocReport",
    "EvalInputError",
    "EvalReport",
    "Score",
    "cli_eval",
    "minimal_document",
    "read_jsonl",
    "render_table",
    "run_articles",
    "score",
]
