"""Feature extraction: per-word features, neighbours, optional gazetteer/title inputs."""
from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings, strategies as st

from marsad.ner.clusters import ClusterFileError, load_clusters, parse_clusters
from marsad.ner.features import FeatureConfig, sequence_features, shape_of, word_info

NO_CLUSTERS = FeatureConfig(clusters=False)


@pytest.mark.parametrize(
    "word, present",
    [
        ("والناتو", {"w=والناتو", "pro=و", "base=الناتو", "stem=ناتو", "al", "shape=ar"}),
        ("بغداد", {"w=بغداد", "shape=ar"}),  # protected-looking short word keeps its ب
        ("أحمد", {"w=احمد", "p1=ا", "s2=مد"}),  # hamza folded before affixes
        ("المطار", {"stem=مطار", "trig=FAC"}),
        ("2018", {"shape=num"}),
        ("Reuters", {"shape=latin"}),
        ("،", {"shape=punct"}),
    ],
)
def test_word_features(word, present):
    feats = set(word_info(word, NO_CLUSTERS).own)
    assert present <= feats


@pytest.mark.parametrize(
    "word, shape",
    [("123", "num"), ("abc", "latin"), ("؟", "punct"), ("ب2", "mixed"), ("قطر", "ar")],
)
def test_shape(word, shape):
    assert shape_of(word) == shape


def test_neighbour_and_boundary_features():
    feats = sequence_features(["قال", "الرئيس", "سمير"], NO_CLUSTERS)
    assert len(feats) == 3
    last = set(feats[2])
    assert {"-1w=الرييس", "-2w=قال", "+1=BOUND", "+2=BOUND", "-1trig=PER"} <= last
    assert "-1=BOUND" in feats[0] and "-2=BOUND" in feats[0]
    assert "bi=رييس|سمير" in last


def test_gazetteer_and_title_inputs_become_features():
    feats = sequence_features(["زار", "قطر"], NO_CLUSTERS, gazetteer=[None, "B-GPE"], titles=[True, False])
    assert "0gz=B-GPE" in feats[1] and "1gz=B-GPE" in feats[0]
    assert "title" in feats[0] and "-1title" in feats[1]
    off = FeatureConfig(clusters=False, gazetteer=False)
    assert not any("gz=" in f for f in sequence_features(["قطر"], off, gazetteer=["B-GPE"])[0])


def test_cluster_features_from_a_file(tmp_path):
    path = tmp_path / "clusters.tsv.gz"
    path.write_bytes(gzip.compress("# test\nقطر\t3\t17\t9\nناتو\t4\t20\t5\n".encode()))
    config = FeatureConfig(clusters_path=str(path))
    assert {"c=3", "cf=17", "fq=9"} <= set(word_info("قطر", config).own)
    # the clitic-free stem is looked up when the whole token is unknown
    assert "cs=20" in word_info("والناتو", config).own
    assert "c=?" in word_info("كلمةمجهولة", config).own
    assert load_clusters(str(tmp_path / "absent.gz")) == {}


@pytest.mark.parametrize("line", ["قطر\t3\n", "قطر\tx\t1\t1\n", "قطر\t1\t2\t3\t4\n"])
def test_bad_cluster_file(line):
    with pytest.raises(ClusterFileError, match="bad.gz:1"):
        parse_clusters(gzip.compress(line.encode()), "bad.gz")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), max_size=12))
def test_features_never_fail_and_align(words):
    feats = sequence_features(words, NO_CLUSTERS)
    assert len(feats) == len(words)
    assert all(isinstance(f, str) for row in feats for f in row)
