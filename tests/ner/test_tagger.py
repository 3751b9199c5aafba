"""The tagger API: a tiny smoke-trained model, and the shipped model."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from marsad.model import Document
from marsad.ner import load_tagger, model_dir
from marsad.ner.corpora import TaggedSentence
from marsad.ner.features import FeatureConfig
from marsad.ner.labels import TYPES
from marsad.ner.tagger import Tagger, tokens_from_words
from marsad.ner.train import CrfParams, fit
from marsad.pipeline import TextLayer

# Our own sentences (not from any corpus), enough for a smoke train.
SMOKE = [
    ("التقى سمير حداد وزير خارجية لبنان في بيروت", "O B-PER I-PER O O B-GPE O B-GPE"),
    ("وصل كريم نصار إلى القاهرة أمس", "O B-PER I-PER O B-GPE O"),
    ("أعلنت شركة النور للطيران عن رحلات إلى دبي", "O B-ORG I-ORG I-ORG O O O B-GPE"),
    ("قال سمير حداد إن لبنان يرحب بالاتفاق", "O B-PER I-PER O B-GPE O O"),
    ("زار كريم نصار مطار بيروت الدولي", "O B-PER I-PER B-FAC I-FAC I-FAC"),
    ("عبرت السفينة البحر الأحمر نحو جدة", "O O B-LOC I-LOC O B-GPE"),
    ("وانتقدت شركة النور للطيران قرار القاهرة", "O B-ORG I-ORG I-ORG O B-GPE"),
]


@pytest.fixture(scope="module")
def smoke_tagger(tmp_path_factory) -> Tagger:
    directory = tmp_path_factory.mktemp("ner")
    sents = [TaggedSentence(s.split(), t.split()) for s, t in SMOKE]
    config = FeatureConfig(clusters=False, gazetteer=False)
    fit(sents, config, CrfParams(c1=0.0, c2=0.01, max_iterations=60), directory / "ner.crfsuite")
    return Tagger(str(directory / "ner.crfsuite"), config)


def test_smoke_model_learns_its_sentences(smoke_tagger):
    words, tags = SMOKE[0][0].split(), SMOKE[0][1].split()
    assert smoke_tagger.tag_tokens(words) == tags
    assert smoke_tagger.tag_tokens([]) == []


def test_tag_document_spans_are_exact_and_clitic_free(smoke_tagger):
    doc = Document(id="t", text="قال سمير حداد إن لبنان يرحب.\nوزار كريم نصار مطار بيروت الدولي")
    TextLayer()(doc)
    ents = smoke_tagger.tag(doc)
    doc.entities = ents
    doc.check()
    assert all(e.source == "crf" and e.type in TYPES and 0 <= e.confidence <= 1 for e in ents)
    texts = {e.text for e in ents}
    assert "سمير حداد" in texts
    assert not any(t.startswith("وزار") for t in texts)


def test_tagger_pickles_cheaply(smoke_tagger):
    smoke_tagger.tag_tokens(["سمير"])  # the opened model must not travel with the object
    blob = pickle.dumps(smoke_tagger)
    assert len(blob) < 2000
    assert pickle.loads(blob).tag_tokens(SMOKE[1][0].split()) == SMOKE[1][1].split()


def test_empty_document(smoke_tagger):
    assert smoke_tagger.tag(Document(id="e", text="")) == []


@pytest.mark.parametrize("words", [["والناتو", "في", "بغداد"], ["،", "2018", "Reuters"]])
def test_tokens_from_words_layout(words):
    toks = tokens_from_words(words)
    text = " ".join(words)
    for tok, w in zip(toks, words):
        assert text[tok.start:tok.end] == tok.text == w
        assert tok.start <= tok.base_start <= tok.stem_start <= tok.end


# -- the shipped model ------------------------------

SHIPPED = model_dir() / "ner.crfsuite"
needs_model = pytest.mark.skipif(not SHIPPED.is_file(), reason="no shipped NER model")


def test_shipped_model_files_exist_and_fit_the_budget():
    assert SHIPPED.is_file(), "src/marsad/models/ner.crfsuite is missing; run python -m marsad.ner.train"
    total = sum(p.stat().st_size for p in Path(model_dir()).glob("ner*") if p.is_file())
    assert total <= 30 * 1024 * 1024


@needs_model
def test_shipped_model_tags_a_sentence():
    tagger = load_tagger()
    assert tagger is not None
    text = "واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من الاتحاد الأوروبي"
    doc = Document(id="s", text=text)
    TextLayer()(doc)
    ents = tagger.tag(doc)
    doc.entities = ents
    doc.check()
    by_text = {e.text: e.type for e in ents}
    assert by_text.get("القاهرة") == "GPE"
    assert any(t == "PER" and "السيسي" in s for s, t in by_text.items())
    labels = tagger.tag_tokens(text.split())
    assert len(labels) == len(text.split())
