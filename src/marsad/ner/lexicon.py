"""A self-trained name lexicon: how the tagger itself types each word across the news.

Why: most of the tagger's misses are names it has never seen in training
(foreign people, parties, companies).  Many of them recur in the unlabeled
news, often in contexts where a tagger recognises them easily («الرئيس X»,
«حزب X»).  Tagging the news once and counting, per word, the share of its
occurrences inside PER / ORG / geographic entities aggregates that evidence
across the whole corpus; the final CRF sees it as a word-level feature
(`lexicon_features`).

Jackknife, so that the feature is as reliable on training words as on new
words: the ANERcorp training sentences are split into `folds`; a first-stage
CRF (without lexicon features) is trained on all folds but k and tags the
news, giving counts L_k.  Training sentences of fold k get features from L_k
(from a model that never saw them); tagging uses the sum of all L_k (from
models that never saw the text being tagged either).

File (gzip TSV, shipped in marsad/models): `word<TAB>fold<TAB>total<TAB>PER<TAB>ORG<TAB>GEO`
per (normalised word or clitic-free stem, fold); counts are integers.
"""
from __future__ import annotations

import gzip
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from marsad.arabic.tokenize import split_clitics
from marsad.ner.clusters import news_words
from marsad.ner.decode import bio_ranges

LEXICON_FILE = "ner_lexicon.tsv.gz"
ALL_FOLDS = -1  # the summed view used at tagging time
LEX_TYPES = ("PER", "ORG", "GEO")
_GEO = {"GPE": "GEO", "LOC": "GEO", "FAC": "GEO", "PER": "PER", "ORG": "ORG"}
_SENT_END = {".", "!", "؟", "?"}


class LexiconFileError(ValueError):
    """A malformed lexicon file."""


@dataclass(frozen=True, slots=True)
class LexiconConfig:
    max_words: int = 2_000_000  # news words tagged per fold model
    stride: int = 2  # keep every stride-th article (spreads the sample over all sources)
    max_sentence: int = 60  # longer runs are cut (news paragraphs without full stops)
    min_count: int = 3  # words seen fewer times in the news give no feature


@dataclass(frozen=True, slots=True)
class LexEntry:
    total: int
    per: int
    org: int
    geo: int


Lexicon = dict[str, LexEntry]


# -- building ------------------------------

def news_sentences(paths: Iterable[Path], config: LexiconConfig = LexiconConfig()) -> Iterator[list[str]]:
    """Normalised news sentences (split at . ! ؟ and at `max_sentence` tokens)."""
    total = 0
    for i, toks in enumerate(news_words(paths)):
        if i % config.stride:
            continue
        sent: list[str] = []
        for tok in toks:
            sent.append(tok)
            if tok in _SENT_END or len(sent) >= config.max_sentence:
                yield sent
                total += len(sent)
                sent = []
        if sent:
            yield sent
            total += len(sent)
        if total >= config.max_words:
            return


def count_tags(tagged: Iterable[tuple[list[str], Sequence[str]]]) -> dict[str, Counter]:
    """word → Counter(total, PER, ORG, GEO) over (words, tags) sentences; stems are counted too."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for words, seq in tagged:
        types: list[str | None] = [None] * len(words)
        for r in bio_ranges(seq):
            for j in range(r.start, r.end):
                types[j] = _GEO.get(r.type)
        for word, typ in zip(words, types):
            keys = {word}
            _, stem_i = split_clitics(word)
            if 0 < stem_i < len(word):
                keys.add("~" + word[stem_i:])  # stems are kept apart from whole words
            for key in keys:
                c = counts[key]
                c["total"] += 1
                if typ:
                    c[typ] += 1
    return counts


def write_lexicon(fold_counts: Sequence[dict[str, Counter]], output: Path, min_count: int) -> int:
    """Write the per-fold counts; a word is kept when its summed total reaches `min_count`."""
    totals: Counter = Counter()
    for counts in fold_counts:
        for w, c in counts.items():
            totals[w] += c["total"]
    buf = io.StringIO()
    buf.write(f"# marsad NER self-trained lexicon: {len(fold_counts)} folds; word fold total PER ORG GEO\n")
    kept = 0
    for w in sorted(w for w, t in totals.items() if t >= min_count):
        kept += 1
        for k, counts in enumerate(fold_counts):
            c = counts.get(w)
            if c:
                buf.write(f"{w}\t{k}\t{c['total']}\t{c['PER']}\t{c['ORG']}\t{c['GEO']}\n")
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(output, "wb", mtime=0) as fh:  # mtime=0: byte-identical re-runs
        fh.write(buf.getvalue().encode("utf-8"))
    return kept


# -- loading ------------------------------

def parse_lexicon(data: bytes, name: str) -> dict[int, Lexicon]:
    """fold → word → counts, plus ALL_FOLDS → the sums."""
    folds: dict[int, Lexicon] = defaultdict(dict)
    sums: dict[str, list[int]] = {}
    for lineno, line in enumerate(gzip.decompress(data).decode("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6 or not all(c.isdigit() for c in cols[1:]):
            raise LexiconFileError(f"{name}:{lineno}: expected word<TAB>fold<TAB>total<TAB>PER<TAB>ORG<TAB>GEO, got {line[:60]!r}")
        word, fold, *nums = cols
        total, per, org, geo = (int(x) for x in nums)
        if per + org + geo > total:
            raise LexiconFileError(f"{name}:{lineno}: type counts exceed the total")
        folds[int(fold)][word] = LexEntry(total, per, org, geo)
        acc = sums.setdefault(word, [0, 0, 0, 0])
        for i, x in enumerate((total, per, org, geo)):
            acc[i] += x
    out = dict(folds)
    out[ALL_FOLDS] = {w: LexEntry(*v) for w, v in sums.items()}
    return out


@lru_cache(maxsize=4)
def load_lexicon(path: str) -> dict[int, Lexicon]:
    p = Path(path)
    return parse_lexicon(p.read_bytes(), str(p)) if p.is_file() else {}


# -- features ------------------------------

def _bucket(share: float) -> str:
    # Coarse bands: the CRF learns how far to trust each.
    if share >= 0.8:
        return "4"
    if share >= 0.5:
        return "3"
    if share >= 0.2:
        return "2"
    if share >= 0.05:
        return "1"
    return ""


def lexicon_features(entry: LexEntry | None, prefix: str = "lx") -> list[str]:
    """Feature strings for one word's counts (none for an unseen word)."""
    if entry is None:
        return [f"{prefix}=?"]
    out = []
    for typ, n in zip(LEX_TYPES, (entry.per, entry.org, entry.geo)):
        b = _bucket(n / entry.total)
        if b:
            out.append(f"{prefix}{typ}={b}")
    if not out:
        out.append(f"{prefix}=O")
    return out


def top_type(entry: LexEntry | None) -> str:
    """The word's majority news type when it covers at least half its occurrences, else ''."""
    if entry is None:
        return ""
    n, typ = max(zip((entry.per, entry.org, entry.geo), LEX_TYPES))
    return typ if n * 2 >= entry.total else ""
