"""Corpus readers, overlap control and the LOC refinement (own examples; real data only via shared_path)."""
from __future__ import annotations

import gzip

import pytest

from marsad.ner.corpora import (
    TaggedSentence,
    drop_overlapping,
    geo_type_votes,
    read_anercorp,
    read_columns,
    read_newsfane,
    read_wojood,
    refine_loc,
)
from marsad.ner.labels import newsfane_map
from tests.conftest import shared_path


def test_read_anercorp_maps_types(tmp_path):
    p = tmp_path / "a.bio"
    p.write_text("زار B-PERS\nسمير I-PERS\nبيروت B-LOC\nمونديال B-MISC\n\nشركة B-ORG\n", "utf-8")
    sents = read_anercorp(p)
    assert [s.tags for s in sents] == [["B-PER", "I-PER", "B-GPE", "O"], ["B-ORG"]]


def test_read_wojood_keeps_outermost_known_type_and_drops_markers(tmp_path):
    p = tmp_path / "w.txt"
    p.write_text("مجلس B-ORG\nالأمن I-ORG\nاللجنة I-OCC B-ORG\n$#$ O\nنابلس B-GPE\n", "utf-8")
    (sent,) = read_wojood(p)
    assert sent.words == ["مجلس", "الأمن", "اللجنة", "نابلس"]
    assert sent.tags == ["B-ORG", "I-ORG", "B-ORG", "B-GPE"]


def test_read_newsfane_uses_the_map(tmp_path):
    p = tmp_path / "n.conll.gz"
    p.write_bytes(gzip.compress("زار\tO\nنهر\tB-Water-Body\nالنيل\tI-Water-Body\nكتاب\tB-Book\n".encode()))
    (sent,) = read_newsfane(p)
    assert sent.tags == ["O", "B-LOC", "I-LOC", "O"]


def test_drop_overlapping_ignores_clitic_segmentation():
    excluded = [TaggedSentence("وقال المتحدث باسم الوزارة إن الاجتماع انتهى بلا نتيجة".split(), ["O"] * 9)]
    split_copy = TaggedSentence("و قال المتحدث ب اسم الوزارة ان الاجتماع انتهى بلا نتيجة".split(), ["O"] * 11)
    other = TaggedSentence("وصلت الأمطار الغزيرة إلى المدينة الساحلية صباح اليوم".split(), ["O"] * 8)
    kept, dropped = drop_overlapping([split_copy, other], excluded)
    assert dropped == 1 and kept == [other]


def test_refine_loc_by_votes():
    fine = [TaggedSentence(["عبر", "البحر", "الأحمر"], ["O", "B-LOC", "I-LOC"])]
    coarse = [TaggedSentence(["في", "والبحر", "الأحمر", "وبغداد"], ["O", "B-GPE", "I-GPE", "B-GPE"])]
    assert refine_loc(coarse, geo_type_votes(fine)) == 1
    assert coarse[0].tags == ["O", "B-LOC", "I-LOC", "B-GPE"]


@pytest.mark.data
def test_every_newsfane_type_in_the_data_is_mapped():
    path = shared_path("data", "ner", "newsfane_gold.conll.gz")
    seen = {rows[-1][2:] for sent in read_columns(path, "\t") for rows in sent if rows[-1] != "O"}
    assert seen <= set(newsfane_map())
