"""Gold articles as training/measuring examples for the events models.

An example is an article run through the pipeline's earlier stages (ingest
reader, text, entities, linking, dates: exactly what the events stage sees at run
time, so that the learned models are trained on the same noise they meet), with
its gold events and, for each, the span of its evidence in the cleaned text.

Only ../shared/gold/train*.jsonl is used for learning; dev*.jsonl is for
measuring (marsad.events.evaluate).  Nothing here is written into the repository.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.model import Document

SHARED = (Path(__file__).resolve().parents[3] / ".." / "shared").resolve()


class Layers(str, Enum):
    """Where the entity and date layers come from."""

    PIPELINE = "pipeline"  # the real entity/linking/date stages
    ORACLE = "oracle"  # gold mentions located in the text (marsad.events.oracle)


@dataclass
class Example:
    doc: Document
    gold: dict
    spans: list[tuple[int, int] | None] = field(default_factory=list)  # per gold event

    @property
    def events(self) -> list[dict]:
        return self.gold.get("events", [])


def gold_paths(split: str) -> tuple[Path, Path]:
    base = SHARED / "gold"
    return base / f"{split}.jsonl", base / f"{split}_articles.jsonl"


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _ingested(articles_path: Path) -> dict[str, Document]:
    """Documents as `marsad eval --articles` builds them (ingest reader when present)."""
    from marsad.eval.inputs import ingest_reader, minimal_document

    reader = ingest_reader()
    out: dict[str, Document] = {}
    if reader is not None:
        with open(articles_path, "rb") as fh:
            for item in reader(fh, str(articles_path)):
                if isinstance(item, Document):
                    out[item.id] = item
    for rec in _read_jsonl(articles_path):
        if str(rec["id"]) not in out:
            out[str(rec["id"])] = minimal_document(rec)
    return out


def _with_layers(doc: Document, gold: dict, layers: Layers) -> Document:
    from marsad.pipeline import TextLayer, default_stages

    if layers is Layers.ORACLE:
        from marsad.events.oracle import oracle_dates, oracle_entities

        doc = TextLayer()(doc)
        doc.entities = oracle_entities(doc.text, gold)
        doc.dates = oracle_dates(doc.text, gold)
        return doc
    for st in default_stages():
        if st.name != "events":
            doc = st(doc)
    return doc


def locate(text: str, evidence: str, hint: int = 0) -> tuple[int, int] | None:
    """The span of an evidence string in the text: exact first, then on the normalised
    view (the cleaner may have changed quotes or spaces), nearest to `hint`."""
    if not evidence:
        return None
    i = text.find(evidence, hint)
    if i < 0:
        i = text.find(evidence)
    if i >= 0:
        return i, i + len(evidence)
    view = normalize(text)
    needle = normalize(evidence).text.strip()
    j = view.text.find(needle) if needle else -1
    if j < 0:
        # A long evidence may straddle a cleaned line break: try its first half.
        needle = needle[: max(12, len(needle) // 2)]
        j = view.text.find(needle) if len(needle) >= 12 else -1
        if j < 0:
            return None
    return view.to_original(j, j + len(needle))


def load_examples(split: str = "train", layers: Layers = Layers.PIPELINE) -> list[Example]:
    gold_path, articles_path = gold_paths(split)
    docs = _ingested(articles_path)
    out: list[Example] = []
    for gold in _read_jsonl(gold_path):
        doc = docs.get(str(gold["id"]))
        if doc is None:
            continue
        doc = _with_layers(doc, gold, layers)
        spans = [locate(doc.text, ev.get("evidence", "")) for ev in gold.get("events", [])]
        out.append(Example(doc, gold, spans))
    return out
