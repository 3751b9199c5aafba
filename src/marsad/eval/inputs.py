"""Reading gold/system JSONL, and turning gold articles into system records.

`--articles` mode builds a `Document` per article line and runs the standard
pipeline on it.  The ingest package's JSONL reader is used when it exists, so
that evaluation sees documents exactly as `marsad run` does; otherwise
`minimal_document` stands in (text kept as given, no cleaning).
"""
from __future__ import annotations

import json
import re
import time
from email.utils import parsedate_tz
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from marsad.eval.errors import EvalInputError
from marsad.model import Document
from marsad.pipeline import Failure, Stage, run

_ISO_DAY_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSONL file; blank lines skipped; errors name file and line."""
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise EvalInputError(f"{path}:{lineno}: invalid JSON ({err.msg})") from err
            if not isinstance(obj, dict):
                raise EvalInputError(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}")
            if "id" not in obj:
                raise EvalInputError(f"{path}:{lineno}: record has no 'id'")
            out.append(obj)
    return out


def minimal_document(record: dict[str, Any], origin: str = "") -> Document:
    """A Document from an article line, with the text kept byte-for-byte.

    The text is deliberately *not* cleaned: gold date texts and event evidence
    are substrings of the article as given.  `published` comes from the `date`
    field alone (see `published_day`); the raw field stays in metadata for the
    pipeline to resolve further (dateline, URL).
    """
    raw_date = record.get("date")
    return Document(
        id=str(record["id"]),
        text=str(record.get("text") or ""),
        title=str(record.get("title") or ""),
        published=published_day(raw_date) if isinstance(raw_date, str) else None,
        source=record.get("source"),
        url=record.get("url"),
        metadata={"date": raw_date, "origin": origin},
    )


def published_day(raw: str) -> str | None:
    """The calendar day of an ISO or RFC 822 timestamp, in the publisher's own zone.

    "2015-07-24 08:50:36" → "2015-07-24"; "Wed, 13 Jun 2018 00:50:07 +0400" →
    "2018-06-13" (not converted to UTC, as docs/extract-format.md requires).
    """
    m = _ISO_DAY_RE.match(raw)
    if m:
        return m.group(1)
    parsed = parsedate_tz(raw)
    if parsed is None:
        return None
    year, month, day = parsed[:3]
    if not (1 <= month <= 12 and 1 <= day <= 31 and year > 0):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def ingest_reader() -> Callable[[BinaryIO, str], Iterable[Document | Failure]] | None:
    """The project's JSONL reader (`marsad.ingest.jsonl.read_jsonl`) when it is installed.

    Using it makes evaluation see documents exactly as `marsad run` does: cleaned
    text, dateline and published date resolved by the ingest package.
    """
    try:
        mod = import_module("marsad.ingest.jsonl")
    except ModuleNotFoundError as err:
        if err.name not in ("marsad.ingest", "marsad.ingest.jsonl"):
            raise
        return None
    return getattr(mod, "read_jsonl", None)


@dataclass
class PipelineRun:
    records: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def run_articles(path: Path, stages: list[Stage] | None = None, use_ingest: bool = True) -> PipelineRun:
    """Run the pipeline over an articles JSONL; extraction records plus failures.

    Documents come from the ingest package's reader when available (and
    `use_ingest`), else from `minimal_document`.
    """
    reader = ingest_reader() if use_ingest else None
    result = PipelineRun()
    t0 = time.perf_counter()
    with path.open("rb") as stream:
        items = reader(stream, str(path)) if reader is not None else _minimal_documents(path)
        for item in run(items, stages):
            if isinstance(item, Failure):
                result.failures.append(item)
            else:
                result.records.append(item.to_record())
    result.seconds = time.perf_counter() - t0
    return result


def _minimal_documents(path: Path) -> Iterator[Document | Failure]:
    for n, rec in enumerate(read_jsonl(path), 1):
        try:
            yield minimal_document(rec, f"{path}#{n}")
        except (KeyError, TypeError, ValueError) as err:
            yield Failure(str(rec.get("id")), "read", f"{type(err).__name__}: {err}", f"{path}#{n}")
