"""`score(gold_records, system_records)`: the pure core of `marsad eval`.

Gold records follow ../shared/gold/GUIDELINES.md; system records follow the
extraction record of docs/extract-format.md.  Records are paired by `id`; a gold
document without a system record is scored against an empty extraction (so it
costs recall), a system record without gold is ignored and listed.
"""
from __future__ import annotations

from typing import Any

from marsad.eval.dates import score_dates
from marsad.eval.entities import score_entities
from marsad.eval.errors import EvalInputError
from marsad.eval.events import score_events
from marsad.eval.metrics import Score
from marsad.eval.report import DocReport, EvalReport

EMPTY_RECORD: dict[str, Any] = {"text": "", "entities": [], "dates": [], "events": []}


def score(gold_records: list[dict[str, Any]], system_records: list[dict[str, Any]]) -> EvalReport:
    system_by_id: dict[str, dict[str, Any]] = {}
    for rec in system_records:
        system_by_id.setdefault(str(rec.get("id")), rec)
    gold_ids = {str(g.get("id")) for g in gold_records}

    report = EvalReport(docs_gold=len(gold_records), docs_system=len(system_records))
    report.extra_ids = [i for i in system_by_id if i not in gold_ids]
    for gold in gold_records:
        doc_id = str(gold.get("id"))
        system = system_by_id.get(doc_id)
        if system is None:
            report.missing_ids.append(doc_id)
            system = EMPTY_RECORD
        elif system.get("published") is None:
            report.no_published += 1
        doc = score_document(doc_id, gold, system)
        report.documents.append(doc)
        _accumulate(report, doc)
    report.entity_types = dict(sorted(report.entity_types.items()))
    report.event_types = dict(sorted(report.event_types.items()))
    return report


def score_document(doc_id: str, gold: dict[str, Any], system: dict[str, Any]) -> DocReport:
    text = str(system.get("text") or "")
    mentions = [_with_text(m, text) for m in system.get("entities") or []]
    system_dates = list(system.get("dates") or [])
    _check_spans(doc_id, "dates", system_dates)
    ents = score_entities(list(gold.get("entities") or []), mentions)
    dates = score_dates(list(gold.get("dates") or []), system_dates, text)
    events = score_events(list(gold.get("events") or []), list(system.get("events") or []), text)
    details = {
        "missed_entities": ents.missed,
        "spurious_entities": ents.spurious,
        "missed_dates": dates.missed,
        "spurious_dates": dates.spurious,
        "date_value_errors": dates.wrong_value,
        "unplaced_dates": dates.unplaced,
        "missed_events": events.missed,
        "spurious_events": events.spurious,
        "event_date_errors": events.wrong_date,
    }
    return DocReport(
        doc_id,
        ents.total,
        dates.score,
        events.score,
        events.score_date,
        details,
        entity_types=ents.by_type,
        event_types=events.by_type,
    )


def _with_text(mention: dict[str, Any], text: str) -> dict[str, Any]:
    """A mention with its surface: the record's own `text`, else cut from the document."""
    if isinstance(mention.get("text"), str):
        return mention
    start, end = mention.get("start"), mention.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return {**mention, "text": text[start:end]}
    return {**mention, "text": ""}


def _check_spans(doc_id: str, layer: str, items: list[dict[str, Any]]) -> None:
    # Date scoring is by overlap, so a date without offsets cannot be judged at all.
    for k, item in enumerate(items):
        if not (isinstance(item.get("start"), int) and isinstance(item.get("end"), int)):
            raise EvalInputError(f"system record {doc_id!r}: {layer}[{k}] has no integer start/end")


def _accumulate(report: EvalReport, doc: DocReport) -> None:
    report.entities.add(doc.entities)
    report.dates.add(doc.dates)
    report.events.add(doc.events)
    report.events_date.add(doc.events_date)
    for target, source in ((report.entity_types, doc.entity_types), (report.event_types, doc.event_types)):
        for t, sc in source.items():
            target.setdefault(t, Score()).add(sc)
