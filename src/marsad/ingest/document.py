"""From a raw article (any reader) to a cleaned Document with dateline and published date."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from marsad.ingest.clean import clean, tidy_line
from marsad.ingest.dateline import parse_dateline
from marsad.ingest.encoding import repair_mojibake
from marsad.ingest.formats import Format
from marsad.ingest.published import resolve_published
from marsad.limits import DocumentTimeout, over_limit, time_limit
from marsad.model import Document
from marsad.pipeline import Failure
from marsad.settings import current

PAYLOAD_CHARS = 200


@dataclass
class RawArticle:
    """What a reader found, before cleaning.  `body` is decoded text, not yet fixed."""

    id: str
    body: str
    format: Format
    origin: str
    encoding: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    source: str | None = None
    site_name: str | None = None
    content_hash: str | None = None
    date_is_crawl_time: bool | None = None  # True for WARC-Date; None: infer from the value
    extra: dict[str, Any] = field(default_factory=dict)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def excerpt(data: bytes | str) -> str:
    if isinstance(data, bytes):
        data = data[: PAYLOAD_CHARS * 4].decode("utf-8", errors="replace")
    return data[:PAYLOAD_CHARS]


def build_document(raw: RawArticle) -> Document | Failure:
    """Clean the body, find the dateline, resolve the publication date; fix the text.

    Bounded by marsad.settings: a body over max_doc_chars, or one whose cleaning takes
    longer than max_doc_seconds, becomes a Failure naming the limit.
    """
    limits = current()
    if len(raw.body) > limits.max_doc_chars:
        return Failure(raw.id, "limits", over_limit("text", len(raw.body), "max_doc_chars", limits.max_doc_chars),
                       raw.origin, excerpt(raw.body))
    try:
        with time_limit(limits.max_doc_seconds, "cleaning"):
            return _build(raw)
    except DocumentTimeout as err:
        return Failure(raw.id, "limits", str(err), raw.origin, excerpt(raw.body))


def _build(raw: RawArticle) -> Document | Failure:
    repaired = repair_mojibake(raw.body)
    if repaired is not None:
        raw.body = repaired
        raw.title = repair_mojibake(raw.title) or raw.title
        raw.extra["encoding_repair"] = "mojibake: UTF-8 that had been read as windows-1252"
    result = clean(raw.body)
    if not result.text:
        reason = "no text" if not raw.body.strip() else "no text left after removing boilerplate"
        return Failure(raw.id, "clean", reason, raw.origin, excerpt(raw.body))
    text = result.text
    dateline = parse_dateline(text)
    published = resolve_published(
        text,
        dateline_date=dateline.date if dateline else None,
        dateline_text=dateline.text if dateline else None,
        metadata_date=raw.date,
        url=raw.url,
        metadata_is_crawl_time=raw.date_is_crawl_time,
    )
    title = tidy_line(" ".join(raw.title.split())) if raw.title else ""
    source = raw.source or raw.site_name or (dateline.outlet_code or dateline.outlet if dateline else None)
    metadata: dict[str, Any] = dict(raw.extra)
    metadata.update(
        {
            "origin": raw.origin,
            "format": raw.format.value,
            "encoding": raw.encoding,
            "removed": result.removed_dicts(),
            "published_source": published.source.value,
            "date_raw": published.raw,
        }
    )
    if raw.content_hash:
        metadata["content_hash"] = raw.content_hash
    for key, value in (("date", raw.date), ("url", raw.url), ("source", source), ("title", title),
                       ("site_name", raw.site_name)):
        if value:
            metadata[key] = value
    if dateline is not None:
        metadata["dateline"] = dateline.to_dict()
    return Document(
        id=raw.id,
        text=text,
        title=title,
        published=published.value,
        source=source,
        url=raw.url,
        metadata=metadata,
    )
