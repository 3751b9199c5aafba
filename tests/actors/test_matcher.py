"""Gazetteer matching on clitic-segmented tokens, and the tagger features."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from marsad.actors import Kind, gazetteer_labels, is_title_token, match_at
from marsad.actors.recognise import recognise
from marsad.arabic import tokenize
from marsad.model import Document
from marsad.pipeline import TextLayer


@pytest.mark.parametrize("text,mention,kind", [
    ("والناتو", "الناتو", Kind.ORG),
    ("وبالناتو", "الناتو", Kind.ORG),
    ("للدوحة", "للدوحة", Kind.CITY),  # fused لل: written as it appears
    ("لقطر", "قطر", Kind.STATE),
    ("وحلف شمال الأطلسي", "حلف شمال الأطلسي", Kind.ORG),
    ("الولايات المتحدة الأمريكية", "الولايات المتحدة الأمريكية", Kind.STATE),
])
def test_match_spans_exclude_proclitics(text, mention, kind):
    toks = tokenize(text)
    m = match_at(toks, 0)
    assert m is not None and text[m.start:m.end] == mention
    assert m.first_of(kind) is not None


def test_longest_match_wins():
    toks = tokenize("الولايات المتحدة الأمريكية")
    assert match_at(toks, 0).last == 3


def test_demonym_is_not_a_state():
    m = match_at(tokenize("المالي"), 0)
    assert m is None or m.first_of(Kind.STATE) is None


def test_gazetteer_labels_bio():
    toks = tokenize("زار الرئيس حلف شمال الأطلسي في بروكسل")
    assert gazetteer_labels(toks) == [None, None, "B-ORG", "I-ORG", "I-ORG", None, "B-GPE"]
    doc = TextLayer()(Document("d", "قطر والناتو"))
    assert gazetteer_labels(doc) == ["B-GPE", "B-ORG"]


@pytest.mark.parametrize("word,flag", [("الرئيس", True), ("والرئيس", True), ("وزير", True), ("قطر", False), ("وقال", False)])
def test_is_title_token(word, flag):
    assert is_title_token(word) is flag
    assert is_title_token(tokenize(word)[0]) is flag


PIECES = list("قطرالناتودحةلفبكوسي ءأإآىئؤ،.\n«»“”0123456789ًّ") + [
    "قطر", " والناتو ", " الرئيس ", " وزارة الخارجية القطرية ", " عبد ", " بن ", " قاعدة ", " رقم ", " على "]
ARABIC = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(ARABIC)
def test_recognised_spans_index_the_text(text):
    doc = TextLayer()(Document("h", text))
    doc.entities = recognise(doc)
    doc.check()
