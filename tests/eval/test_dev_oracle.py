"""The scorer against the real gold (read from ../shared at run time, never copied)."""
from __future__ import annotations

from marsad.eval import read_jsonl, score
from marsad.eval.oracle import gold_as_system


def test_gold_as_system_scores_one_on_dev(shared) -> None:
    gold = read_jsonl(shared("gold", "dev.jsonl"))
    articles = {a["id"]: a for a in read_jsonl(shared("gold", "dev_articles.jsonl"))}
    report = score(gold, [gold_as_system(g, articles[g["id"]]["text"]) for g in gold])
    assert report.entities.f1 == 1.0 and report.events.f1 == 1.0 and report.events_date.f1 == 1.0
    # A date written only in an article's title cannot be found in its text.
    assert report.dates.precision == 1.0 and report.dates.recall > 0.98
