"""Rule-generated word forms and clitic readings."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from marsad.events.forms import Clitic, FormKind, allowed, imperfect_forms, noun_forms, perfect_forms, readings
from marsad.events.factuality import is_future_verb


@pytest.mark.parametrize("stem,form", [("وقع", "وقعت"), ("وقع", "وقعوا"), ("وقع", "وقعوه"), ("اتهم", "اتهمتها"),
                                       ("زار", "زاروا"), ("التق", "التقت")])
def test_perfect(stem, form):
    assert form in perfect_forms(stem)


@pytest.mark.parametrize("stem,form", [("يوقع", "يوقعون"), ("يوقع", "توقعان"), ("يطالب", "نطالب"), ("يدين", "تدينه")])
def test_imperfect(stem, form):
    assert form in imperfect_forms(stem)


@pytest.mark.parametrize("noun,form", [("زياره", "زيارته"), ("زياره", "زيارات"), ("اتفاق", "اتفاقا"),
                                       ("اتهام", "اتهامات"), ("هجوم", "هجومين")])
def test_nouns(noun, form):
    assert form in noun_forms(noun)


@pytest.mark.parametrize("word,form,flags", [
    ("والتوقيع", "توقيع", Clitic.CONJ | Clitic.DEF),
    ("بالانسحاب", "انسحاب", Clitic.PREP_B | Clitic.DEF),
    ("سيوقع", "يوقع", Clitic.FUTURE),
    ("للانسحاب", "انسحاب", Clitic.PREP_L | Clitic.DEF),
])
def test_readings(word, form, flags):
    assert any(r.form == form and r.clitics == flags for r in readings(word))


def test_protected_words_keep_their_first_letter():
    assert [r.form for r in readings("وزاره")] == ["وزاره"]


def test_allowed_clitics():
    assert not allowed(FormKind.PERFECT, Clitic.DEF)
    assert allowed(FormKind.IMPERFECT, Clitic.FUTURE)
    assert not allowed(FormKind.NOUN, Clitic.FUTURE)


@pytest.mark.parametrize("word,future", [("سيستانفون", True), ("ستتخذ", True), ("سياسه", False), ("ستة", False)])
def test_future_verb_shape(word, future):
    assert is_future_verb(word) is future


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةءىوال ", max_size=20))
def test_readings_never_raise_and_first_is_the_word(word):
    rs = readings(word)
    assert rs[0].form == word
    assert all(r.form for r in rs[1:])
