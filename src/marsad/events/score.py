"""Event scoring against gold: same type and overlapping source and target actors
(either order for AGREE and CONSULT), optionally the same date too.

Actor lists overlap when they share a code, or are both empty.  Matching is
greedy, one-to-one, per document.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

UNORDERED = frozenset({"AGREE", "CONSULT"})


def _overlap(a, b) -> bool:
    a, b = set(a or []), set(b or [])
    return (not a and not b) or bool(a & b)


def event_match(pred: dict, gold: dict, with_date: bool = False) -> bool:
    if pred["type"] != gold["type"]:
        return False
    if with_date and pred.get("date") != gold.get("date"):
        return False
    if _overlap(pred["source"], gold["source"]) and _overlap(pred["target"], gold["target"]):
        return True
    return pred["type"] in UNORDERED and _overlap(pred["source"], gold["target"]) and _overlap(
        pred["target"], gold["source"])


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    by_type: dict[str, Counter] = field(default_factory=dict)

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

    def add(self, etype: str, key: str) -> None:
        setattr(self, key, getattr(self, key) + 1)
        self.by_type.setdefault(etype, Counter())[key] += 1


def score_doc(preds: list[dict], golds: list[dict], score: Score, with_date: bool = False) -> list[tuple]:
    """Add one document's counts; return (pred, gold) pairs, gold=None or pred=None for errors."""
    used: set[int] = set()
    pairs = []
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and event_match(p, g, with_date)), None)
        if hit is None:
            score.add(g["type"], "fn")
            pairs.append((None, g))
        else:
            used.add(hit)
            score.add(g["type"], "tp")
            pairs.append((preds[hit], g))
    for i, p in enumerate(preds):
        if i not in used:
            score.add(p["type"], "fp")
            pairs.append((p, None))
    return pairs
