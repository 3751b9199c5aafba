"""The CRF tagger: words or a Document's tokens → BIO labels → Entity spans.

The `Tagger` object holds only paths and its feature configuration, so it
pickles cheaply; the crfsuite model is opened lazily once per process by a
module-level cached loader.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import pycrfsuite

from marsad.arabic import normalize_text, sentences as split_sentences
from marsad.arabic.tokenize import TOKEN_RE, split_clitics
from marsad.model import Document, Entity, Token
from marsad.ner.consistency import ConsistencyConfig, propagate
from marsad.ner.decode import ranges_to_entities
from marsad.ner.features import FeatureConfig, actor_hooks, sequence_features
from marsad.ner.lexicon import LEXICON_FILE

MODEL_FILE = "ner.crfsuite"
META_FILE = "ner.json"


@lru_cache(maxsize=4)
def _open_model(path: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def feature_config_from_meta(meta_path: Path) -> FeatureConfig:
    """The feature configuration a model was trained with (its JSON sidecar)."""
    if not meta_path.is_file():
        return FeatureConfig()
    raw = json.loads(meta_path.read_text("utf-8")).get("features", {})
    known = FeatureConfig.__dataclass_fields__
    return FeatureConfig(**{k: v for k, v in raw.items() if k in known and k != "clusters_path"})


def tokens_from_words(words: Sequence[str]) -> list[Token]:
    """Tokens for pre-tokenised words laid out with single spaces (for the gazetteer hook)."""
    out: list[Token] = []
    pos = 0
    for w in words:
        norm = normalize_text(w)
        m = TOKEN_RE.fullmatch(w)
        kind = (m.lastgroup or "punct") if m else "word"
        base, stem = pos, pos
        if kind == "word" and norm and len(norm) == len(w):
            nb, ns = split_clitics(norm)
            base, stem = pos + nb, pos + ns
        out.append(Token(pos, pos + len(w), w, kind=kind, norm=norm, base_start=base, stem_start=stem))
        pos += len(w) + 1
    return out


@dataclass(frozen=True)
class Tagger:
    model_path: str
    config: FeatureConfig = field(default_factory=FeatureConfig)
    # None: every sentence on its own (no cross-sentence consistency pass)
    consistency: ConsistencyConfig | None = field(default_factory=ConsistencyConfig)

    @classmethod
    def from_dir(cls, directory: Path) -> "Tagger":
        """A tagger for `directory/ner.crfsuite`, with the clusters and config saved next to it."""
        config = feature_config_from_meta(directory / META_FILE)
        clusters = directory / "ner_clusters.tsv.gz"
        if clusters.is_file():
            config = FeatureConfig(**{**_as_dict(config), "clusters_path": str(clusters)})
        lexicon = directory / LEXICON_FILE
        if config.lexicon and lexicon.is_file():
            config = FeatureConfig(**{**_as_dict(config), "lexicon_path": str(lexicon)})
        elif config.lexicon:  # a model trained with lexicon features but shipped without the file
            raise FileNotFoundError(f"{lexicon} is missing (the model in {directory} needs it)")
        return cls(str(directory / MODEL_FILE), config)

    # -- labels ------------------------------
    def _features(self, tokens: Sequence[Token], gaz: Sequence[str | None] | None) -> list[list[str]]:
        hooks = actor_hooks()
        titles = [bool(hooks.is_title_token(t)) for t in tokens] if hooks.is_title_token else None
        return sequence_features([t.text for t in tokens], self.config, gaz, titles)

    def tag_tokens(self, words: list[str]) -> list[str]:
        """BIO labels (B-PER, I-GPE, O, …) for one pre-tokenised sentence."""
        if not words:
            return []
        tokens = tokens_from_words(words)
        hooks = actor_hooks()
        gaz = hooks.gazetteer_labels(tokens) if hooks.gazetteer_labels else None
        return _open_model(self.model_path).tag(self._features(tokens, gaz))

    def tag_sentences(self, sentences: Sequence[list[str]]) -> list[list[str]]:
        """BIO labels for consecutive pre-tokenised sentences of one text (consistency pass included)."""
        tags = [self.tag_tokens(list(words)) for words in sentences]
        if self.consistency is None:
            return tags
        return propagate(sentences, tags, None, self.consistency)

    # -- documents ------------------------------
    def tag(self, doc: Document) -> list[Entity]:
        """Entities (source "crf") over `doc.tokens`, sentence by sentence, exact into `doc.text`."""
        if not doc.tokens:
            return []
        hooks = actor_hooks()
        gaz_all = hooks.gazetteer_labels(doc) if hooks.gazetteer_labels else None
        crf = _open_model(self.model_path)
        slices = _sentence_slices(doc)
        all_tags: list[list[str]] = []
        all_conf: list[list[float]] = []
        for lo, hi in slices:
            gaz = gaz_all[lo:hi] if gaz_all is not None else None
            tags = crf.tag(self._features(doc.tokens[lo:hi], gaz))
            all_conf.append([crf.marginal(tag, i) if tag != "O" else 1.0 for i, tag in enumerate(tags)])
            all_tags.append(tags)
        if self.consistency is not None:
            words = [[t.text for t in doc.tokens[lo:hi]] for lo, hi in slices]
            new = propagate(words, all_tags, None, self.consistency)
            # a propagated mention has no CRF marginal of its own: it is marked with 0.5
            all_conf = [
                [c if a == b else 0.5 for a, b, c in zip(old, upd, conf)]
                for old, upd, conf in zip(all_tags, new, all_conf)
            ]
            all_tags = new
        entities: list[Entity] = []
        for (lo, hi), tags, conf in zip(slices, all_tags, all_conf):
            entities.extend(ranges_to_entities(doc.text, doc.tokens[lo:hi], tags, conf))
        return entities


def _as_dict(config: FeatureConfig) -> dict:
    return {k: getattr(config, k) for k in FeatureConfig.__dataclass_fields__}


def _sentence_slices(doc: Document) -> list[tuple[int, int]]:
    """Token index ranges of the document's sentences (computed when the layer is empty)."""
    sents = doc.sentences or split_sentences(doc.text)
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc.tokens)
    for s in sents:
        while i < n and doc.tokens[i].end <= s.start:
            i += 1
        j = i
        while j < n and doc.tokens[j].start < s.end:
            j += 1
        if j > i:
            out.append((i, j))
        i = j
    if i < n:  # tokens after the last sentence (should not happen; kept rather than lost)
        out.append((i, n))
    return out
