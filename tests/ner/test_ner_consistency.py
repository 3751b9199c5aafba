"""The cross-sentence consistency pass (marsad.ner.consistency), on our own sentences."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from marsad.ner.consistency import ConsistencyConfig, propagate, word_key
from marsad.ner.labels import repair_bio


def _split(rows):
    return [r[0].split() for r in rows], [r[1].split() for r in rows]


@pytest.mark.parametrize(
    "word,key",
    [("والليكود", "ليكود"), ("الليكود", "ليكود"), ("لأرسنال", "ارسنال"), ("حداد", "حداد")],
)
def test_word_key_strips_clitics(word, key):
    assert word_key(word) == key


def test_org_spreads_to_an_untagged_repeat_with_a_proclitic():
    words, tags = _split([
        ("فاز حزب الوفاق في الانتخابات", "O B-ORG I-ORG O O"),
        ("وقال رئيس الوفاق إن", "O O O O"),
        ("وأعلن والوفاق أمس", "O O O"),
    ])
    words[1][2] = "الوفاق"
    out = propagate(words, tags)
    assert out[0] == tags[0]
    assert out[1] == ["O", "O", "O", "O"]  # «الوفاق» alone is not the two-word name
    words[1] = ["وقال", "رئيس", "حزب", "الوفاق"]
    out = propagate(words, tags)
    assert out[1] == ["O", "O", "B-ORG", "I-ORG"]


def test_single_word_org_spreads_within_the_window_only():
    words = [["أعلنت", "الشركة", "نوراتك"], *[["جملة", "أخرى"]] * 6, ["ونوراتك", "تنفي"]]
    tags = [["O", "O", "B-ORG"], *[["O", "O"]] * 6, ["O", "O"]]
    assert propagate(words, tags, config=ConsistencyConfig(window=7))[-1] == ["B-ORG", "O"]
    assert propagate(words, tags, config=ConsistencyConfig(window=3))[-1] == ["O", "O"]


def test_surname_of_a_person_spreads_and_the_type_filter_holds():
    words = [["قال", "سمير", "حداد", "في", "زحلة"], ["وأضاف", "حداد", "أن", "زحلة", "هادئة"]]
    tags = [["O", "B-PER", "I-PER", "O", "B-GPE"], ["O", "O", "O", "O", "O"]]
    assert propagate(words, tags)[1] == ["O", "B-PER", "O", "B-GPE", "O"]
    people = ConsistencyConfig(types=frozenset({"PER"}))
    assert propagate(words, tags, config=people)[1] == ["O", "B-PER", "O", "O", "O"]
    no_surnames = ConsistencyConfig(surnames=False, types=frozenset({"PER"}))
    assert propagate(words, tags, config=no_surnames)[1] == ["O"] * 5


def test_short_words_do_not_spread():
    words = [["زار", "آل", "حداد"], ["وقال", "آل"]]
    tags = [["O", "B-ORG", "O"], ["O", "O"]]
    assert propagate(words, tags)[1] == ["O", "O"]


def test_existing_entities_are_never_changed():
    words = [["زار", "حداد", "بيروت"], ["مؤسسة", "حداد", "للتجارة"]]
    tags = [["O", "B-PER", "O"], ["B-ORG", "I-ORG", "I-ORG"]]
    assert propagate(words, tags) == tags


_TAGS = st.sampled_from(["O", "O", "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE"])
_WORDS = st.sampled_from(["حداد", "والوفاق", "الوفاق", "في", "قال", "نوراتك", "بيروت", "سمير"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(_WORDS, _TAGS), min_size=1, max_size=8), min_size=1, max_size=6))
def test_propagate_only_fills_outside_tokens_with_valid_bio(rows):
    words = [[w for w, _ in r] for r in rows]
    tags = [repair_bio([t for _, t in r]) for r in rows]
    out = propagate(words, tags)
    assert [len(t) for t in out] == [len(t) for t in tags]
    for old, new in zip(tags, out):
        assert repair_bio(new) == new
        for a, b in zip(old, new):
            assert a == "O" or a == b


def test_tagger_tag_sentences_runs_the_pass(monkeypatch):
    import dataclasses

    from marsad.ner.tagger import Tagger

    first = {"سمير": "B-PER", "حداد": "I-PER"}

    def fake_tag_tokens(self, words):  # the CRF tags the full name only where «سمير» precedes
        return [first[w] if "سمير" in words and w in first else "O" for w in words]

    monkeypatch.setattr(Tagger, "tag_tokens", fake_tag_tokens)
    tagger = Tagger("unused.crfsuite")
    sents = [["قال", "سمير", "حداد"], ["وأضاف", "حداد"]]
    assert tagger.tag_sentences(sents)[1] == ["O", "B-PER"]
    assert dataclasses.replace(tagger, consistency=None).tag_sentences(sents)[1] == ["O", "O"]
