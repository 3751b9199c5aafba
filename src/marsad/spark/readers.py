"""One record → Document | Failure, through marsad.ingest's own record readers.

The local runner reads a file as a stream; on Spark a file arrives as bytes and
is split into records first (marsad.spark.sources), so each record is handed to
the same per-record function the stream readers call, with the same name and
position, giving the same id, origin and cleaned text as `marsad extract`.
"""
from __future__ import annotations

import io
from typing import Iterator

from marsad.model import Document
from marsad.pipeline import Failure
from marsad.spark.sources import InputKind, RawRecord, jsonl_stem, local_path


def read_record(rec: RawRecord) -> Iterator[Document | Failure]:
    name = local_path(rec.origin)
    if rec.kind is InputKind.JSONL:
        from marsad.ingest.jsonl import read_record as read_jsonl_record

        yield read_jsonl_record(rec.data, name, rec.index, jsonl_stem(name))
    elif rec.kind is InputKind.WARC:
        yield from _read_warc_record(rec.data, f"{name}#{rec.index}")
    else:  # pragma: no cover - sources only emits the two kinds
        yield Failure(name, "read", f"no record reader for {rec.kind.value}", name)


def _read_warc_record(data: bytes, origin: str) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    read_response = _warc_response_reader()
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            # The same filter as marsad.ingest.warc.read_warc.
            if record.rec_type != "response" or record.http_headers is None:
                continue
            item = read_response(record, origin)
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        yield Failure(origin, "read", f"corrupt WARC record: {err}", origin)


def _warc_response_reader():
    """marsad.ingest.warc's per-record reader (public name if it has one)."""
    from marsad.ingest import warc

    return getattr(warc, "read_warc_record", None) or warc._read_response  # noqa: SLF001
