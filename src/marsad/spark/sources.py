"""Input files → records → Documents, for the Spark job.

Spark reads the bytes (`sc.binaryFiles`, so hdfs://, s3a:// and file:// work as
the cluster provides them); this module only splits those bytes into records
and hands each record to marsad.ingest's own readers, so a record gives the
same Document on Spark as in `marsad extract`.

Splitting is cheap and happens where the file was read; cleaning a record (HTML
main-text extraction) is the costly part, so records are spread over partitions
before it runs.  A WARC record travels as its own raw bytes (a gzip member for
.warc.gz), the way Common Crawl's cc-pyspark and CDX indexes address records by
offset and length, so the ingest reader sees a well-formed one-record WARC.
"""
from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath
from typing import BinaryIO, Iterator

from warcio.exceptions import ArchiveLoadFailed

from marsad.model import Document
from marsad.pipeline import Failure

# Record types the ingest WARC reader turns into articles; warcinfo, request and
# metadata records are dropped at the split so they never cross the shuffle.
WARC_CONTENT_TYPES = frozenset({"response"})
GZIP_MAGIC = b"\x1f\x8b"
PAYLOAD_EXCERPT = 500


class InputKind(str, Enum):
    WARC = "warc"
    JSONL = "jsonl"
    LISTING = "listing"  # a text file naming one input per line


_SUFFIXES: tuple[tuple[str, InputKind], ...] = (
    (".warc.gz", InputKind.WARC),
    (".warc", InputKind.WARC),
    (".jsonl.gz", InputKind.JSONL),
    (".jsonl", InputKind.JSONL),
    (".ndjson", InputKind.JSONL),
)


def input_kind(path: str) -> InputKind:
    """WARC or JSONL by suffix; anything else is read as a listing of inputs."""
    low = path.lower()
    for suffix, kind in _SUFFIXES:
        if low.endswith(suffix):
            return kind
    return InputKind.LISTING


def parse_listing(text: str) -> list[str]:
    """Paths in a listing file: one per line; blank lines and # comments skipped."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input record in flight: where it came from, its kind, its raw bytes."""

    origin: str  # the input path (as Spark names it)
    kind: InputKind
    index: int  # 1-based line number (JSONL) or record number (WARC)
    data: bytes

    def __reduce__(self):  # plain tuple pickling: cheap and independent of slots support
        return (RawRecord, (self.origin, self.kind, self.index, self.data))


def local_path(origin: str) -> str:
    """Spark names local files file:/x or file:///x; the local readers say /x."""
    for prefix in ("file://", "file:"):
        if origin.startswith(prefix):
            rest = origin[len(prefix):]
            return rest if rest.startswith("/") else "/" + rest
    return origin


def jsonl_stem(name: str) -> str:
    """The fallback id prefix of the local JSONL reader ("a" for /x/a.jsonl.gz)."""
    return PurePath(name).name.split(".")[0] or "stdin"


def split_jsonl(origin: str, data: bytes, max_doc_bytes: int | None = None) -> Iterator[RawRecord | Failure]:
    """Lines exactly as the local JSONL reader sees them (a binary stream, lines capped
    at `max_doc_bytes` as marsad.settings sets it: a longer line becomes a Failure)."""
    from marsad.limits import bounded_lines, over_limit
    from marsad.settings import current

    cap = current().max_doc_bytes if max_doc_bytes is None else max_doc_bytes
    name = local_path(origin)
    stream: BinaryIO = io.BytesIO(data)
    if data[:2] == GZIP_MAGIC:
        stream = gzip.GzipFile(fileobj=stream)
    lineno = 0
    try:
        for lineno, (line, size) in enumerate(bounded_lines(stream, cap), start=1):
            if size > len(line):
                yield Failure(f"{jsonl_stem(name)}:{lineno}", "limits",
                              over_limit("document", size, "max_doc_bytes", cap), f"{name}:{lineno}")
            elif line.strip():
                yield RawRecord(origin, InputKind.JSONL, lineno, line)
    # A truncated or corrupt gzip member: the lines before it were yielded.
    except (EOFError, zlib.error, OSError) as err:
        yield Failure(f"{jsonl_stem(name)}:{lineno + 1}", "read",
                      f"truncated or corrupt compressed stream after line {lineno}: {err}", f"{name}:{lineno + 1}")


def split_warc(origin: str, data: bytes) -> Iterator[RawRecord | Failure]:
    """Each response record as its own raw bytes (offset and length as warcio reports them).

    `index` is the record's 1-based position among all records of the file, which
    is how the local WARC reader names a record's origin ("crawl.warc.gz#7").
    """
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(io.BytesIO(data))
    n = 0
    try:
        for n, record in enumerate(it, start=1):
            rtype = record.rec_type
            it.read_to_end(record)
            if rtype not in WARC_CONTENT_TYPES:
                continue
            offset, length = it.get_record_offset(), it.get_record_length()
            yield RawRecord(origin, InputKind.WARC, n, data[offset:offset + length])
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as err:
        name = local_path(origin)
        yield Failure(f"{name}#{n + 1}", "read", f"truncated or corrupt WARC after record {n}: {err}", f"{name}#{n + 1}")


def split_file(origin: str, data: bytes) -> Iterator[RawRecord | Failure]:
    """Split one input file; a file that cannot be split becomes one Failure."""
    kind = input_kind(origin)
    try:
        if kind is InputKind.WARC:
            yield from split_warc(origin, data)
        elif kind is InputKind.JSONL:
            yield from split_jsonl(origin, data)
        else:
            yield Failure(origin, "read", "unsupported input (expected .warc, .warc.gz, .jsonl or .jsonl.gz)",
                          local_path(origin))
    # A broken WARC raises warcio's ArchiveLoadFailed; gzip/zlib errors and EOFError
    # cover truncated compressed files.
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as err:
        excerpt = data[:PAYLOAD_EXCERPT].decode("utf-8", "replace")
        yield Failure(origin, "read", f"{type(err).__name__}: {err}", local_path(origin), excerpt)


def parse_record(rec: RawRecord) -> Iterator[Document | Failure]:
    """Documents (or Failures) of one record, read by marsad.ingest's own readers."""
    from marsad.spark.readers import read_record

    yield from read_record(rec)
