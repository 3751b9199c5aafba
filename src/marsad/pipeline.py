"""Stages and the local runner.

A stage is a small, picklable callable `Document -> Document` that declares the
layers it `requires` and `provides`.  The same stage list runs here and on
Spark (marsad.spark): steps are apart from executors, as in datatrove.

The runner is a generator: documents stream through, each failure becomes a
`Failure` that names the document, the stage and the reason, and the batch goes
on.  Per-stage statistics (documents, failures, seconds) are kept in `Stats`.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import ClassVar, Iterable, Iterator, Sequence

from marsad.arabic.tokenize import sentences, tokenize
from marsad.limits import DocumentTimeout, time_limit, timeout_reason
from marsad.model import Document


@dataclass(slots=True)
class Failure:
    """An input that could not be processed, kept with its reason (never dropped)."""

    doc_id: str
    stage: str
    reason: str
    origin: str = ""  # file path, line or record where the input came from
    payload: str = ""  # a bounded excerpt of the raw input, for inspection

    def message(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}[{self.stage}] {self.doc_id}: {self.reason}"


class Stage:
    """Base class: subclasses set name/requires/provides and implement __call__."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class TextLayer(Stage):
    """Sentences and clitic-segmented tokens over the cleaned text."""

    name = "text"
    requires = ("text",)
    provides = ("sentences", "tokens")

    def __call__(self, doc: Document) -> Document:
        doc.sentences = sentences(doc.text)
        doc.tokens = tokenize(doc.text)
        return doc


class PipelineError(ValueError):
    """A stage list whose requirements are not met by earlier stages."""


def check_order(stages: Sequence[Stage]) -> None:
    have = {"text", "title", "published", "metadata"}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineError(f"stage {st.name!r} requires {missing}, which no earlier stage provides")
        have.update(st.provides)


def default_stages() -> list[Stage]:
    """The standard stage list, in order.  Later issues append their stages here."""
    stages: list[Stage] = [TextLayer()]
    for factory in _optional_stage_factories():
        stages.append(factory())
    check_order(stages)
    return stages


def _optional_stage_factories():
    # Imported lazily so that the foundation runs before every extraction stage exists,
    # and so that importing marsad.pipeline stays cheap.
    from importlib import import_module

    for module, cls in (
        ("marsad.stages.entities", "EntityStage"),
        ("marsad.stages.linking", "LinkingStage"),
        ("marsad.stages.dates", "DateStage"),
        ("marsad.stages.events", "EventStage"),
    ):
        try:
            mod = import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise
            continue
        yield getattr(mod, cls)


@dataclass
class Stats:
    docs_in: int = 0
    docs_out: int = 0
    failures: Counter = field(default_factory=Counter)  # stage -> count
    seconds: Counter = field(default_factory=Counter)  # stage -> total seconds

    def merge(self, other: "Stats") -> None:
        self.docs_in += other.docs_in
        self.docs_out += other.docs_out
        self.failures.update(other.failures)
        self.seconds.update(other.seconds)


def process(
    doc: Document, stages: Sequence[Stage], stats: Stats | None = None, max_seconds: float | None = None
) -> Document | Failure:
    """Run one document through the stages; a failing stage yields a Failure.

    `max_seconds` bounds the whole document (marsad.limits.time_limit: main thread,
    POSIX); a document over it becomes a Failure that names the limit and the stage.
    """
    current = stages[0].name if stages else ""
    try:
        with time_limit(max_seconds):
            for st in stages:
                current = st.name
                out = _run_stage(st, doc, stats)
                if isinstance(out, Failure):
                    return out
                doc = out
    except DocumentTimeout as err:
        if stats is not None:
            stats.failures[current] += 1
        return Failure(doc.id, current, timeout_reason(err.seconds, f"stage {current!r}"), doc.metadata.get("origin", ""))
    return doc


def _run_stage(st: Stage, doc: Document, stats: Stats | None) -> Document | Failure:
    t0 = time.perf_counter()
    try:
        return st(doc)
    except DocumentTimeout:
        raise  # handled once, for the whole document, by process()
    # The runner is the one fault-isolation boundary of the pipeline: whatever a
    # stage raises on one hostile document must not end the batch.  The error is
    # kept, with its type and the stage, in the quarantine.
    except Exception as err:  # noqa: BLE001
        if stats is not None:
            stats.failures[st.name] += 1
        return Failure(doc.id, st.name, f"{type(err).__name__}: {err}", doc.metadata.get("origin", ""))
    # RecursionError and MemoryError are Exceptions too; KeyboardInterrupt and
    # SystemExit are not, and must stop the run.
    finally:
        if stats is not None:
            stats.seconds[st.name] += time.perf_counter() - t0


def run(
    items: Iterable[Document | Failure],
    stages: Sequence[Stage] | None = None,
    stats: Stats | None = None,
    max_seconds: float | None = None,
) -> Iterator[Document | Failure]:
    """Stream documents (and upstream failures) through the stages."""
    stages = default_stages() if stages is None else stages
    stats = stats if stats is not None else Stats()
    for item in items:
        stats.docs_in += 1
        if isinstance(item, Failure):
            stats.failures[item.stage] += 1
            yield item
            continue
        out = process(item, stages, stats, max_seconds)
        if isinstance(out, Document):
            stats.docs_out += 1
        yield out
