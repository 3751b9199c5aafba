"""Per-article signatures for duplicate and story detection (MinHash over analysed words).

Two MinHashes per article: word 3-shingles (wording: wire copies and reprints share
most of them) and the set of content stems (topic: two outlets writing up the same
event share vocabulary, not sentences).  Both are persisted as blobs so a later run
rebuilds the LSH index from the database without re-reading any text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash

from marsad.kb.analysis import content_stems, stems, text_hash

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"  # datasketch 2 hashing scheme; fixed so stored signatures stay comparable
SHINGLE = 3
_DTYPE = np.dtype("<u8")  # on-disk form; fixed so blobs survive datasketch upgrades


@dataclass(frozen=True, slots=True)
class Signature:
    text_hash: str
    shingles: np.ndarray  # NUM_PERM hash values
    topic: np.ndarray
    size: int  # number of words


@lru_cache(maxsize=1)
def _permutations():
    """Computing the permutations is most of a MinHash's construction cost: do it once."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(items: set[str]) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    if items:
        m.update_batch([s.encode("utf-8") for s in items])
    return np.asarray(m.hashvalues, dtype=_DTYPE)


def shingles(words: list[str], k: int = SHINGLE) -> set[str]:
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(title: str, text: str) -> Signature:
    return signature_of_stems(stems(title), stems(text))


def signature_of_stems(title_words: list[str], text_words: list[str]) -> Signature:
    words = title_words + text_words
    return Signature(
        text_hash=text_hash(text_words),
        shingles=_minhash(shingles(words)),
        topic=_minhash(content_stems(words)),
        size=len(words),
    )


def to_blob(values: np.ndarray) -> bytes:
    return np.asarray(values, dtype=_DTYPE).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=_DTYPE)


def lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
