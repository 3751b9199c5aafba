"""The learned parts of the events stage: model files, the pre-filter scan, evidence location."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from marsad.events.dataset import locate
from marsad.events.extract import ARGUMENT_MODEL, NONE, SOURCE, TARGET, TRIGGER_MODEL
from marsad.events.lexicon import lexicon
from marsad.events.linear import LinearModel, ModelFileError, load_model, parse_model
from marsad.events.matching import candidate_tokens, find_matches
from marsad.events.ontology import EventType
from marsad.pipeline import TextLayer
from marsad.model import Document

GOOD = {"classes": ["NONE", "AGREE"], "bias": [0.0, 0.0], "weights": {"f": [0.0, 1.0]}, "threshold": 0.4}


@pytest.mark.parametrize(
    "mutation,message",
    [
        (lambda d: d.pop("classes"), "classes"),
        (lambda d: d.update(bias=[0.0]), "bias"),
        (lambda d: d.update(weights={"f": [1.0]}), "feature 'f'"),
        (lambda d: d.update(threshold=2), "threshold"),
        (lambda d: d.update(weights=[]), "weights"),
    ],
    ids=["no-classes", "short-bias", "short-row", "bad-threshold", "weights-not-object"],
)
def test_malformed_model_file_names_the_file(mutation, message):
    d = json.loads(json.dumps(GOOD))
    mutation(d)
    with pytest.raises(ModelFileError, match=message) as err:
        parse_model("x.json", json.dumps(d))
    assert "events/x.json" in str(err.value)


def test_invalid_json_is_reported():
    with pytest.raises(ModelFileError, match="invalid JSON"):
        parse_model("x.json", "{")


def test_probabilities_sum_to_one_and_follow_weights():
    m = parse_model("x.json", json.dumps(GOOD))
    p = m.probabilities(["f", "unknown"])
    assert abs(sum(p) - 1) < 1e-9 and p[1] > p[0]
    assert m.probabilities([]) == [0.5, 0.5]


def test_round_trip():
    m = parse_model("x.json", json.dumps(GOOD))
    again = parse_model("x.json", m.to_json())
    assert again.classes == m.classes and again.weights == m.weights and again.threshold == m.threshold


@pytest.mark.parametrize("name,classes", [(TRIGGER_MODEL, {NONE} | {t.value for t in EventType}),
                                          (ARGUMENT_MODEL, {NONE, SOURCE, TARGET})])
def test_shipped_models_are_valid(name, classes):
    model = load_model(name)
    if model is None:
        pytest.skip(f"{name} not shipped")
    assert isinstance(model, LinearModel)
    assert set(model.classes) <= classes and NONE in model.classes
    assert 0.0 < model.threshold < 1.0


WORDS = ["وقعت", "مصر", "اتفاقية", "مع", "الأردن", "لم", "سيتم", "قصفت", "الطائرات", "والتقى", "بالاتفاق",
         "وزير", "قال", "إن", "،", ".", "للاجتماع", "فرضت", "عقوبات", "على", "x", "12", "واشنطن", "ستزور"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_prefilter_scan_loses_no_match(text):
    doc = TextLayer()(Document(id="p", text=text))
    lex = lexicon()
    n = len(doc.tokens)
    full = find_matches(lex, doc.tokens, 0, n)
    fast = find_matches(lex, doc.tokens, 0, n, candidate_tokens(lex, doc.tokens))
    assert [(m.first, m.last, m.payload) for m in full] == [(m.first, m.last, m.payload) for m in fast]


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=80), st.integers(0, 79), st.integers(1, 40))
def test_located_evidence_indexes_the_text(text, i, n):
    evidence = text[i:i + n]
    span = locate(text, evidence)
    if evidence:
        assert span is not None and text[span[0]:span[1]] == evidence


def test_locate_tolerates_normalisation():
    text = "قال الوزير: «وقعنا الاتفاق» أمس."
    span = locate(text, "وقعنا الاتفاق")
    assert span is not None and text[span[0]:span[1]] == "وقعنا الاتفاق"
    assert locate(text, "") is None
