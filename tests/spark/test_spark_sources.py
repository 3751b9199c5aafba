"""Splitting input files into records (no JVM needed)."""
from __future__ import annotations

import gzip
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator

from marsad.pipeline import Failure
from marsad.spark.sources import (
    InputKind, RawRecord, input_kind, local_path, parse_listing, split_file, split_jsonl, split_warc,
)
from spark_samples import article_records, write_jsonl, write_warc


@pytest.mark.parametrize("path,kind", [
    ("a.warc.gz", InputKind.WARC), ("s3a://b/x/CC-MAIN-1.warc.gz", InputKind.WARC), ("A.WARC", InputKind.WARC),
    ("x.jsonl", InputKind.JSONL), ("hdfs:///n/x.jsonl.gz", InputKind.JSONL), ("y.ndjson", InputKind.JSONL),
    ("paths.txt", InputKind.LISTING), ("warc.paths", InputKind.LISTING),
])
def test_input_kind(path, kind):
    assert input_kind(path) is kind


def test_parse_listing_skips_blanks_and_comments():
    assert parse_listing("# inputs\n a.warc.gz \n\n  # x\nb.jsonl\n") == ["a.warc.gz", "b.jsonl"]


@pytest.mark.parametrize("origin,expected", [
    ("file:/tmp/a.jsonl", "/tmp/a.jsonl"), ("file:///tmp/a.jsonl", "/tmp/a.jsonl"),
    ("/tmp/a.jsonl", "/tmp/a.jsonl"), ("hdfs://nn/a.jsonl", "hdfs://nn/a.jsonl"),
])
def test_local_path(origin, expected):
    assert local_path(origin) == expected


@pytest.mark.parametrize("gz", [False, True])
def test_split_jsonl_numbers_lines(gz):
    data = "{\"id\": 1}\n\n{\"id\": 2}\r\n".encode()
    if gz:
        data = gzip.compress(data)
    recs = list(split_jsonl("f.jsonl", data))
    # Lines as iterating a binary file gives them (what the local JSONL reader sees).
    assert [(r.index, r.data) for r in recs] == [(1, b'{"id": 1}\n'), (3, b'{"id": 2}\r\n')]


def test_split_jsonl_keeps_lines_before_a_truncation():
    lines = "".join(f'{{"id": {i}, "text": "{i * 7919 % 10007}"}}\n' for i in range(400)).encode()
    data = gzip.compress(lines)
    data = data[: len(data) - 40]
    out = list(split_jsonl("file:/tmp/a.jsonl.gz", data))
    assert all(isinstance(r, RawRecord) for r in out[:-1]) and len(out) > 100
    assert isinstance(out[-1], Failure) and out[-1].origin.startswith("/tmp/a.jsonl.gz:")


@pytest.mark.parametrize("gz", [False, True])
def test_split_warc_keeps_content_records_as_standalone_bytes(tmp_path, gz):
    recs = article_records(4)
    path = write_warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), recs, gz=gz)
    data = path.read_bytes()
    parts = list(split_warc(str(path), data))
    assert len(parts) == 4  # warcinfo and request records dropped
    for part, rec in zip(parts, recs):
        assert part.kind is InputKind.WARC
        records = list(ArchiveIterator(io.BytesIO(part.data)))
        assert len(records) == 1
        assert records[0].rec_headers.get_header("WARC-Target-URI") == rec["url"]
        assert part.data in data
    # record numbers count every record: warcinfo is 1, then request/response pairs
    assert [p.index for p in parts] == [3, 5, 7, 9]


def test_split_file_turns_broken_input_into_a_failure():
    out = list(split_file("bad.jsonl.gz", b"\x1f\x8b\x08\x00garbage"))
    assert len(out) == 1 and isinstance(out[0], Failure) and out[0].stage == "read"


def test_split_file_rejects_unknown_kind():
    (f,) = split_file("notes.pdf", b"%PDF")
    assert isinstance(f, Failure) and "unsupported" in f.reason


def test_raw_record_pickles():
    import pickle

    rec = RawRecord("a.jsonl", InputKind.JSONL, 3, b"{}")
    assert pickle.loads(pickle.dumps(rec)) == rec


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_split_file_never_raises_on_garbage(data):
    for name in ("x.warc.gz", "x.warc", "x.jsonl", "x.jsonl.gz"):
        for item in split_file(name, data):
            assert isinstance(item, (RawRecord, Failure))


def test_split_jsonl_file(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", article_records(3))
    assert [r.index for r in split_file(str(path), path.read_bytes())] == [1, 2, 3]


def test_split_jsonl_applies_the_line_cap_like_the_local_reader(tmp_path):
    from marsad.ingest.jsonl import read_jsonl
    from marsad.settings import Settings, use

    data = b'{"id": "a", "text": "\xd9\x86\xd8\xb5"}\n' + b'{"id": "b", "text": "' + b"x" * 200 + b'"}\n'
    with use(Settings(max_doc_bytes=60)):
        local = [i for i in read_jsonl(io.BytesIO(data), "/tmp/n.jsonl") if isinstance(i, Failure)]
    ours = [i for i in split_jsonl("file:/tmp/n.jsonl", data, max_doc_bytes=60) if isinstance(i, Failure)]
    assert [(f.doc_id, f.stage, f.reason, f.origin) for f in ours] == [(f.doc_id, f.stage, f.reason, f.origin) for f in local]
    assert len(ours) == 1 and ours[0].stage == "limits"
