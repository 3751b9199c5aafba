"""Plain-text articles: headline on the first line, then the body (dateline first),
then possibly site chrome, which cleaning removes."""
from __future__ import annotations

from marsad.ingest.document import RawArticle, build_document, content_hash, excerpt
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.formats import Format
from marsad.model import Document
from marsad.pipeline import Failure

# A headline is one short line; a first line longer than this is already body.
MAX_TITLE_CHARS = 200


def split_title(text: str) -> tuple[str, str]:
    """(headline, body).  The first non-blank line is the headline when it is short,
    does not end a sentence with a full stop, and more text follows it."""
    stripped = text.lstrip("\ufeff \t\r\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if sep and rest.strip() and len(first) <= MAX_TITLE_CHARS and not first.endswith("."):
        return first, rest
    return "", stripped


def read_text_article(data: bytes, origin: str, doc_id: str) -> Document | Failure:
    try:
        decoded = decode_bytes(data)
    except DecodeError as err:
        return Failure(doc_id, "decode", str(err), origin, excerpt(data))
    title, body = split_title(decoded.text)
    raw = RawArticle(
        id=doc_id,
        body=body,
        title=title,
        format=Format.TEXT,
        origin=origin,
        encoding=decoded.encoding,
        content_hash=content_hash(data),
    )
    return build_document(raw)
