"""`read_inputs(paths)`: stream Documents (or Failures) from files, folders, stdin.

Inputs are read one at a time and JSONL/WARC record by record, so memory stays flat
whatever the corpus size; output follows input order (folders sorted by path).
No exception escapes: every unreadable input becomes a `Failure`.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from marsad.ingest.document import excerpt
from marsad.ingest.formats import GZIP_MAGIC, SNIFF_BYTES, Format, format_from_name, gunzip_head, is_known_name, sniff_format
from marsad.ingest.html import read_html
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.plain import read_text_article
from marsad.ingest.warc import read_warc
from marsad.limits import over_limit, read_capped
from marsad.model import Document
from marsad.pipeline import Failure
from marsad.settings import current

STDIN = "-"
STDIN_NAME = "<stdin>"


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    for p in paths:
        if p == STDIN:
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN_NAME, "stdin")
            continue
        path = Path(p)
        if path.is_dir():
            yield from read_folder(path)
        elif path.exists():
            yield from read_path(path)
        else:
            yield Failure(path.name or p, "read", "no such file or directory", p)


def read_folder(root: Path) -> Iterator[Document | Failure]:
    """Every readable file under root, recursively, sorted by path; hidden entries skipped."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith((".", "__")) for part in rel.parts):
            continue
        if path.is_file() and is_known_name(path.name):
            yield from read_path(path)


def read_path(path: Path) -> Iterator[Document | Failure]:
    name = str(path)
    try:
        stream = path.open("rb")
    except OSError as err:
        yield Failure(_stem(path.name), "read", f"cannot open: {err.strerror or err}", name)
        return
    with stream:
        try:
            size = os.fstat(stream.fileno()).st_size if path.is_file() else None
        except OSError:
            size = None
        yield from read_stream(stream, name, _stem(path.name), size=size)


def read_stream(stream: BinaryIO, name: str, doc_id: str, size: int | None = None) -> Iterator[Document | Failure]:
    """Sniff and read one input stream (file or stdin).

    A single-article input (text or HTML) is read with a cap (marsad.settings), and
    when the file's `size` is known an oversized one is refused without reading it.
    """
    try:
        head = _read_head(stream)
    except OSError as err:
        yield Failure(doc_id, "read", f"cannot read: {err}", name)
        return
    if not head:
        yield Failure(doc_id, "read", "empty input", name)
        return
    stream = io.BufferedReader(_Rewound(head, stream), buffer_size=1 << 16)
    gz = head.startswith(GZIP_MAGIC)
    fmt, _ = format_from_name(name)
    if fmt is None:
        fmt = sniff_format(gunzip_head(head) if gz else head)
    if fmt is Format.WARC:
        # warcio reads gzip per record itself.
        yield from read_warc(stream, name)
        return
    body: BinaryIO = gzip.GzipFile(fileobj=stream) if gz else stream
    if fmt is Format.JSONL:
        yield from read_jsonl(body, name)
        return
    limit_name, cap = ("max_html_bytes", current().max_html_bytes) if fmt is Format.HTML else (
        "max_doc_bytes", current().max_doc_bytes)
    if size is not None and not gz and size > cap:
        yield Failure(doc_id, "limits", over_limit("document", size, limit_name, cap), name, excerpt(head))
        return
    try:
        data = read_capped(body, cap)
    except (EOFError, zlib.error, OSError) as err:
        yield Failure(doc_id, "read", f"truncated or corrupt compressed file: {err}", name)
        return
    if not data.strip():
        yield Failure(doc_id, "read", "empty input", name)
    elif len(data) > cap:
        yield Failure(doc_id, "limits", over_limit("document", cap, limit_name, cap, at_least=True), name, excerpt(data))
    elif fmt is Format.HTML:
        yield read_html(data, name, doc_id)
    else:
        yield read_text_article(data, name, doc_id)


def _stem(name: str) -> str:
    return name.split(".")[0] or name


def _read_head(stream: BinaryIO) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < SNIFF_BYTES:
        chunk = stream.read(SNIFF_BYTES - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class _Rewound(io.RawIOBase):
    """A read-only stream that replays the sniffed head, then the rest of the input
    (stdin cannot seek back)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
