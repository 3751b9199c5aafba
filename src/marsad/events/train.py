"""Train the events models from the annotated train articles, with cross-validation.

    python -m marsad.events.train            # fit on all of train, write models/events/*.json
    python -m marsad.events.train --cv 5     # k-fold cross-validation on train (no files written)

Training data: ../shared/gold/train.jsonl with train_articles.jsonl (120 articles,
714 events with type, source/target codes, date and an evidence string; see
../shared/gold/GUIDELINES.md).  dev*.jsonl is never read here.  The articles are
run through the pipeline's earlier stages (marsad.events.dataset), each gold
evidence is located in the cleaned text, and:

- trigger instances are the lexicon's trigger matches (marsad.events.extract.
  sentence_candidates).  A match inside the evidence of a gold event of type T is
  labelled T when its rule type is T or when no match in that evidence has type T
  (the model learns re-typing); other matches are labelled NONE.
- argument instances pair each positive trigger with each actor mention of its
  sentence; the mention is SOURCE or TARGET when one of its codes is among the
  gold event's source or target (same matching as the official scorer), else NONE.

Both are multinomial logistic regressions (scikit-learn, at training time only);
the shipped files hold one weight per (feature, class), read by
marsad.events.linear.  The trigger threshold θ (see marsad.events.extract._decide)
is the one that maximised event F1 in 5-fold cross-validation on train (0.8).
"""
from __future__ import annotations

import argparse
from collections import Counter
import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from marsad.eval.forms import actors_overlap
from marsad.events.arguments import find_arguments, group
from marsad.events.context import DocContext, build_context
from marsad.events.dataset import Example, Layers, load_examples
from marsad.events.evaluate import score_examples, table
from marsad.events.extract import (ARGUMENT_MODEL, NONE, SOURCE, TARGET, TRIGGER_MODEL, Models,
                                   _sentence_actor_indices, events_of, sentence_candidates)
from marsad.events.features import Candidate, argument_features, trigger_features
from marsad.events.linear import LinearModel

OUT_DIR = Path(__file__).resolve().parents[1] / "models" / "events"
TRIGGER_C = 0.5
ARGUMENT_C = 0.5
ARGUMENT_THRESHOLD = 0.35
THRESHOLDS = (0.7, 0.8, 0.9)
DEFAULT_THRESHOLD = 0.8
MIN_COUNT = 2  # a feature seen once says nothing general (and keeps the shipped files small)
MIN_WEIGHT = 0.01


@dataclass
class Instances:
    trig_x: list[list[str]] = field(default_factory=list)
    trig_y: list[str] = field(default_factory=list)
    arg_x: list[list[str]] = field(default_factory=list)
    arg_y: list[str] = field(default_factory=list)


def _inside(ctx: DocContext, c: Candidate, span: tuple[int, int]) -> bool:
    return span[0] <= ctx.tokens[c.match.first].start and ctx.tokens[c.match.last].end <= span[1]


def _labels(ex: Example, ctx: DocContext, cands: list[Candidate]) -> list[tuple[str, dict | None]]:
    """(label, gold event) for each candidate of the document."""
    out: list[tuple[str, dict | None]] = [(NONE, None)] * len(cands)
    for g, span in zip(ex.events, ex.spans):
        if span is None:
            continue
        inside = [i for i, c in enumerate(cands) if _inside(ctx, c, span)]
        typed = [i for i in inside if cands[i].rule_type == g["type"]]
        for i in typed or inside:
            if out[i][0] == NONE:
                out[i] = (g["type"], g)
    return out


def _arg_label(codes: list[str], g: dict) -> str:
    if g.get("source") and actors_overlap(list(g["source"]), codes):
        return SOURCE
    if g.get("target") and actors_overlap(list(g["target"]), codes):
        return TARGET
    return NONE


def build_instances(examples: list[Example]) -> Instances:
    inst = Instances()
    for ex in examples:
        ctx = build_context(ex.doc)
        cands = [c for si in range(len(ctx.sentence_bounds)) for c in sentence_candidates(ctx, si)]
        for c, (label, g) in zip(cands, _labels(ex, ctx, cands)):
            inst.trig_x.append(trigger_features(c, ctx))
            inst.trig_y.append(label)
            if g is None:
                continue
            rule = find_arguments(c.match, ctx, c.assessment.passive, ())
            hi = ctx.sentence_bounds[ctx.sentence_of[c.match.first]][1]
            for idx in _sentence_actor_indices(ctx, c.match):
                codes, _ = group(ctx, idx, hi)
                inst.arg_x.append(argument_features(c, label, idx, ctx, rule, tuple(codes)))
                inst.arg_y.append(_arg_label(list(ctx.actors[idx].codes), g))
    return inst


def fit(xs: list[list[str]], ys: list[str], c: float, threshold: float, meta: dict) -> LinearModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in xs for f in set(feats))
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, feats in enumerate(xs):
        for f in set(feats):
            if f == "bias" or counts[f] < MIN_COUNT:
                continue
            rows.append(r)
            cols.append(vocab.setdefault(f, len(vocab)))
    matrix = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(xs), len(vocab)))
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(matrix, ys)
    classes = [str(k) for k in clf.classes_]
    coef, bias = clf.coef_, clf.intercept_
    if len(classes) == 2:  # sklearn keeps one row for two classes: expand to one per class
        coef = [[-w / 2 for w in coef[0]], [w / 2 for w in coef[0]]]
        bias = [-bias[0] / 2, bias[0] / 2]
    else:
        coef = [list(row) for row in coef]
    weights = {}
    for f, j in vocab.items():
        row = tuple(float(coef[k][j]) for k in range(len(classes)))
        if max(abs(w) for w in row) >= MIN_WEIGHT:
            weights[f] = row
    return LinearModel(tuple(classes), tuple(float(b) for b in bias), weights, threshold, meta)


def fit_models(examples: list[Example], threshold: float) -> Models:
    inst = build_instances(examples)
    meta = {"trained_on": "../shared/gold/train.jsonl", "articles": len(examples)}
    trig = fit(inst.trig_x, inst.trig_y, TRIGGER_C, threshold, {**meta, "instances": len(inst.trig_y)})
    args = fit(inst.arg_x, inst.arg_y, ARGUMENT_C, ARGUMENT_THRESHOLD, {**meta, "instances": len(inst.arg_y)})
    return Models(trig, args)


def cross_validate(examples: list[Example], k: int, seed: int = 13) -> dict[float, tuple]:
    """Event F1 (plain, with date) per trigger threshold, pooled over k folds."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    folds = [order[i::k] for i in range(k)]
    pooled: dict[float, list] = {}
    for fold in folds:
        held = set(fold)
        models = fit_models([examples[i] for i in order if i not in held], DEFAULT_THRESHOLD)
        test = [examples[i] for i in fold]
        for th in THRESHOLDS:
            m = Models(replace(models.triggers, threshold=th), models.arguments)
            s = score_examples(test, lambda doc, m=m: events_of(doc, models=m))
            acc = pooled.setdefault(th, [s.plain.__class__(), s.dated.__class__()])
            acc[0].add(s.plain)
            acc[1].add(s.dated)
    return {th: (p, d) for th, (p, d) in pooled.items()}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog="python -m marsad.events.train")
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation only")
    ap.add_argument("--layers", default="pipeline", choices=[x.value for x in Layers])
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = ap.parse_args(argv)
    examples = load_examples("train", Layers(args.layers))
    if args.cv:
        res = cross_validate(examples, args.cv)
        print(f"| threshold | P | R | F1 | F1+date |  ({args.cv}-fold CV on train, {args.layers} layers)")
        print("|---|---|---|---|---|")
        for th, (p, d) in sorted(res.items()):
            print(f"| {th} | {p.precision:.3f} | {p.recall:.3f} | {p.f1:.3f} | {d.f1:.3f} |")
        return
    models = fit_models(examples, args.threshold)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, model in ((TRIGGER_MODEL, models.triggers), (ARGUMENT_MODEL, models.arguments)):
        (OUT_DIR / name).write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"{name}: {len(model.weights)} features, classes {len(model.classes)} → {OUT_DIR / name}")
    print(table("train (fit)", args.layers, score_examples(examples, lambda d: events_of(d, models=models))))


if __name__ == "__main__":
    main(sys.argv[1:])
