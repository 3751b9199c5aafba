"""Acceptance on third-party data read from ../shared at run time (skipped when absent)."""
import gzip
import io
import itertools
from collections import Counter

import pytest

from marsad.ingest import read_inputs
from marsad.ingest.clean import split_lines
from marsad.model import Document

pytestmark = pytest.mark.data


def test_seed_article(shared):
    path = shared("seeds", "000_5d3db40c777d7577.txt")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document)
    doc.check()
    assert doc.title == "قطر توقع اتفاقًا عسكريًا مهما مع الناتو"
    assert "قد يعجبك ايضا" not in doc.text and "التعليقات مغلقة." not in doc.text
    dl = doc.metadata["dateline"]
    assert dl["place"] == "بروكسيل" and dl["outlet"] == "خليج 24"
    assert doc.text[dl["start"] : dl["end"]] == dl["text"]
    raw_lines = [l for l in split_lines(path.read_text("utf-8"))[1:] if l]
    body = [l for l in raw_lines if l not in ("قد يعجبك ايضا", "التعليقات مغلقة.")]
    assert doc.text.split("\n\n") == body  # every paragraph kept, and kept apart


def _token_f1(got: str, expected: str) -> float:
    g, e = Counter(got.split()), Counter(expected.split())
    tp = sum((g & e).values())
    p, r = tp / max(sum(g.values()), 1), tp / max(sum(e.values()), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def test_cnn_html_extraction_f1(shared):
    page = shared("data", "html", "cnn_arabic_2013.html")
    expected = shared("data", "html", "cnn_arabic_2013.expected.txt").read_text("utf-8")
    (doc,) = list(read_inputs([str(page)]))
    assert isinstance(doc, Document)
    assert _token_f1(doc.text, expected) >= 0.90
    assert doc.title and doc.url and doc.source


def test_ant_published_dates_first_records(shared):
    path = shared("data", "news", "ant2018_politics.jsonl.gz")
    docs = list(itertools.islice(read_inputs([str(path)]), 800))
    assert all(isinstance(d, Document) for d in docs)
    assert sum(1 for d in docs if d.published) / len(docs) >= 0.99


@pytest.mark.slow
def test_ant_published_dates_all(shared):
    path = shared("data", "news", "ant2018_politics.jsonl.gz")
    n = dated = 0
    for d in read_inputs([str(path)]):
        n += 1
        dated += bool(isinstance(d, Document) and d.published)
    assert n == 16483 and dated / n >= 0.99


def test_spa_items_are_dated_from_the_dateline(shared):
    pytest.importorskip("marsad.dates")
    path = shared("data", "news", "saudinewsnet2015_aawsat_spa.jsonl.gz")
    # Only the SPA lines go through the reader (via stdin), to keep the test fast.
    with gzip.open(path, "rb") as fh:
        lines = b"".join(line for line in fh if b'"source": "was"' in line)
    spa = [d for d in read_inputs(["-"], stdin=io.BytesIO(lines)) if isinstance(d, Document) and d.source == "was"]
    with_dateline = [d for d in spa if "dateline" in d.metadata]
    assert len(spa) > 300
    assert all(d.metadata["published_source"] == "dateline" for d in with_dateline if d.metadata["dateline"]["date"])
    assert sum(d.metadata["published_source"] == "dateline" for d in spa) / len(spa) >= 0.9
