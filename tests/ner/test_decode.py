"""BIO decoding to token ranges and to exact entity spans."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from marsad.arabic import tokenize
from marsad.model import Document
from marsad.ner.decode import TokenRange, bio_ranges, ranges_to_entities


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["O", "O"], []),
        (["B-PER", "I-PER", "O"], [TokenRange(0, 2, "PER")]),
        (["B-PER", "B-PER"], [TokenRange(0, 1, "PER"), TokenRange(1, 2, "PER")]),
        (["I-ORG", "I-ORG"], [TokenRange(0, 2, "ORG")]),  # stray I- opens an entity
        (["B-GPE", "I-LOC"], [TokenRange(0, 1, "GPE"), TokenRange(1, 2, "LOC")]),
        (["O", "B-FAC"], [TokenRange(1, 2, "FAC")]),
    ],
)
def test_bio_ranges(tags, expected):
    assert bio_ranges(tags) == expected


def _entities(text, tags):
    return ranges_to_entities(text, tokenize(text), tags)


@pytest.mark.parametrize(
    "text, tags, mention",
    [
        # conjunction proclitic is left out of the mention, ال is kept
        ("ورحب والناتو بالقرار", ["O", "B-ORG", "O"], "الناتو"),
        # preposition proclitic on a place name
        ("وصل الوفد إلى بغداد ثم لبيروت", ["O", "O", "O", "B-GPE", "O", "B-GPE"], "بيروت"),
        # fused «لل»: the clitic-free form is not written, the mention keeps the token
        ("رسالة للأمم المتحدة", ["O", "B-ORG", "I-ORG"], "للأمم المتحدة"),
        # punctuation at the edge of a predicted entity is trimmed
        ("التقى سمير خليل ، أمس", ["O", "B-PER", "I-PER", "I-PER", "O"], "سمير خليل"),
    ],
)
def test_mentions_follow_the_guidelines(text, tags, mention):
    ents = _entities(text, tags)
    assert mention in [e.text for e in ents]
    for e in ents:
        assert text[e.start:e.end] == e.text
        assert e.source == "crf"


def test_confidence_is_the_mean_of_token_confidences():
    text = "قال عمر فاروق"
    ents = ranges_to_entities(text, tokenize(text), ["O", "B-PER", "I-PER"], [1.0, 0.5, 0.7])
    assert ents[0].confidence == pytest.approx(0.6)


WORDS = st.sampled_from(
    ["والناتو", "بغداد", "للأمم", "المتحدة", "وبالقاهرة", "ف", "و", "،", ".", "2018", "Reuters",
     "كتب", "الرئيس", "وزير", "لـ", "«", "»", "سَلام", "ﻻ", "\u200f"]
)
SEPS = st.sampled_from([" ", "  ", "\n", "", " - "])
TAGS = st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "B-FAC", "I-LOC"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPS), max_size=15), st.data())
def test_entities_always_index_the_text(parts, data):
    text = "".join(w + s for w, s in parts)
    tokens = tokenize(text)
    tags = data.draw(st.lists(TAGS, min_size=len(tokens), max_size=len(tokens)))
    ents = ranges_to_entities(text, tokens, tags)
    doc = Document(id="h", text=text, tokens=tokens, entities=ents)
    doc.check()
    for e in ents:
        assert e.end > e.start
        assert e.text == e.text.strip()  # tokens never carry whitespace at their edges
