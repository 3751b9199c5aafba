"""The self-trained lexicon file format and features (marsad.ner.lexicon), on made-up counts."""
from __future__ import annotations

import gzip
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from marsad.ner.lexicon import (
    ALL_FOLDS,
    LexEntry,
    LexiconFileError,
    count_tags,
    lexicon_features,
    parse_lexicon,
    top_type,
    write_lexicon,
)
from marsad.ner.selftrain import fold_blocks


def test_count_tags_counts_words_and_stems():
    counts = count_tags([
        (["قال", "سمير", "حداد", "في", "بيروت"], ["O", "B-PER", "I-PER", "O", "B-GPE"]),
        (["وبيروت", "شركة"], ["B-ORG", "O"]),
    ])
    assert counts["حداد"] == Counter(total=1, PER=1)
    assert counts["بيروت"]["GEO"] == 1
    assert counts["~بيروت"] == Counter(total=1, ORG=1)  # the stem of «وبيروت»
    assert counts["شركة"] == Counter(total=1)


def test_write_then_parse_sums_the_folds(tmp_path):
    path = tmp_path / "lex.tsv.gz"
    a = {"حداد": Counter(total=4, PER=3), "نادر": Counter(total=1, PER=1)}
    b = {"حداد": Counter(total=2, PER=1, ORG=1)}
    assert write_lexicon([a, b], path, min_count=3) == 1
    lex = parse_lexicon(path.read_bytes(), str(path))
    assert lex[0]["حداد"] == LexEntry(4, 3, 0, 0)
    assert lex[1]["حداد"] == LexEntry(2, 1, 1, 0)
    assert lex[ALL_FOLDS]["حداد"] == LexEntry(6, 4, 1, 0)
    assert "نادر" not in lex[ALL_FOLDS]


@pytest.mark.parametrize(
    "line",
    ["حداد\t0\t3\t1\t1", "حداد\tx\t3\t1\t1\t0", "حداد\t0\t3\t2\t2\t0"],
)
def test_malformed_lines_name_file_and_line(line):
    data = gzip.compress(f"# header\n{line}\n".encode("utf-8"))
    with pytest.raises(LexiconFileError, match=r"lex\.tsv\.gz:2"):
        parse_lexicon(data, "lex.tsv.gz")


@pytest.mark.parametrize(
    "entry,feats,top",
    [
        (None, ["lx=?"], ""),
        (LexEntry(10, 9, 0, 0), ["lxPER=4"], "PER"),
        (LexEntry(10, 0, 3, 6), ["lxORG=2", "lxGEO=3"], "GEO"),
        (LexEntry(100, 1, 0, 0), ["lx=O"], ""),
    ],
)
def test_features_and_top_type(entry, feats, top):
    assert lexicon_features(entry) == feats
    assert top_type(entry) == top


_COUNTS = st.dictionaries(
    st.text(alphabet="ابتثجحخد~", min_size=1, max_size=5),
    st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5), st.integers(0, 5)),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_COUNTS, min_size=1, max_size=3))
def test_roundtrip_property(tmp_path_factory, folds):
    path = tmp_path_factory.mktemp("lex") / "lex.tsv.gz"
    counters = [
        {w: Counter(total=sum(v), PER=v[0], ORG=v[1], GEO=v[2]) for w, v in fold.items() if sum(v)}
        for fold in folds
    ]
    write_lexicon(counters, path, min_count=1)
    lex = parse_lexicon(path.read_bytes(), str(path))
    for k, fold in enumerate(counters):
        for w, c in fold.items():
            assert lex[k][w] == LexEntry(c["total"], c["PER"], c["ORG"], c["GEO"])
    for w in {w for fold in counters for w in fold}:
        assert lex[ALL_FOLDS][w].total == sum(fold[w]["total"] for fold in counters if w in fold)


@given(st.integers(0, 500), st.integers(1, 5))
def test_fold_blocks_are_contiguous_and_in_range(n, folds):
    ids = fold_blocks(n, folds)
    assert len(ids) == n
    assert ids == sorted(ids)
    assert all(0 <= i < folds for i in ids)


def test_featurise_folds_reads_each_sentences_own_fold(tmp_path):
    from marsad.ner.corpora import TaggedSentence
    from marsad.ner.features import FeatureConfig
    from marsad.ner.train import featurise_folds

    path = tmp_path / "lex.tsv.gz"
    write_lexicon([{"نوراتك": Counter(total=5, ORG=5)}, {"نوراتك": Counter(total=5)}], path, min_count=1)
    config = FeatureConfig(clusters=False, gazetteer=False, lexicon=True, lexicon_path=str(path))
    sents = [TaggedSentence(["أعلنت", "نوراتك"], ["O", "B-ORG"])] * 2
    x0, x1 = featurise_folds(sents, [0, 1], config)
    assert "lxORG=4" in x0[1] and "+1lx=ORG" in x0[0]
    assert "lx=O" in x1[1] and "lxORG=4" not in x1[1]
    assert "lx=?" in x0[0]  # «أعلنت» is not in the lexicon
