"""Quick event scorer on the gold splits, with the official matching (marsad.eval.events).

    python -m marsad.events.evaluate [train|dev] [pipeline|oracle] [-t] [-v]

dev is for measuring only; develop on train (and use `python -m marsad.events.train
--cv` for cross-validated figures).  `pipeline` runs the real entity/linking/date
stages before the events stage (as `marsad eval` does); `oracle` feeds gold entities
and dates (marsad.events.oracle) to measure the events stage alone.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.eval.events import score_events
from marsad.eval.metrics import Score
from marsad.events.dataset import Example, Layers, load_examples
from marsad.events.extract import events_of
from marsad.model import Document, Event

Predict = Callable[[Document], list[Event]]


@dataclass
class EventScores:
    plain: Score = field(default_factory=Score)
    dated: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _record(ev: Event) -> dict:
    d = ev.to_dict()
    d["evidence"] = ev.text
    return d


def score_examples(examples: Iterable[Example], predict: Predict = events_of, verbose: bool = False) -> EventScores:
    out = EventScores()
    for ex in examples:
        preds = [_record(e) for e in predict(ex.doc)]
        res = score_events(ex.events, preds, ex.doc.text)
        out.plain.add(res.score)
        out.dated.add(res.score_date)
        for t, sc in res.by_type.items():
            out.by_type.setdefault(t, Score()).add(sc)
        if verbose:
            out.errors.append(f"=== {ex.doc.id}")
            for g in res.missed:
                out.errors.append(f"  FN {g['type']} {g['source']}->{g['target']} {g['date']} | {g['evidence'][:100]}")
            for p in res.spurious:
                out.errors.append(f"  FP {p['type']} {p['source']}->{p['target']} {p['date']} | {p['evidence'][:100]}")
            for w in res.wrong_date:
                out.errors.append(f"  DATE gold={w['gold']['date']} sys={w['system_date']} | {w['gold']['evidence'][:80]}")
    return out


def table(split: str, layers: str, s: EventScores) -> str:
    p = s.plain
    return (
        "| split | layers | gold | system | correct | P | R | F1 | F1+date |\n|---|---|---|---|---|---|---|---|---|\n"
        f"| {split} | {layers} | {p.gold} | {p.system} | {p.correct} | {p.precision:.3f} | {p.recall:.3f} "
        f"| {p.f1:.3f} | {s.dated.f1:.3f} |"
    )


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    split = args[0] if args else "train"
    layers = Layers(args[1] if len(args) > 1 else "pipeline")
    scores = score_examples(load_examples(split, layers), verbose="-v" in argv)
    print(table(split, layers.value, scores))
    if "-t" in argv:
        for t, c in sorted(scores.by_type.items()):
            print(f"  {t:10s} gold={c.gold:3d} system={c.system:3d} correct={c.correct:3d} F1={c.f1:.2f}")
    if "-v" in argv:
        print("\n".join(scores.errors))


if __name__ == "__main__":
    main(sys.argv[1:])
