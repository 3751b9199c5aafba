"""Argument-error report on the train gold: for each located gold event that has a
lexicon trigger of its type inside its evidence, what our arguments are against gold.

    python -m marsad.events.diagnose [train] [pipeline|oracle] [--all] [--limit N]

Prints, per error, the sentence, the trigger, our source/target and the gold's, and
the actor mentions of the sentence with their codes.  A summary counts located
events, typed triggers found, and source/target agreement.  For development only
(train; dev is for measuring).
"""
from __future__ import annotations

import sys
from collections import Counter

from marsad.eval.forms import actors_overlap
from marsad.events.context import build_context
from marsad.events.dataset import Layers, load_examples
from marsad.events.extract import Models, event_parties, sentence_candidates, shipped_models
from marsad.events.ontology import EventType


def _ok(gold: list[str], ours: list[str]) -> bool:
    return not gold or actors_overlap(list(gold), list(ours))


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    split = args[0] if args else "train"
    layers = Layers(args[1] if len(args) > 1 else "pipeline")
    show_all = "--all" in argv
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 10_000
    models = shipped_models()
    if "--rules" in argv:  # arguments by the rules alone (no argument model)
        models = Models(models.triggers, None)
    counts: Counter = Counter()
    shown = 0
    for ex in load_examples(split, layers):
        ctx = build_context(ex.doc)
        cands = [c for si in range(len(ctx.sentence_bounds)) for c in sentence_candidates(ctx, si)]
        text = ex.doc.text
        for g, span in zip(ex.events, ex.spans):
            counts["gold"] += 1
            if span is None:
                continue
            counts["located"] += 1
            inside = [c for c in cands if span[0] <= ctx.tokens[c.match.first].start < span[1]]
            typed = [c for c in inside if c.rule_type == g["type"]]
            if not typed:
                counts["no_typed_trigger"] += 1
                continue
            counts["typed"] += 1
            c = typed[0]
            parties = event_parties(c, EventType(g["type"]), ctx, models, ())
            src, tgt = (parties.source, parties.target) if parties else ([], [])
            s_ok, t_ok = _ok(g["source"], src), _ok(g["target"], tgt)
            if g["type"] in ("AGREE", "CONSULT") and not (s_ok and t_ok):
                s_ok = t_ok = _ok(g["source"], tgt) and _ok(g["target"], src)
            counts[f"src={s_ok} tgt={t_ok}"] += 1
            if (s_ok and t_ok) and not show_all or shown >= limit:
                continue
            shown += 1
            si = ctx.sentence_of[c.match.first]
            lo, hi = ctx.sentence_bounds[si]
            sent = text[ctx.tokens[lo].start:ctx.tokens[hi - 1].end]
            acts = [f"{text[a.start:a.end]}={'/'.join(a.codes)}" for a in ctx.actors if lo <= a.first < hi]
            print(f"--- {ex.doc.id} {g['type']} trig={text[ctx.tokens[c.match.first].start:ctx.tokens[c.match.last].end]}"
                  f" ok={'S' if s_ok else 's'}{'T' if t_ok else 't'}")
            print(f"  ours: {src} -> {tgt}   gold: {g['source']} -> {g['target']}")
            print(f"  sent: {sent[:300]}")
            print(f"  ev:   {g['evidence'][:200]}")
            print(f"  actors: {' | '.join(acts)}")
    print(dict(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
