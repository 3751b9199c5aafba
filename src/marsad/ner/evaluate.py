"""Entity-level (conlleval-style) precision/recall/F1 over BIO sequences.

For ANERcorp the scored types are PERS, LOC, ORG: our GPE, LOC and FAC all
count as LOC, PER as PERS, and MISC is removed from gold and system alike.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from marsad.ner.decode import bio_ranges
from marsad.ner.labels import OUTSIDE, split_tag

ANERCORP_EVAL: dict[str, str] = {
    "PER": "PERS", "PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
}


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    micro: Score = field(default_factory=Score)
    per_type: dict[str, Score] = field(default_factory=dict)


def to_eval_tags(tags: Sequence[str], mapping: dict[str, str] = ANERCORP_EVAL) -> list[str]:
    """Map types for scoring; types absent from `mapping` (MISC) become O."""
    out = []
    for tag in tags:
        prefix, typ = split_tag(tag)
        target = mapping.get(typ) if prefix != OUTSIDE else None
        out.append(f"{prefix}-{target}" if target else OUTSIDE)
    return out


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], mapping=ANERCORP_EVAL) -> Report:
    """Exact-match entity scores; sequences are paired sentence by sentence."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {(r.start, r.end, r.type) for r in bio_ranges(to_eval_tags(g_tags, mapping))}
        p = {(r.start, r.end, r.type) for r in bio_ranges(to_eval_tags(p_tags, mapping))}
        for item in g & p:
            tp[item[2]] += 1
        for item in p - g:
            fp[item[2]] += 1
        for item in g - p:
            fn[item[2]] += 1
    report = Report()
    for typ in sorted(set(tp) | set(fp) | set(fn)):
        report.per_type[typ] = Score(tp[typ], fp[typ], fn[typ])
    report.micro = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return report
