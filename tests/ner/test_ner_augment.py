"""Mention-replacement augmentation (marsad.ner.augment), on our own sentences."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from marsad.ner.augment import augment, entity_pool
from marsad.ner.corpora import TaggedSentence
from marsad.ner.decode import bio_ranges
from marsad.ner.labels import repair_bio

SENTS = [
    TaggedSentence("التقى سمير حداد وزير خارجية لبنان".split(), "O B-PER I-PER O O B-GPE".split()),
    TaggedSentence("وصل نادر إلى القاهرة".split(), "O B-PER O B-GPE".split()),
    TaggedSentence("ارتفعت الأسعار أمس".split(), "O O O".split()),
]


def _outside(sent):
    return [w for w, t in zip(sent.words, sent.tags) if t == "O"]


def test_entities_are_swapped_within_their_type_and_the_context_kept():
    out = augment(SENTS, copies=3, seed=1)
    assert len(out) == 6  # the sentence without entities is not copied
    pool = entity_pool(SENTS)
    for new, src in zip(out, [SENTS[0], SENTS[1]] * 3):
        assert _outside(new) == _outside(src)
        assert [r.type for r in bio_ranges(new.tags)] == [r.type for r in bio_ranges(src.tags)]
        for r in bio_ranges(new.tags):
            assert new.words[r.start:r.end] in pool[r.type]


def test_augment_is_deterministic():
    assert augment(SENTS, seed=3) == augment(SENTS, seed=3)


_ROWS = st.lists(
    st.tuples(st.sampled_from(["سمير", "حداد", "في", "بيروت", "قال"]), st.sampled_from(["O", "B-PER", "I-PER", "B-GPE", "B-ORG", "I-ORG"])),
    min_size=1,
    max_size=10,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_ROWS, min_size=1, max_size=5), st.integers(0, 3))
def test_copies_are_valid_bio_of_equal_length(rows, copies):
    sents = [TaggedSentence([w for w, _ in r], repair_bio([t for _, t in r])) for r in rows]
    out = augment(sents, copies=copies)
    assert len(out) == copies * sum(any(t != "O" for t in s.tags) for s in sents)
    for s in out:
        assert len(s.words) == len(s.tags)
        assert repair_bio(s.tags) == s.tags
