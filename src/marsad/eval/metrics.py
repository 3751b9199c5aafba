"""Counts, precision/recall/F1, and one-to-one matching.

Precision and recall may have different numerators: for entities and dates a
gold item is *found* by a rule that differs from the rule that makes a system
item *correct* (see the sibling modules), so a `Score` keeps both.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

G = TypeVar("G")
S = TypeVar("S")


@dataclass(slots=True)
class Score:
    gold: int = 0  # gold items
    system: int = 0  # system predictions
    found: int = 0  # gold items the system found (recall numerator)
    correct: int = 0  # system items judged correct (precision numerator)

    @property
    def precision(self) -> float:
        # With no prediction there is nothing wrong to count: precision is 0 only when
        # gold has items (so an empty system does not look perfect), 1 when both are empty.
        if self.system == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.correct / self.system

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.system == 0 else 0.0
        return self.found / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.system += other.system
        self.found += other.found
        self.correct += other.correct

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "system": self.system,
            "found": self.found,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def one_to_one(gold: Sequence[G], system: Sequence[S], ok: Callable[[G, S], bool]) -> dict[int, int]:
    """A maximum one-to-one matching {gold index: system index} under predicate `ok`.

    Kuhn's augmenting paths rather than plain greedy: greedy can pair a gold item
    with the only system item another gold item could use and so under-count.
    Candidates are tried in input order, so when several maximum matchings exist
    the one closest to greedy-in-order is returned.  Sizes are per document (tens
    of items), so O(V·E) is negligible.
    """
    cand = [[j for j, s in enumerate(system) if ok(g, s)] for g in gold]
    owner: dict[int, int] = {}  # system index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in cand[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}
