"""JSON Lines articles (`id, title, text, date, url, source`; other fields → metadata).

The stream is read line by line, so a large (gzipped) dump never sits in memory.
A bad line becomes a Failure naming the file and line; the rest goes on.
"""
from __future__ import annotations

import json
import re
import zlib
from pathlib import PurePath
from typing import BinaryIO, Iterator

from marsad.ingest.document import RawArticle, build_document, content_hash, excerpt
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.formats import Format
from marsad.limits import bounded_lines, over_limit
from marsad.model import Document
from marsad.pipeline import Failure
from marsad.settings import current

KNOWN_FIELDS = ("id", "title", "text", "date", "url", "source")


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Document | Failure]:
    stem = PurePath(name).name.split(".")[0] or "stdin"
    lineno = 0
    cap = current().max_doc_bytes
    try:
        # Lines are read with a cap: a multi-gigabyte "line" is skipped, never held.
        for lineno, (line, size) in enumerate(bounded_lines(stream, cap), 1):
            if size > len(line):
                yield Failure(f"{stem}:{lineno}", "limits", over_limit("document", size, "max_doc_bytes", cap),
                              f"{name}:{lineno}")
            elif line.strip():
                yield read_record(line, name, lineno, stem)
    except (EOFError, zlib.error, OSError) as err:
        # gzip.BadGzipFile is an OSError; a truncated member ends in EOFError.
        yield Failure(f"{stem}:{lineno + 1}", "read", f"truncated or corrupt compressed stream after line {lineno}: {err}", f"{name}:{lineno + 1}")


def read_record(line: bytes, name: str, lineno: int, stem: str) -> Document | Failure:
    origin = f"{name}:{lineno}"
    fallback_id = f"{stem}:{lineno}"
    try:
        decoded = decode_bytes(line)
    except DecodeError as err:
        return Failure(fallback_id, "decode", str(err), origin, excerpt(line))
    try:
        rec = json.loads(decoded.text)
        if "\\u" in decoded.text:
            rec = replace_lone_surrogates(rec)
    # ValueError also covers an integer of more than 4,300 digits; RecursionError a
    # hostile nesting depth.  Both are bad records, not reasons to stop the batch.
    except (ValueError, RecursionError) as err:
        return Failure(fallback_id, "parse", f"not JSON: {type(err).__name__}: {err}", origin, excerpt(decoded.text))
    if not isinstance(rec, dict):
        return Failure(fallback_id, "parse", f"a JSON {type(rec).__name__}, not an object", origin, excerpt(decoded.text))
    doc_id = str(rec["id"]) if rec.get("id") not in (None, "") else fallback_id
    text = rec.get("text")
    if not isinstance(text, str):
        reason = "no 'text' field" if text is None else f"'text' is a {type(text).__name__}, not a string"
        return Failure(doc_id, "parse", reason, origin, excerpt(decoded.text))
    raw = RawArticle(
        id=doc_id,
        body=text,
        title=_str(rec.get("title")) or "",
        format=Format.JSONL,
        origin=origin,
        encoding=decoded.encoding,
        date=_str(rec.get("date")),
        url=_str(rec.get("url")),
        source=_str(rec.get("source")),
        content_hash=content_hash(line.rstrip(b"\r\n")),
        extra={k: v for k, v in rec.items() if k not in KNOWN_FIELDS},
    )
    return build_document(raw)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(value):
    """JSON may escape half a UTF-16 pair ("\\ud800"); such a string cannot be encoded
    (hash, SQLite), so each lone surrogate becomes U+FFFD.  Valid pairs were already
    joined by the JSON decoder."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [replace_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {replace_lone_surrogates(k): replace_lone_surrogates(v) for k, v in value.items()}
    return value


def _str(value) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
