"""Statistical NER: a CRF tagger (python-crfsuite) trained by the project.

Public API:
  load_tagger() -> Tagger | None       the shipped model, None when no model file is shipped
  Tagger.tag(doc) -> list[Entity]      PER/ORG/GPE/LOC/FAC spans exact into doc.text, source "crf"
                                       (CRF per sentence, then the cross-sentence consistency pass)
  Tagger.tag_sentences(sents) -> list[list[str]]  BIO labels for consecutive pre-tokenised sentences
                                       of one text, consistency pass included
  Tagger.tag_tokens(words) -> list[str] BIO labels for one pre-tokenised sentence (CRF only)
  marsad.ner.train.train_ner(...)      reproduce the shipped model from ../shared/data
See README.md in this directory for data and licences.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.ner.tagger import MODEL_FILE, Tagger

__all__ = ["Tagger", "load_tagger", "model_dir"]


def model_dir() -> Path:
    """The directory of the shipped model files (marsad/models)."""
    return Path(str(resources.files("marsad.models")))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The shipped tagger, or None when marsad/models holds no model file."""
    directory = model_dir()
    if not (directory / MODEL_FILE).is_file():
        return None
    return Tagger.from_dir(directory)
