"""WARC / WARC.gz crawls through warcio: HTML `response` records become documents.

url = WARC-Target-URI; metadata date = WARC-Date (else the HTTP Date, else the
page's own date); id = a stable hash of the target URI (or of the record id).
A truncated archive yields a Failure after the records that were read.
"""
from __future__ import annotations

import hashlib
import zlib
from typing import BinaryIO, Iterator

from marsad.ingest.document import excerpt
from marsad.ingest.html import read_html
from marsad.ingest.plain import read_text_article
from marsad.limits import over_limit, read_capped
from marsad.model import Document
from marsad.pipeline import Failure
from marsad.settings import current

HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_doc_id(uri: str | None, record_id: str | None) -> str:
    key = uri or record_id or ""
    return "warc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def read_warc(stream: BinaryIO, name: str) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    checked = _GzipCheck(stream)
    try:
        for n, record in enumerate(ArchiveIterator(checked), 1):
            if record.rec_type == "response" and record.http_headers is not None:
                item = _read_response(record, f"{name}#{n}")
            else:
                item = None
            # warcio stops quietly at a cut record: read it to its end and check
            # that it was whole.
            while record.raw_stream.read(1 << 16):
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError(f"record {n} is shorter than its Content-Length")
            if item is not None:
                yield item
        checked.read_rest()
        if checked.truncated:
            raise EOFError("compressed stream ended inside a record")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as err:
        yield Failure(f"{name}#{n + 1}", "read", f"truncated or corrupt WARC after record {n}: {err}", f"{name}#{n + 1}")


class _GzipCheck:
    """Pass-through reader that also inflates the bytes it hands on, to notice a gzip
    member cut short (warcio itself ends silently there)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._inflater = None
        self._fed = False
        self._gz: bool | None = None

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if self._gz is None and data:
            self._gz = data[:2] == b"\x1f\x8b"
        if self._gz and data:
            self._feed(data)
        return data

    def readline(self, size: int = -1) -> bytes:  # warcio only needs read(); kept for safety
        data = self._stream.readline(size)
        if self._gz and data:
            self._feed(data)
        return data

    def _feed(self, data: bytes) -> None:
        while data:
            if self._inflater is None:
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._fed = False
            self._inflater.decompress(data)
            self._fed = True
            if self._inflater.eof:
                data = self._inflater.unused_data
                self._inflater = None
            else:
                data = b""

    def read_rest(self) -> None:
        while self.read(1 << 16):
            pass

    @property
    def truncated(self) -> bool:
        return bool(self._gz) and self._inflater is not None and self._fed


def _read_response(record, origin: str) -> Document | Failure | None:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = warc_doc_id(uri, record.rec_headers.get_header("WARC-Record-ID"))
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    mime, _, params = ctype.partition(";")
    mime = mime.strip()
    if mime not in HTML_TYPES and mime != "text/plain":
        return None
    limit_name, cap = ("max_doc_bytes", current().max_doc_bytes) if mime == "text/plain" else (
        "max_html_bytes", current().max_html_bytes)
    # Capped: a huge (or decompression-bomb) payload is refused after cap + 1 bytes;
    # the caller drains the rest of the record.
    payload = read_capped(record.content_stream(), cap)
    if len(payload) > cap:
        return Failure(doc_id, "limits", over_limit("document", cap, limit_name, cap, at_least=True), origin,
                       excerpt(payload))
    if not payload.strip():
        return Failure(doc_id, "read", "empty response payload", origin)
    date = record.rec_headers.get_header("WARC-Date") or record.http_headers.get_header("Date")
    if mime == "text/plain":
        return read_text_article(payload, origin, doc_id)
    charset = None
    if "charset=" in params:
        charset = params.split("charset=", 1)[1].split(";")[0].strip()
    extra = {"warc_record_id": record.rec_headers.get_header("WARC-Record-ID")}
    item = read_html(
        payload, origin, doc_id, url=uri, date=date, charset=charset, extra=extra, date_is_crawl_time=True
    )
    if isinstance(item, Failure) and not item.payload:
        item.payload = excerpt(payload)
    return item
