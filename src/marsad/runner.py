"""The local executor: inputs → readers → stages → SQLite, in batches.

Kept apart from the stages (as datatrove keeps executors apart from steps) so
that marsad.spark can run the same stage list on a cluster.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from marsad.model import Document
from marsad.pipeline import Failure, Stage, Stats, default_stages, process
from marsad.settings import Settings, current, use
from marsad.store.db import Store

DEFAULT_BATCH = 200


@dataclass
class RunSummary:
    read: int = 0
    stored: int = 0
    unchanged: int = 0  # already in the database (same content hash)
    failed: int = 0
    seconds: float = 0.0
    stats: Stats = field(default_factory=Stats)
    failures: list[Failure] = field(default_factory=list)  # the first few, for the console

    @property
    def exit_code(self) -> int:
        """0 all good, 3 partial failure (some inputs quarantined)."""
        return 3 if self.failed else 0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.stats.seconds.items()},
            "stage_failures": dict(self.stats.failures),
        }


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    inputs: Sequence[str],
    db: str | Path,
    *,
    stages: Sequence[Stage] | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_item: Callable[[Document | Failure], None] | None = None,
    keep_failures: int = 20,
    settings: Settings | None = None,
) -> RunSummary:
    """Read, process and store `inputs`; idempotent by content hash.

    `settings` (default: marsad.settings.current()) bounds each document's size and time.
    """
    from marsad.ingest import read_inputs

    stages = default_stages() if stages is None else stages
    settings = current() if settings is None else settings
    summary = RunSummary()
    t0 = time.perf_counter()
    started = datetime.now(timezone.utc).isoformat()
    with Store(db) as store, use(settings):
        for batch in _batched(read_inputs(list(inputs)), batch_size):
            out: list[Document | Failure] = []
            for item in batch:
                summary.read += 1
                if isinstance(item, Document):
                    if store.has_hash(item.content_hash):
                        summary.unchanged += 1
                        if on_item:
                            on_item(item)
                        continue
                    item = process(item, stages, summary.stats, settings.max_doc_seconds)
                if isinstance(item, Failure):
                    summary.failed += 1
                    if len(summary.failures) < keep_failures:
                        summary.failures.append(item)
                out.append(item)
                if on_item:
                    on_item(item)
            added, _ = store.write_batch(out)
            summary.stored += added
            summary.unchanged += sum(isinstance(i, Document) for i in out) - added
        summary.seconds = time.perf_counter() - t0
        store.record_run(started, datetime.now(timezone.utc).isoformat(), list(inputs), summary.as_dict())
    return summary


def extract(
    inputs: Sequence[str], stages: Sequence[Stage] | None = None, settings: Settings | None = None
) -> Iterator[Document | Failure]:
    """Documents with every layer filled (no database), in input order."""
    from marsad.ingest import read_inputs

    stages = default_stages() if stages is None else stages
    settings = current() if settings is None else settings
    with use(settings):
        for item in read_inputs(list(inputs)):
            yield item if isinstance(item, Failure) else process(item, stages, max_seconds=settings.max_doc_seconds)
