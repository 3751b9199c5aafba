"""Learn trigger words the hand lexicon misses, from the train gold (statistical fallback).

    python -m marsad.events.learn ../shared/gold/train.jsonl ../shared/gold/train_articles.jsonl

For every clitic-free word form, count the sentences of the train articles that
contain it, and among them those that hold a gold event's evidence of type T with
the word inside the evidence.  Forms with enough support and a high enough ratio
become extra triggers of type T (weight = smoothed ratio), written to
resources/events/learned_triggers.tsv with their counts as the source column.
Only train data is read (dev is for measuring).  The output is a model trained on
shared data (allowed to ship); it holds single word forms with counts, no text.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import sentences, tokenize
from marsad.events.forms import readings
from marsad.events.lexicon import CUE_COLUMNS, CUES, TRIGGER_COLUMNS, TRIGGERS, build_lexicon
from marsad.events.resources import load_rows
from marsad.events.ontology import EventType, ontology

MIN_SUPPORT = 4
MIN_RATIO = 0.6
MIN_LEN = 4
OUT = Path(__file__).resolve().parents[1] / "resources" / "events" / "learned_triggers.tsv"


def _forms(token_norm: str) -> set[str]:
    return {r.form for r in readings(token_norm) if len(r.form) >= MIN_LEN}


def learn(gold_path: Path, articles_path: Path) -> list[tuple[str, str, int, int]]:
    arts = {}
    for line in open(articles_path, encoding="utf-8"):
        a = json.loads(line)
        arts[a["id"]] = a
    # The hand lexicon only (not a previous learned file): learned forms are what it misses.
    known = set(build_lexicon(load_rows(TRIGGERS, TRIGGER_COLUMNS), load_rows(CUES, CUE_COLUMNS)).table)
    total: Counter = Counter()
    hits: dict[str, Counter] = defaultdict(Counter)
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        text = arts[g["id"]]["text"]
        names = {normalize_text(w) for e in g["entities"] for mention in e["mentions"] for w in mention.split()}
        spans = []
        for ev in g["events"]:
            i = text.find(ev["evidence"])
            if i >= 0:
                spans.append((i, i + len(ev["evidence"]), ev["type"]))
        for s in sentences(text):
            seen: set[str] = set()
            typed: dict[str, set[str]] = defaultdict(set)
            for tok in tokenize(text, s.start, s.end):
                if tok.kind != "word":
                    continue
                fs = _forms(tok.norm)
                if {r.form for r in readings(tok.norm)} & known or any(f in names or f[2:] in names for f in fs):
                    continue
                seen |= fs
                for a, b, t in spans:
                    if a <= tok.start and tok.end <= b:
                        for f in fs:
                            typed[f].add(t)
            total.update(seen)
            for f, ts in typed.items():
                hits[f].update(ts)
    out = []
    for form, per_type in hits.items():
        if form in known:
            continue
        etype, n = per_type.most_common(1)[0]
        if n >= MIN_SUPPORT and n / total[form] >= MIN_RATIO:
            out.append((form, etype, n, total[form]))
    return sorted(out, key=lambda r: (r[1], -r[2]))


def write(rows, path: Path = OUT) -> None:
    onto = ontology()
    lines = ["form\ttype\tcameo\tweight\tsource"]
    for form, etype, n, tot in rows:
        weight = round(0.8 * (n + 1) / (tot + 2), 3)
        cameo = onto[EventType(etype)].cameo
        lines.append(f"{form}\t{etype}\t{cameo}\t{weight}\tlearned: in {n} of {tot} train-gold sentences as {etype} evidence")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    rows = learn(Path(sys.argv[1]), Path(sys.argv[2]))
    write(rows)
    print(f"{len(rows)} learned triggers → {OUT}")
