"""Word clusters learned by the project from unlabeled news, for the tagger's features.

Recipe (deterministic, a couple of minutes on 2 cores, numpy + scipy only):
  1. normalise and tokenise the news articles (title + text);
  2. count directional contexts (left/right, distances 1 and 2, distance 2
     weighted 1/2) of the most frequent words over a context vocabulary;
  3. positive PMI with context-distribution smoothing (0.75), truncated SVD
     (SVD-of-PPMI word vectors; Levy, Goldberg & Dagan 2015), rows L2-normalised;
  4. k-means (fixed seed) at two granularities, e.g. 256 and 1024 clusters.
The result is a gzip TSV `word<TAB>coarse<TAB>fine<TAB>freq` keyed by normalised
word form (freq = floor(log2(count)) in the news), shipped in marsad/models and
loaded lazily.
"""
from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from marsad.arabic import normalize_text

CLUSTERS_FILE = "ner_clusters.tsv.gz"

# Tokens of the normalised text: Arabic words, numbers, Latin words, one punctuation mark.
_WORD_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[0-9]+|[A-Za-z]+|[^\s\w]")


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    min_count: int = 5  # min_count 2 gave noisier clusters and a lower hold-out F1
    max_vocab: int = 120_000
    context_vocab: int = 10_000
    dims: int = 128
    granularities: tuple[int, int] = (256, 1024)
    kmeans_iters: int = 15
    seed: int = 13
    max_words: int | None = None  # cap on corpus words, for quick runs


def news_words(paths: Iterable[Path], max_words: int | None = None) -> Iterator[list[str]]:
    """Normalised tokens of every article (one list per article)."""
    total = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                toks = _WORD_RE.findall(normalize_text(f"{art.get('title') or ''}\n{art.get('text') or ''}"))
                yield toks
                total += len(toks)
                if max_words is not None and total >= max_words:
                    return


def _cooccurrence(articles: list[np.ndarray], n_words: int, n_ctx: int):
    import scipy.sparse as sp

    rows, cols, vals = [], [], []
    for ids in articles:
        for dist, weight in ((1, 1.0), (2, 0.5)):
            if len(ids) <= dist:
                continue
            left, right = ids[:-dist], ids[dist:]
            # right context of `left` words: column ctx; left context of `right` words: n_ctx + ctx
            m = (left < n_words) & (right < n_ctx)
            rows.append(left[m]); cols.append(right[m]); vals.append(np.full(m.sum(), weight, np.float32))
            m = (right < n_words) & (left < n_ctx)
            rows.append(right[m]); cols.append(left[m] + n_ctx); vals.append(np.full(m.sum(), weight, np.float32))
    mat = sp.coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n_words, 2 * n_ctx)
    ).tocsr()
    mat.sum_duplicates()
    return mat


def _ppmi(mat, alpha: float = 0.75):
    mat = mat.tocoo()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** alpha
    col_p = col_sum / col_sum.sum()
    pmi = np.log(mat.data / total) - np.log(row_sum[mat.row] / total) - np.log(col_p[mat.col])
    keep = pmi > 0
    import scipy.sparse as sp

    return sp.csr_matrix((pmi[keep], (mat.row[keep], mat.col[keep])), shape=mat.shape)


def _embed(ppmi, dims: int, seed: int) -> np.ndarray:
    from scipy.sparse.linalg import svds

    rng = np.random.default_rng(seed)
    v0 = rng.standard_normal(min(ppmi.shape))
    u, s, _ = svds(ppmi.astype(np.float64), k=dims, v0=v0)
    vec = u * np.sqrt(s)
    norms = np.linalg.norm(vec, axis=1, keepdims=True)
    return (vec / np.maximum(norms, 1e-9)).astype(np.float32)


def kmeans(x: np.ndarray, k: int, iters: int, seed: int, chunk: int = 20_000) -> np.ndarray:
    """Spherical-ish k-means on unit rows; returns the cluster id of every row."""
    rng = np.random.default_rng(seed)
    # Initialise from frequent words (rows are in frequency order) to avoid empty rare clusters.
    pool = min(len(x), max(k * 4, 1))
    centres = x[rng.choice(pool, size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int32)
    for _ in range(iters):
        for s in range(0, len(x), chunk):
            assign[s:s + chunk] = np.argmax(x[s:s + chunk] @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        counts = np.bincount(assign, minlength=k)
        empty = counts == 0
        centres = sums / np.maximum(counts, 1)[:, None]
        centres[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-9)
    return assign


def train_clusters(news_paths: list[Path], output: Path, config: ClusterConfig = ClusterConfig()) -> dict:
    """Learn the word→cluster map from news and write it to `output`; returns statistics."""
    counts: Counter = Counter()
    docs = list(news_words(news_paths, config.max_words))
    for toks in docs:
        counts.update(toks)
    vocab = [w for w, c in counts.most_common(config.max_vocab) if c >= config.min_count]
    index = {w: i for i, w in enumerate(vocab)}
    unk = len(vocab)  # ids >= n_words are skipped by the masks
    arrays = [np.fromiter((index.get(t, unk) for t in toks), dtype=np.int64, count=len(toks)) for toks in docs]
    n_ctx = min(config.context_vocab, len(vocab))
    ppmi = _ppmi(_cooccurrence(arrays, len(vocab), n_ctx))
    vec = _embed(ppmi, min(config.dims, min(ppmi.shape) - 1), config.seed)
    layers = [kmeans(vec, min(k, len(vocab)), config.kmeans_iters, config.seed + i) for i, k in enumerate(config.granularities)]
    output.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    buf.write(f"# marsad NER word clusters: {len(vocab)} words, granularities {config.granularities}\n")
    for i, w in enumerate(vocab):
        buf.write(f"{w}\t{layers[0][i]}\t{layers[1][i]}\t{int(np.log2(counts[w]))}\n")
    # mtime=0 keeps the file byte-identical across re-runs.
    with gzip.GzipFile(output, "wb", mtime=0) as fh:
        fh.write(buf.getvalue().encode("utf-8"))
    return {"articles": len(docs), "words": sum(counts.values()), "vocab": len(vocab)}


class ClusterFileError(ValueError):
    """A malformed clusters file."""


@dataclass(frozen=True, slots=True)
class WordCluster:
    coarse: str
    fine: str
    freq: str  # floor(log2(count in the news))


def parse_clusters(data: bytes, name: str) -> dict[str, WordCluster]:
    out: dict[str, WordCluster] = {}
    for lineno, line in enumerate(gzip.decompress(data).decode("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or not all(c.isdigit() for c in cols[1:]):
            raise ClusterFileError(f"{name}:{lineno}: expected word<TAB>coarse<TAB>fine<TAB>freq, got {line[:60]!r}")
        out[cols[0]] = WordCluster(cols[1], cols[2], cols[3])
    return out


@lru_cache(maxsize=4)
def load_clusters(path: str | None = None) -> dict[str, WordCluster]:
    """word → its clusters and frequency band; {} when no clusters file is shipped."""
    if path is None:
        res = resources.files("marsad.models").joinpath(CLUSTERS_FILE)
        if not res.is_file():
            return {}
        return parse_clusters(res.read_bytes(), CLUSTERS_FILE)
    p = Path(path)
    return parse_clusters(p.read_bytes(), str(p)) if p.is_file() else {}
