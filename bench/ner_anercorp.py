"""Benchmark the shipped NER tagger on the ANERcorp test split (CAMeL Lab split).

    .venv/bin/python bench/ner_anercorp.py [--model-dir DIR] [--json] [--no-consistency]

Entity-level micro F1 over PERS/LOC/ORG (our GPE, LOC and FAC count as LOC; MISC
is removed from gold and system), per-type figures, tagging speed including
feature extraction (a cold cache: the first pass over the file), and peak memory.
Prints a markdown table (or, with --json, the scores as JSON).  Sentences are
tagged in file order with `Tagger.tag_sentences`, so the cross-sentence
consistency pass sees neighbouring sentences of the same article, as it does in
a document.  `micro_f1(test)` returns the micro F1 alone (bench/quality_gate.py
calls it).  The test file is for evaluation only: never train or tune on it.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sys
import time
from pathlib import Path

from marsad.model import Document
from marsad.ner import Tagger, load_tagger
from marsad.ner.corpora import read_anercorp_raw
from marsad.ner.evaluate import Report, score
from marsad.pipeline import TextLayer

TEST = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ner" / "anercorp_camellab_test.bio"


def _tagger(model_dir: Path | None, consistency: bool = True) -> Tagger | None:
    tagger = Tagger.from_dir(model_dir) if model_dir else load_tagger()
    if tagger is not None and not consistency:
        tagger = dataclasses.replace(tagger, consistency=None)
    return tagger


def evaluate(test: Path = TEST, model_dir: Path | None = None, consistency: bool = True) -> Report | None:
    """The entity-level report of the tagger on `test` (None when no model is shipped)."""
    tagger = _tagger(model_dir, consistency)
    if tagger is None:
        return None
    sents = read_anercorp_raw(test)
    return score([s.tags for s in sents], tagger.tag_sentences([s.words for s in sents]))


def micro_f1(test: Path = TEST, model_dir: Path | None = None) -> float | None:
    """Micro F1 (PERS/LOC/ORG) of the shipped tagger on `test`; what the quality gate reads."""
    report = evaluate(test, model_dir)
    return None if report is None else report.micro.f1


def report_json(report: Report) -> dict:
    def row(s):
        return {"gold": s.tp + s.fn, "predicted": s.tp + s.fp, "correct": s.tp,
                "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

    return {"micro": row(report.micro), "per_type": {k: row(v) for k, v in sorted(report.per_type.items())}}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", type=Path, default=None)
    ap.add_argument("--test", type=Path, default=TEST)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON (no timing)")
    ap.add_argument("--no-consistency", action="store_true", help="switch off the cross-sentence pass")
    args = ap.parse_args()
    if not args.test.is_file():
        print(json.dumps({"skipped": str(args.test)}) if args.json else f"skipped: {args.test} is absent")
        return 0
    tagger = _tagger(args.model_dir, not args.no_consistency)
    if tagger is None:
        print("no NER model is shipped (src/marsad/models/ner.crfsuite)")
        return 1
    if args.json:
        print(json.dumps(report_json(evaluate(args.test, args.model_dir, not args.no_consistency)), indent=1))
        return 0
    sents = read_anercorp_raw(args.test)
    n_tokens = sum(len(s.words) for s in sents)
    tagger.tag_tokens(["تجربة"])  # open the model outside the timing

    t0 = time.perf_counter()
    pred = tagger.tag_sentences([s.words for s in sents])
    seconds = time.perf_counter() - t0
    report = score([s.tags for s in sents], pred)

    # The Document path (tokenizer + sentence split + tagging + spans), on the same words.
    doc = Document(id="bench", text="\n".join(" ".join(s.words) for s in sents))
    TextLayer()(doc)
    t1 = time.perf_counter()
    ents = tagger.tag(doc)
    doc_seconds = time.perf_counter() - t1
    doc.entities = ents
    doc.check()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"## NER on ANERcorp test ({len(sents)} sentences, {n_tokens} tokens; model {tagger.model_path})\n")
    print("| type | gold | predicted | correct | P | R | F1 |")
    print("|---|---|---|---|---|---|---|")
    for typ, s in [*sorted(report.per_type.items()), ("**micro**", report.micro)]:
        print(f"| {typ} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    print("\n| measure | value |")
    print("|---|---|")
    print(f"| tag_sentences speed (features + CRF + consistency, cold cache) | {n_tokens / seconds:,.0f} tokens/s |")
    print(f"| Tagger.tag(doc) speed (features + CRF + spans) | {len(doc.tokens) / doc_seconds:,.0f} tokens/s |")
    print(f"| entities from Tagger.tag(doc) | {len(ents)} |")
    print(f"| peak memory (RSS) | {peak_mb:,.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
