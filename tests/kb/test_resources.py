import pytest

from marsad.kb.resources import SPECS, KbResourceError, load, parse_tsv


@pytest.mark.parametrize("name", sorted(SPECS))
def test_packaged_file_is_valid(name):
    rows = load(name)
    assert rows, name
    assert all(r[SPECS[name].columns[-1]] for r in rows)


@pytest.mark.parametrize(
    "name, text, where",
    [
        ("suffixes.tsv", "suffix\tnote\n", ":1:"),  # wrong header
        ("suffixes.tsv", "suffix\tmin_stem\tnote\nات\t3\tok\nات\t3\tdup\n", ":3: duplicate"),
        ("suffixes.tsv", "suffix\tmin_stem\tnote\nة\t3\tnot normalised\n", ":2:"),
        ("suffixes.tsv", "suffix\tmin_stem\tnote\nات\tx\tbad number\n", ":2:"),
        ("stopwords.tsv", "word\tnote\nفي\t\n", ":2: empty note"),
        ("stopwords.tsv", "word\tnote\nفي من\ttwo words\n", ":2:"),
        ("cameo_roots.tsv", "root\tname\tgoldstein\tquad_class\tnote\n1\tx\t0\t1\tn\n", ":2:"),
        ("cameo_roots.tsv", "root\tname\tgoldstein\tquad_class\tnote\n01\tx\t11\t1\tn\n", ":2:"),
        ("cameo_roots.tsv", "root\tname\tgoldstein\tquad_class\tnote\n01\tx\t1\t5\tn\n", ":2:"),
        ("plover_types.tsv", "type\tcameo_root\tquad\tnote\nAGREE\t05\tCOOP\tn\n", ":2:"),
        ("actor_names.tsv", "code\tname_en\tname_ar\tnote\nnato\tx\tس\tn\n", ":2:"),
        ("actor_names.tsv", "code\tname_en\tname_ar\tnote\nNATO\tx\tn\n", ":2: 3 columns"),
    ],
)
def test_malformed_file_names_file_and_line(name, text, where):
    with pytest.raises(KbResourceError) as e:
        parse_tsv(name, text)
    assert name in str(e.value) and where in str(e.value)
