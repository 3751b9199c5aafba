"""Refining tagger mentions (marsad.actors.refine), on sentences written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from marsad.actors.refine import band, best_start, is_name, refine, TokenView
from marsad.model import Document, Entity
from marsad.pipeline import TextLayer

needs_bands = pytest.mark.skipif(band("روسيا") < 0, reason="no word-frequency bands shipped")


def doc_of(text: str) -> Document:
    return TextLayer()(Document("t", text))


def crf(doc: Document, surface: str, etype: str = "PER", skip: int = 0) -> Entity:
    """A tagger-like mention of `surface` (its clitic-free base when the decoder strips)."""
    start = doc.text.index(surface)
    return Entity(start, start + len(surface), surface, type=etype, source="crf", confidence=0.9)


@needs_bands
@pytest.mark.parametrize("text,word,expected", [
    ("وصل الوفد إلى بنسلفانيا صباحا", "بنسلفانيا", "بنسلفانيا"),  # ب is part of the name
    ("قال كاتس للصحفيين", "كاتس", "كاتس"),
    ("زار الوزير بغداد وبكين", "وبكين", "بكين"),  # و is a conjunction, ب part of the name
    ("سافر بعدها إلى لندن وبغداد", "وبغداد", "بغداد"),
    ("قضى أسبوعا بلندن", "بلندن", "لندن"),
])
def test_reanchoring(text, word, expected):
    doc = doc_of(text)
    tok = next(t for t in doc.tokens if t.text == word)
    assert doc.text[best_start(doc, tok):tok.end] == expected


@needs_bands
def test_tagger_mention_gets_its_first_letter_back():
    doc = doc_of("وقال فيليب كونسيت إن القرار مخيب")
    tok = next(t for t in doc.tokens if t.text == "فيليب")
    stripped = Entity(tok.base_start, doc.text.index("كونسيت") + 6, doc.text[tok.base_start:doc.text.index("كونسيت") + 6],
                      type="PER", source="crf")
    assert [e.text for e in refine(doc, [stripped])] == ["فيليب كونسيت"]


@needs_bands
def test_coordinated_places_are_split():
    doc = doc_of("خرجت احتجاجات في أصفهان وشيراز أمس")
    ent = crf(doc, "أصفهان وشيراز", "GPE")
    assert [e.text for e in refine(doc, [ent])] == ["أصفهان", "شيراز"]


@pytest.mark.parametrize("text,surface,etype", [
    ("وصلوا إلى المدينة مساء", "المدينة", "GPE"),  # a head noun with the article
    ("قالت الحكومة إن الوضع هادئ", "هادئ", "PER"),  # an adjective in ئ
    ("ذكر ديبلوماسيون أن الاجتماع تأجل", "ديبلوماسيون", "PER"),  # a plural noun
    ("وتتنازع السلطة حكومتان", "حكومتان", "PER"),  # a dual
    ("وتقول واسمها الحقيقي غير معروف", "واسمها الحقيقي", "PER"),  # a pronoun suffix
    ("دعا إلى منطقة منزوعة السلاح", "منزوعة السلاح", "GPE"),  # a participle in construct
    ("قال إن", "إن", "PER"),  # two letters
])
def test_common_words_are_not_names(text, surface, etype):
    doc = doc_of(text)
    assert not is_name(TokenView(doc), crf(doc, surface, etype))


@pytest.mark.parametrize("text,surface,etype", [
    ("وقال كريم كينيك إن", "كريم كينيك", "PER"),
    ("هبطت الطائرة في سياتل", "سياتل", "GPE"),
    ("فاز فريق يوفنتوس", "يوفنتوس", "ORG"),
])
def test_names_are_kept(text, surface, etype):
    doc = doc_of(text)
    assert is_name(TokenView(doc), crf(doc, surface, etype))


_AR = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآ وفبل،.", min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(_AR, st.integers(0, 59), st.integers(1, 20))
def test_refined_spans_index_the_text(text, a, n):
    doc = doc_of(text)
    if not doc.tokens:
        return
    a = a % len(text)
    b = min(len(text), a + n)
    ent = Entity(a, b, text[a:b], type="GPE", source="crf")
    for e in refine(doc, [ent]):
        assert text[e.start:e.end] == e.text and e.start < e.end
