"""Input formats, recognised by file extension or by sniffing the first bytes."""
from __future__ import annotations

import codecs
import zlib
from enum import Enum
from pathlib import PurePath

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096


class Format(str, Enum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    WARC = "warc"


_EXTENSIONS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".warc": Format.WARC,
    ".arc": Format.WARC,
}


def format_from_name(name: str) -> tuple[Format | None, bool]:
    """(format by extension or None, gzipped?) for a file name such as x.jsonl.gz."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    fmt = _EXTENSIONS.get(suffixes[-1]) if suffixes else None
    return fmt, gz


def is_known_name(name: str) -> bool:
    """Files a folder walk reads: known extensions, or none at all (sniffed)."""
    fmt, gz = format_from_name(name)
    return fmt is not None or (not PurePath(name).suffix) or (gz and len(PurePath(name).suffixes) == 1)


def gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (empty if it is not gzip)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def sniff_format(head: bytes) -> Format:
    """The format of (decompressed) content from its first bytes."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return Format.TEXT
    sample = head.lstrip(codecs.BOM_UTF8).lstrip()
    if sample.startswith(b"WARC/"):
        return Format.WARC
    if sample.startswith(b"{"):
        return Format.JSONL
    lower = sample[:SNIFF_BYTES].lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        lower.startswith(b"<") and any(t in lower for t in (b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<title"))
    ):
        return Format.HTML
    return Format.TEXT
