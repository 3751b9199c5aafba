"""HTML pages: main text and metadata through trafilatura, charset honoured."""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.ingest.document import RawArticle, build_document, content_hash, excerpt
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.formats import Format
from marsad.limits import DocumentTimeout, time_limit
from marsad.model import Document
from marsad.pipeline import Failure
from marsad.settings import current

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
# htmldate's "extensive search" guesses a date from any number in the page (it gives
# YYYY-01-01 for a bare year); only dates the page states are wanted here.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def drop_repeated_title(text: str, title: str) -> str:
    """The page's <h1> often opens the extracted text; the headline is `title`, and the
    body must start at the dateline."""
    first, sep, rest = text.lstrip().partition("\n")
    if sep and title and " ".join(first.split()) == " ".join(title.split()):
        return rest
    return text


@lru_cache(maxsize=1)
def _trafilatura():
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    return trafilatura


def _extract(html: str, url: str | None):
    return _trafilatura().bare_extraction(
        html,
        url=url,
        favor_precision=False,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )


def read_html(
    data: bytes,
    origin: str,
    doc_id: str,
    url: str | None = None,
    date: str | None = None,
    charset: str | None = None,
    extra: dict | None = None,
    date_is_crawl_time: bool | None = None,
) -> Document | Failure:
    """One HTML page.  `date`/`charset` come from the container (WARC, HTTP) when known."""
    try:
        decoded = decode_bytes(data, declared=charset or declared_charset(data))
    except DecodeError as err:
        return Failure(doc_id, "decode", str(err), origin, excerpt(data))
    try:
        with time_limit(current().max_doc_seconds, "HTML extraction"):
            found = _extract(decoded.text, url)
    except DocumentTimeout as err:
        return Failure(doc_id, "limits", str(err), origin, excerpt(decoded.text))
    # lxml parser errors derive from ValueError; a pathological tree may exhaust the stack.
    except (ValueError, TypeError, LookupError, RecursionError) as err:
        return Failure(doc_id, "parse", f"HTML extraction failed: {type(err).__name__}: {err}", origin,
                       excerpt(decoded.text))
    if found is None or not (found.text or "").strip():
        return Failure(doc_id, "parse", "no main text found in the HTML page", origin, excerpt(decoded.text))
    meta = dict(extra or {})
    body = drop_repeated_title(found.text, found.title or "")
    if found.date:
        meta["html_date"] = found.date
    if found.hostname:
        meta["hostname"] = found.hostname
    raw = RawArticle(
        id=doc_id,
        body=body,
        title=found.title or "",
        format=Format.HTML,
        origin=origin,
        encoding=decoded.encoding,
        date=date or found.date,
        url=url or found.url,
        site_name=found.sitename,
        content_hash=content_hash(data),
        date_is_crawl_time=date_is_crawl_time if date else None,
        extra=meta,
    )
    return build_document(raw)
