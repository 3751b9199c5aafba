"""Readers for the labelled NER corpora in ../shared/data/ner, mapped to our types.

Nothing here is copied into the repository: the files are read at training time.

NewsFANE is a fine-grained re-annotation of the ANERcorp text (clitics split
off, hamza folded).  Its sentences therefore duplicate ANERcorp train *and*
test; it is used to refine ANERcorp's coarse LOC into GPE/LOC/FAC
(`refine_loc`), never as extra sentences, and only after removing every
NewsFANE sentence that overlaps an excluded set (the evaluation test file and
the tuning hold-out) — see `drop_overlapping`.
"""
from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from marsad.arabic import normalize_text, strip_clitics
from marsad.ner.decode import bio_ranges
from marsad.ner.labels import (
    ANERCORP_MAP,
    OUTSIDE,
    WOJOOD_MAP,
    map_tag,
    newsfane_map,
    repair_bio,
)


@dataclass(slots=True)
class TaggedSentence:
    words: list[str]
    tags: list[str]


def read_columns(path: Path, sep: str | None = None) -> Iterator[list[list[str]]]:
    """Blank-line separated sentences of `token TAG...` rows (gzip by suffix)."""
    opener = gzip.open if path.suffix == ".gz" else open
    rows: list[list[str]] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield rows
                rows = []
                continue
            cols = line.split(sep)
            if len(cols) >= 2 and cols[0]:
                rows.append(cols)
    if rows:
        yield rows


def read_anercorp(path: Path) -> list[TaggedSentence]:
    """ANERcorp `token TAG` (PERS/LOC/ORG/MISC) mapped to our tags."""
    return [
        TaggedSentence([r[0] for r in rows], repair_bio([map_tag(r[1], ANERCORP_MAP) for r in rows]))
        for rows in read_columns(path)
    ]


def read_anercorp_raw(path: Path) -> list[TaggedSentence]:
    """ANERcorp with its own tags untouched (for evaluation)."""
    return [TaggedSentence([r[0] for r in rows], [r[1] for r in rows]) for rows in read_columns(path)]


def read_newsfane(path: Path) -> list[TaggedSentence]:
    """NewsFANE (tab-separated, 45 types) mapped through resources/ner/newsfane_map.tsv."""
    mapping = newsfane_map()
    return [
        TaggedSentence([r[0] for r in rows], repair_bio([map_tag(r[-1], mapping) for r in rows]))
        for rows in read_columns(path, "\t")
    ]


def _wojood_tag(tags: list[str]) -> str:
    # Nested tags, outermost first: keep the outermost that is one of our types.
    for tag in tags:
        mapped = map_tag(tag, WOJOOD_MAP)
        if mapped != OUTSIDE:
            return mapped
    return OUTSIDE


def read_wojood(path: Path) -> list[TaggedSentence]:
    """Wojood sample (nested, one or more tags per token), flattened to our types.

    Its `$#$` rows are paragraph markers, not words, and are dropped.
    """
    out = []
    for rows in read_columns(path):
        rows = [r for r in rows if r[0] != "$#$"]
        if rows:
            out.append(TaggedSentence([r[0] for r in rows], repair_bio([_wojood_tag(r[1:]) for r in rows])))
    return out


# -- overlap control ------------------------------

SHINGLE = 25  # characters; long enough that a shared shingle means shared text


def _squashed(words: Iterable[str]) -> str:
    # Spaces removed so that clitic-split (NewsFANE) and attached (ANERcorp) text compare equal.
    return normalize_text("".join(words))


def shingles(words: list[str], step: int = 1) -> set[str]:
    s = _squashed(words)
    if len(s) <= SHINGLE:
        return {s} if s else set()
    return {s[i:i + SHINGLE] for i in range(0, len(s) - SHINGLE + 1, step)}


def drop_overlapping(
    sentences: list[TaggedSentence], excluded: list[TaggedSentence], threshold: float = 0.2
) -> tuple[list[TaggedSentence], int]:
    """Sentences sharing more than `threshold` of their shingles with `excluded` are dropped.

    Returns the kept sentences and the number dropped.
    """
    banned: set[str] = set()
    for sent in excluded:
        banned |= shingles(sent.words)
    kept = []
    for sent in sentences:
        sh = shingles(sent.words, step=3)
        if sh and len(sh & banned) / len(sh) > threshold:
            continue
        kept.append(sent)
    return kept, len(sentences) - len(kept)


# -- LOC refinement ------------------------------

GEO_TYPES = ("GPE", "LOC", "FAC")


def _keys(words: list[str]) -> list[str]:
    # The entity's squashed surface, and the same with the first word's proclitics removed.
    keys = [_squashed(words)]
    for reading in strip_clitics(words[0])[1:]:
        keys.append(_squashed([reading, *words[1:]]))
    return keys


def geo_type_votes(sentences: list[TaggedSentence]) -> dict[str, str]:
    """Surface → majority geographic type (GPE/LOC/FAC) among the given annotations."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for sent in sentences:
        for s, e, typ in ((r.start, r.end, r.type) for r in bio_ranges(sent.tags)):
            if typ in GEO_TYPES:
                votes[_squashed(sent.words[s:e])][typ] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def refine_loc(sentences: list[TaggedSentence], votes: dict[str, str]) -> int:
    """Retype GPE entities (ANERcorp LOC) to LOC/FAC where `votes` says so; returns the count."""
    changed = 0
    for sent in sentences:
        for s, e, typ in ((r.start, r.end, r.type) for r in bio_ranges(sent.tags)):
            if typ != "GPE":
                continue
            new = next((votes[k] for k in _keys(sent.words[s:e]) if k in votes), "GPE")
            if new != typ:
                sent.tags[s] = f"B-{new}"
                for i in range(s + 1, e):
                    sent.tags[i] = f"I-{new}"
                changed += 1
    return changed
