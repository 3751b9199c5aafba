"""Quick event scorer on the gold splits: `python -m marsad.events.evaluate [train|dev] [oracle|pipeline]`.

dev is for measuring only; develop on train.  `oracle` feeds gold entities and dates
(marsad.events.oracle); `pipeline` runs the real entity/linking/date stages.
"""
from __future__ import annotations

import sys
from pathlib import Path

from marsad.events.extract import events_of
from marsad.events.oracle import load_gold, with_oracle_layers
from marsad.events.score import Score, score_doc
from marsad.model import Document

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


def pipeline_doc(doc: Document) -> Document:
    from marsad.pipeline import default_stages

    out = Document(id=doc.id, text=doc.text, title=doc.title, published=doc.published)
    for st in default_stages():
        if st.name == "events":
            continue
        out = st(out)
    return out


def evaluate(split: str = "train", layers: str = "oracle", verbose: bool = False) -> tuple[Score, Score]:
    gold_dir = SHARED.resolve() / "gold"
    arts = load_gold(gold_dir / f"{split}.jsonl", gold_dir / f"{split}_articles.jsonl")
    plain, dated = Score(), Score()
    for art in arts:
        doc = with_oracle_layers(art) if layers == "oracle" else pipeline_doc(art.doc)
        preds = [e.to_dict() for e in events_of(doc)]
        golds = art.gold.get("events", [])
        pairs = score_doc(preds, golds, plain)
        score_doc(preds, golds, dated, with_date=True)
        if verbose:
            print(f"=== {art.doc.id}")
            for p, g in pairs:
                if p is None:
                    print(f"  FN {g['type']} {g['source']}->{g['target']} {g['date']} | {g['evidence'][:90]}")
                elif g is None:
                    print(f"  FP {p['type']} {p['source']}->{p['target']} {p['date']} | {p['text'][:90]}")
    return plain, dated


def main(argv: list[str]) -> None:
    split = argv[0] if argv else "train"
    layers = argv[1] if len(argv) > 1 else "oracle"
    plain, dated = evaluate(split, layers, verbose="-v" in argv)
    print(f"| split | layers | P | R | F1 | F1+date |\n|---|---|---|---|---|---|")
    print(f"| {split} | {layers} | {plain.precision:.3f} | {plain.recall:.3f} | {plain.f1:.3f} | {dated.f1:.3f} |")
    if "-t" in argv:
        for t, c in sorted(plain.by_type.items()):
            print(f"  {t:10s} tp={c['tp']:3d} fp={c['fp']:3d} fn={c['fn']:3d}")


if __name__ == "__main__":
    main(sys.argv[1:])
