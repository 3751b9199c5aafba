import gzip

from marsad.ingest import read_inputs
from marsad.model import Document
from marsad.sample import SAMPLE_DIR, sample_paths


def _docs():
    items = list(read_inputs([str(p) for p in sample_paths()]))
    assert all(isinstance(x, Document) for x in items), [x for x in items if not isinstance(x, Document)]
    return items


def test_sample_files_in_every_form():
    names = [p.name for p in sample_paths()]
    assert all(p.parent == SAMPLE_DIR for p in sample_paths())
    for suffix in (".txt", ".html", ".jsonl", ".warc.gz"):
        assert any(n.endswith(suffix) for n in names), suffix


def test_sample_reads_cleanly_and_is_dated():
    docs = _docs()
    assert 6 <= len(docs) <= 12
    for d in docs:
        d.check()
        assert d.published and d.title and d.source
        assert "التعليقات مغلقة" not in d.text and "قد يعجبك" not in d.text


def test_sample_has_a_qatar_nato_timeline_and_a_reprint():
    docs = _docs()
    qn = [d for d in docs if ("قطر" in d.text or "الدوحة" in d.text) and ("الناتو" in d.text or "الأطلسي" in d.text)]
    assert len({d.published[:4] for d in qn}) >= 3
    assert any(d.metadata["published_source"] == "dateline" for d in qn)
    bodies = [d.text for d in docs]
    assert len(bodies) > len(set(bodies))  # one wire story reprinted by a second outlet
    assert len({d.source for d in docs if d.text == next(b for b in bodies if bodies.count(b) > 1)}) == 2


def test_sample_warc_is_a_gzip_warc():
    warc = SAMPLE_DIR / "05_crawl.warc.gz"
    assert gzip.open(warc).read(5) == b"WARC/"
