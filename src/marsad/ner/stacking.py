"""Second-stage features from a first CRF pass over neighbouring sentences (stacking).

Why: names recur within an article, and the first pass types some mentions
confidently and misses others.  The second-stage CRF sees, for every word,
which types the first pass gave to the *other* occurrences of the same word
(compared by its most-stripped clitic reading, `consistency.word_key`) within
a window of sentences, and the first pass's own label.  Unlike the fixed
consistency rule, it learns how far to trust that evidence per type
(Krishnan & Manning 2006, "An effective two-stage model for exploiting
non-local dependencies in NER").

Training uses out-of-fold first-pass labels (`marsad.ner.selftrain.fold_blocks`
splits the sentences; the model for fold k never saw fold k), so the
features are as noisy in training as when tagging new text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from marsad.ner.consistency import word_key
from marsad.ner.decode import bio_ranges
from marsad.ner.labels import OUTSIDE


@dataclass(frozen=True, slots=True)
class StackConfig:
    window: int = 5  # sentences either side
    own_label: bool = True  # the first pass's label of the word itself
    min_len: int = 2  # shorter keys (one letter) give no document feature


def _types(tags: Sequence[str]) -> list[str]:
    out = [OUTSIDE] * len(tags)
    for r in bio_ranges(tags):
        for i in range(r.start, r.end):
            out[i] = r.type
    return out


def doc_features(
    sentences: Sequence[Sequence[str]], stage1: Sequence[Sequence[str]], config: StackConfig = StackConfig()
) -> list[list[list[str]]]:
    """Per sentence, per word: feature strings from the first-pass labels of the window."""
    keys = [[word_key(w) for w in words] for words in sentences]
    types = [_types(t) for t in stage1]
    out: list[list[list[str]]] = []
    for i, words in enumerate(sentences):
        lo, hi = max(0, i - config.window), min(len(sentences), i + config.window + 1)
        # key → Counter of first-pass types over the window (this word included; removed below)
        pool: dict[str, Counter] = {}
        for j in range(lo, hi):
            for k, t in zip(keys[j], types[j]):
                if len(k) >= config.min_len:
                    pool.setdefault(k, Counter())[t] += 1
        rows: list[list[str]] = []
        for pos, k in enumerate(keys[i]):
            feats: list[str] = []
            if config.own_label:
                feats.append(f"s1={stage1[i][pos]}")
            c = pool.get(k)
            if c is not None:
                others = c.copy()
                others[types[i][pos]] -= 1  # the word's own occurrence is not evidence about itself
                named = [t for t, n in others.items() if n > 0 and t != OUTSIDE]
                for t in named:
                    feats.append(f"doc={t}")
                if not named and others[OUTSIDE] > 0:
                    feats.append("doc=O")
                if named and others[OUTSIDE] > 0:
                    feats.append("doc=mixed")
            rows.append(feats)
        out.append(rows)
    return out


def merge(base: Sequence[list[list[str]]], extra: Sequence[list[list[str]]]) -> list[list[list[str]]]:
    """Token-wise concatenation of two feature sequences for the same sentences."""
    return [[a + b for a, b in zip(xs, ys, strict=True)] for xs, ys in zip(base, extra, strict=True)]
