"""Build the self-trained news lexicon (marsad.ner.lexicon) by jackknife over the training data.

For each fold k, a first-stage CRF (the same features, without the lexicon) is
trained on the other folds and tags a sample of the unlabeled news; the counts
are written per fold.  The folds run in parallel worker processes.
"""
from __future__ import annotations

import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

import pycrfsuite

from marsad.ner.corpora import TaggedSentence
from marsad.ner.features import FeatureConfig
from marsad.ner.lexicon import LexiconConfig, count_tags, news_sentences, write_lexicon


@dataclass(frozen=True, slots=True)
class FoldJob:
    train: list[TaggedSentence]
    features: FeatureConfig
    params: object  # train.CrfParams (imported lazily: train imports this module)
    news: tuple[Path, ...]
    lexicon: LexiconConfig


def fold_blocks(n: int, folds: int) -> list[int]:
    """Fold id of each of `n` sentences: contiguous blocks, so an article stays in one fold."""
    return [min(i * folds // max(n, 1), folds - 1) for i in range(n)]


def _run_fold(job: FoldJob) -> dict[str, Counter]:
    from marsad.ner.train import featurise, fit

    with tempfile.TemporaryDirectory() as tmp:
        model = fit(job.train, job.features, job.params, Path(tmp) / "fold.crfsuite")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        counts = count_tags(_tagged(tagger, job))
        tagger.close()
    return counts


def _tagged(tagger: pycrfsuite.Tagger, job: FoldJob) -> Iterator[tuple[list[str], list[str]]]:
    # One sentence at a time: featurising the whole sample at once would hold
    # hundreds of millions of feature strings.
    from marsad.ner.train import featurise

    for words in news_sentences(job.news, job.lexicon):
        yield words, tagger.tag(featurise([TaggedSentence(words, [])], job.features)[0])


def build_lexicon(
    sentences: Sequence[TaggedSentence],
    folds: Sequence[int],
    n_folds: int,
    features: FeatureConfig,
    params,
    news: Sequence[Path],
    output: Path,
    lexicon: LexiconConfig = LexiconConfig(),
    workers: int = 2,
) -> int:
    """Train one first-stage model per fold, tag the news, write `output`; returns words kept."""
    stage1 = replace(features, lexicon=False)
    jobs = [
        FoldJob([s for s, f in zip(sentences, folds) if f != k], stage1, params, tuple(news), lexicon)
        for k in range(n_folds)
    ]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        counts = list(pool.map(_run_fold, jobs))
    return write_lexicon(counts, output, lexicon.min_count)
