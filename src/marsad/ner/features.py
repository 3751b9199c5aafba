"""Token features for the CRF tagger.

Speed matters (thousands of tokens per second in plain Python), so every
feature that depends on a word alone is computed once per distinct word and
cached (`word_info`); the sequence pass only concatenates cached tuples and
adds a few neighbour strings.

Feature families (each can be switched off for ablations via FeatureConfig):
  word / normalised form / clitic-free base and stem, prefixes and suffixes,
  shape, length, word clusters (two granularities, learned from news),
  context triggers (resources/ner/triggers.tsv), the actor gazetteer's BIO
  labels and title tokens (marsad.actors, when that module exists),
  and the ±2 neighbours' forms and clusters.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Sequence

from marsad.arabic import normalize_text
from marsad.arabic.tokenize import split_clitics
from marsad.ner.clusters import load_clusters
from marsad.ner.labels import TYPES, MapFileError, tsv_rows
from marsad.ner.lexicon import ALL_FOLDS, lexicon_features, load_lexicon, top_type

TRIGGERS_FILE = "ner/triggers.tsv"


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    window: int = 2
    affixes: bool = True
    clusters: bool = True
    triggers: bool = True
    gazetteer: bool = True
    bigrams: bool = True
    cluster_pairs: bool = True  # coarse-cluster pairs with each neighbour
    clusters_path: str | None = None  # None: the shipped clusters file
    char_ngrams: bool = False  # 4-character affixes and inner 3-grams of the stem (unseen names)
    wide_context: bool = False  # triggers anywhere in the 4 words before, gazetteer/titles at ±2
    lexicon: bool = False  # self-trained news lexicon (marsad.ner.lexicon)
    lexicon_path: str | None = None
    lexicon_fold: int = ALL_FOLDS  # jackknife fold whose counts the features read


@dataclass(frozen=True, slots=True)
class WordInfo:
    """Everything about one word that does not depend on its neighbours."""

    own: tuple[str, ...]  # the word's own feature strings
    norm: str
    stem: str
    coarse: str  # cluster ids ('' when unknown)
    fine: str
    trigger: str  # trigger type of the word ('' when none)
    shape: str
    lex: str = ""  # majority type of the word in the self-tagged news ('' when none)


# -- data file: triggers ------------------------------

def parse_triggers(text: str, filename: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for lineno, cols in tsv_rows(text, "word"):
        if len(cols) != 3 or not all(c.strip() for c in cols):
            raise MapFileError(f"{filename}:{lineno}: expected word<TAB>type<TAB>note, all non-empty")
        word, typ, _note = cols
        if typ not in TYPES:
            raise MapFileError(f"{filename}:{lineno}: type {typ!r} is not one of {sorted(TYPES)}")
        if normalize_text(word) != word:
            raise MapFileError(f"{filename}:{lineno}: {word!r} is not in normalised form")
        if word in out:
            raise MapFileError(f"{filename}:{lineno}: duplicate word {word!r}")
        out[word] = typ
    return out


@lru_cache(maxsize=1)
def triggers() -> dict[str, str]:
    text = resources.files("marsad.resources").joinpath(TRIGGERS_FILE).read_text("utf-8")
    return parse_triggers(text, TRIGGERS_FILE)


# -- per-word features ------------------------------

def shape_of(word: str) -> str:
    if word.isdigit():
        return "num"
    if word.isascii() and word.isalpha():
        return "latin"
    if len(word) == 1 and not word.isalnum():
        return "punct"
    if any(ch.isdigit() for ch in word):
        return "mixed"
    return "ar"


# 50k words cover almost every token of a day's news (Zipf); at ~1.4 kB an entry, 300k
# grew a 20k-article run by ~400 MB (bench/memory_stream.py).
@lru_cache(maxsize=50_000)
def word_info(word: str, config: FeatureConfig) -> WordInfo:
    norm = normalize_text(word)
    shape = shape_of(norm)
    base_i, stem_i = split_clitics(norm) if shape == "ar" else (0, 0)
    base, stem = norm[base_i:], norm[stem_i:]
    own = [f"w={norm}", f"shape={shape}", f"len={min(len(stem), 8)}"]
    if base_i:
        own.append(f"pro={norm[:base_i]}")
        own.append(f"base={base}")
    if stem_i > base_i:
        own.append("al")
    if stem != norm:
        own.append(f"stem={stem}")
    if config.affixes and shape == "ar":
        for n in (1, 2, 3):
            if len(stem) > n:
                own.append(f"p{n}={stem[:n]}")
                own.append(f"s{n}={stem[-n:]}")
    if config.char_ngrams and shape == "ar":
        if len(stem) > 4:
            own.append(f"p4={stem[:4]}")
            own.append(f"s4={stem[-4:]}")
        # bag of inner 3-grams: transliterated foreign names have telltale letter runs
        own.extend({f"g3={stem[k:k + 3]}" for k in range(1, len(stem) - 3)})
    coarse = fine = ""
    if config.clusters:
        table = load_clusters(config.clusters_path)
        hit = table.get(norm) or table.get(base) or table.get(stem)
        if hit:
            coarse, fine = hit.coarse, hit.fine
            own.append(f"c={coarse}")
            own.append(f"cf={fine}")
            # rare words in the news are more often names (and foreign ones)
            own.append(f"fq={hit.freq}")
        else:
            own.append("c=?")
        if stem != norm and stem in table:
            own.append(f"cs={table[stem].fine}")
    trig = ""
    if config.triggers:
        table = triggers()
        trig = table.get(base) or table.get(stem) or ""
        if trig:
            own.append(f"trig={trig}")
    lex = ""
    if config.lexicon and config.lexicon_path:
        table = load_lexicon(config.lexicon_path).get(config.lexicon_fold, {})
        entry = table.get(norm) or table.get("~" + stem)
        own.extend(lexicon_features(entry))
        lex = top_type(entry)
    return WordInfo(tuple(own), norm, stem, coarse, fine, trig, shape, lex)


# -- sequence features ------------------------------

ExtraLabels = Sequence[str | None]


def sequence_features(
    words: Sequence[str],
    config: FeatureConfig,
    gazetteer: ExtraLabels | None = None,
    titles: Sequence[bool] | None = None,
) -> list[list[str]]:
    """Feature strings for every word of one sentence.

    `gazetteer` gives per-word BIO labels from the actor gazetteer (or None),
    `titles` flags title tokens; both are optional so that tagging works
    before marsad.actors exists.
    """
    infos = [word_info(w, config) for w in words]
    n = len(infos)
    out: list[list[str]] = []
    use_gaz = config.gazetteer and gazetteer is not None
    use_title = config.gazetteer and titles is not None
    for i, info in enumerate(infos):
        feats = list(info.own)
        for d in range(1, config.window + 1):
            for sign, j in (("-", i - d), ("+", i + d)):
                if 0 <= j < n:
                    nb = infos[j]
                    feats.append(f"{sign}{d}w={nb.norm}")
                    if config.clusters:
                        feats.append(f"{sign}{d}c={nb.coarse}")
                    if d == 1:
                        feats.append(f"{sign}1s={nb.stem}")
                        if nb.trigger:
                            feats.append(f"{sign}1trig={nb.trigger}")
                        if config.clusters:
                            feats.append(f"{sign}1cf={nb.fine}")
                        feats.append(f"{sign}1shape={nb.shape}")
                        if nb.lex:
                            feats.append(f"{sign}1lx={nb.lex}")
                else:
                    feats.append(f"{sign}{d}=BOUND")
        if i >= 2 and infos[i - 2].trigger:
            feats.append(f"-2trig={infos[i - 2].trigger}")
        if config.bigrams:
            prev = infos[i - 1].stem if i else "<s>"
            feats.append(f"bi={prev}|{info.stem}")
            nxt = infos[i + 1].stem if i + 1 < n else "</s>"
            feats.append(f"bi+={info.stem}|{nxt}")
        if config.cluster_pairs and config.clusters:
            prev_c = infos[i - 1].coarse if i else "<s>"
            next_c = infos[i + 1].coarse if i + 1 < n else "</s>"
            feats.append(f"cc-={prev_c}|{info.coarse}")
            feats.append(f"cc+={info.coarse}|{next_c}")
        if use_gaz:
            for d in (-1, 0, 1):
                j = i + d
                if 0 <= j < n and gazetteer[j]:
                    feats.append(f"{d}gz={gazetteer[j]}")
        if use_title:
            if titles[i]:
                feats.append("title")
            if i and titles[i - 1]:
                feats.append("-1title")
        if config.wide_context:
            _wide(feats, i, infos, gazetteer if use_gaz else None, titles if use_title else None)
        out.append(feats)
    return out


def _wide(feats: list[str], i: int, infos: Sequence[WordInfo], gazetteer, titles) -> None:
    # A head word («وزارة», «حزب», «الرئيس») often sits a few words before the
    # name it introduces («وزير الخارجية الفرنسي X»): a bag of triggers over the
    # four preceding words, and the gazetteer/title signals one step further out.
    n = len(infos)
    seen = {infos[j].trigger for j in range(max(0, i - 4), i) if infos[j].trigger}
    feats.extend(f"trig<4={t}" for t in sorted(seen))
    if i + 2 < n and infos[i + 2].trigger:
        feats.append(f"+2trig={infos[i + 2].trigger}")
    for d in (-2, 2):
        j = i + d
        if 0 <= j < n:
            if gazetteer is not None and gazetteer[j]:
                feats.append(f"{d}gz={gazetteer[j]}")
            if titles is not None and titles[j]:
                feats.append(f"{d}title")


# -- optional knowledge from marsad.actors -----------------------------------

@dataclass(frozen=True, slots=True)
class ActorHooks:
    gazetteer_labels: Callable | None
    is_title_token: Callable | None


@lru_cache(maxsize=1)
def actor_hooks() -> ActorHooks:
    """marsad.actors' gazetteer and title functions, when that module provides them."""
    try:
        import marsad.actors as actors
    except ImportError:
        return ActorHooks(None, None)
    return ActorHooks(getattr(actors, "gazetteer_labels", None), getattr(actors, "is_title_token", None))
