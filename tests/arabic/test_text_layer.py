import pytest
from hypothesis import given, settings, strategies as st

from marsad.arabic import normalize, normalize_text, sentences, tokenize
from marsad.arabic.tokenize import clitic_data
from marsad.model import Document
from marsad.pipeline import TextLayer

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(
    ARABIC,
    st.sampled_from(list(" \n.،؟!0123456789٠١٢٣٤٥٦٧٨٩۰۱۲\u200e\u200f\u202b\u2067\u0640ﻻﷲﺍ")),
    st.characters(),
)
TEXT = st.text(MIXED, max_size=200)


@given(TEXT)
@settings(max_examples=300)
def test_norm_view_maps_back_into_original(text):
    v = normalize(text)
    assert len(v.starts) == len(v.text) == len(v.ends)
    for i in range(len(v.text)):
        s, e = v.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
    assert normalize_text(text) == v.text


@given(TEXT)
@settings(max_examples=300)
def test_tokens_and_sentences_index_the_text(text):
    doc = TextLayer()(Document(id="h", text=text))
    doc.check()
    for tok in doc.tokens:
        assert tok.start <= tok.base_start <= tok.stem_start <= tok.end


def test_normalised_forms():
    assert normalize_text("أإآٱ") == "اااا"
    assert normalize_text("مستشفى") == "مستشفي"
    assert normalize_text("قطرية") == "قطريه"
    assert normalize_text("١٢٣۴") == "1234"
    assert normalize_text("مُحَمَّـــد") == "محمد"
    assert normalize_text("\u200fقطر\u202b") == "قطر"
    assert normalize_text("ﻻ") == "لا"


def test_view_maps_ligature_and_dropped_marks():
    text = "ﻻ مُحَمَّد"
    v = normalize(text)
    i = v.text.index("محمد")
    assert v.original_text(i, i + 4) == "مُحَمَّد"
    assert v.original_text(0, 2) == "ﻻ"


CASES = [
    ("والناتو", "الناتو", "ناتو"),
    ("لقطر", "قطر", "قطر"),
    ("بالحلف", "الحلف", "حلف"),
    ("للدوحة", "للدوحة", "دوحة"),
    ("وزير", "وزير", "وزير"),
    ("ووزير", "وزير", "وزير"),
    ("واشنطن", "واشنطن", "واشنطن"),
    ("فرنسا", "فرنسا", "فرنسا"),
    ("لبنان", "لبنان", "لبنان"),
    ("وبريطانيا", "بريطانيا", "بريطانيا"),
    ("كما", "كما", "كما"),
    ("لمصر", "مصر", "مصر"),
    ("قطر", "قطر", "قطر"),
    ("وكالة", "وكالة", "وكالة"),
    ("والاتفاقية", "الاتفاقية", "اتفاقية"),
    ("باتفاقية", "اتفاقية", "اتفاقية"),
    ("وألقى", "ألقى", "ألقى"),
    ("بإلغاء", "إلغاء", "إلغاء"),
    ("والأمم", "الأمم", "أمم"),
]


@pytest.mark.parametrize("word,base,stem", CASES)
def test_clitic_segmentation(word, base, stem):
    (tok,) = tokenize(word)
    assert word[tok.base_start:] == base
    assert word[tok.stem_start:] == stem


def test_sentences_split_on_arabic_question_and_newline():
    text = "قال الوزير. هل وقعت؟\nنعم 3.5 مليون"
    assert [s.text for s in sentences(text)] == ["قال الوزير.", "هل وقعت؟", "نعم 3.5 مليون"]


def test_clitic_data_validates():
    data = clitic_data()
    assert "و" in data.conjunctions and data.article == "ال"
