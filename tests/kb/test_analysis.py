from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from marsad.kb.analysis import analyse, analyse_word, content_stems, iter_terms, stems


@pytest.mark.parametrize(
    "a, b",
    [
        ("اتفاقية", "والاتفاقية"),
        ("اتفاقية", "باتفاقية"),
        ("اتفاقية", "الاتفاقيات"),
        ("اتفاقية", "للاتفاقية"),
        ("اتفاقية", "فالاتفاقية"),
        ("اتفاقية", "اتفاقيه"),  # ta marbuta spelt as ha
        ("مراقب", "المراقبون"),
        ("مراقب", "والمراقبين"),
        ("دولة", "الدول"),
        ("أمن", "الامن"),  # hamza folding
        ("الحكومة", "بالحكومة"),
        ("NATO", "nato"),
        ("٢٠١٨", "2018"),
    ],
)
def test_forms_share_a_stem(a, b):
    assert analyse_word(a) == analyse_word(b) != ""


@pytest.mark.parametrize(
    "a, b",
    [
        ("تعاون", "تعا"),  # ون is part of the word: min_stem keeps it
        ("وزير", "زير"),  # protected root letter, not a conjunction
        ("قطر", "مطر"),
    ],
)
def test_distinct_words_stay_distinct(a, b):
    assert analyse_word(a) != analyse_word(b)


@pytest.mark.parametrize("tok", ["،", ".", "(", "«", "-", ""])
def test_punctuation_has_no_stem(tok):
    assert analyse_word(tok) == ""


def test_content_stems_drop_function_words():
    words = stems("قال الوزير في بيان إن الاتفاقية مع قطر 2018")
    assert content_stems(words) == {analyse_word(w) for w in ("الوزير", "بيان", "الاتفاقية", "قطر")}


ARABIC = st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىؤئ ًٌٍَُِّْـ،.؟ \n0123456789abc", max_size=200)


@given(ARABIC)
@settings(max_examples=200, deadline=None)
def test_terms_index_the_original_text(text):
    for t in iter_terms(text):
        assert 0 <= t.start < t.end <= len(text)
        assert analyse_word(text[t.start:t.end]) == t.stem
    assert [t.stem for t in analyse(text)] == stems(text)
