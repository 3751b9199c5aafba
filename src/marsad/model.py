"""The document model: one `Document` is the single source of truth for an article.

Every span is a half-open range of code points into `Document.text`, and
`text[start:end] == span.text` always holds.  `text` is fixed once cleaning has
run; later stages only add span layers.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable


class SpanError(ValueError):
    """A span whose offsets do not index its own text in the document."""


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str

    def check(self, doc_text: str) -> None:
        if not (0 <= self.start <= self.end <= len(doc_text)):
            raise SpanError(f"span [{self.start},{self.end}) outside text of length {len(doc_text)}")
        if doc_text[self.start:self.end] != self.text:
            raise SpanError(
                f"span [{self.start},{self.end}) is {doc_text[self.start:self.end]!r}, not {self.text!r}"
            )

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Sentence(Span):
    pass


@dataclass(slots=True)
class Token(Span):
    """A whitespace/punctuation token with its clitic segmentation.

    `base_start` is where the word begins once conjunction/preposition proclitics
    (و ف ب ل ك س) are removed; `stem_start` also skips the article ال.  Both are
    absolute offsets into the document, so `text[base_start - start:]` is the
    clitic-free form that the gold guidelines write ("الناتو" for "والناتو").
    `norm` is the normalised form of the whole token (see marsad.arabic.normalize).
    """

    kind: str = "word"  # word | number | punct | latin
    norm: str = ""
    base_start: int = -1
    stem_start: int = -1

    def __post_init__(self) -> None:
        if self.base_start < 0:
            self.base_start = self.start
        if self.stem_start < 0:
            self.stem_start = self.base_start


@dataclass(slots=True)
class Entity(Span):
    type: str = "ORG"  # PER | ORG | GPE | LOC | FAC
    actor: str | None = None
    role: str | None = None
    affiliation: str | None = None
    source: str = ""  # which recogniser produced it (gazetteer, crf, rule, coref)
    confidence: float = 1.0


@dataclass(slots=True)
class DateMention(Span):
    value: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY | None
    calendar: str = "gregorian"  # gregorian | hijri | relative
    kind: str = "date"


@dataclass(slots=True)
class Event:
    type: str
    cameo: str
    source: list[str]
    target: list[str]
    start: int  # evidence span
    end: int
    text: str = ""
    date: str | None = None
    location: str | None = None
    confidence: float = 0.5
    trigger_start: int = -1
    trigger_end: int = -1
    trigger: str = ""
    quad: str = ""
    date_source: str = ""  # text | published | none

    def check(self, doc_text: str) -> None:
        Span.check(self, doc_text)  # type: ignore[arg-type]
        if self.trigger_start >= 0:
            Span(self.trigger_start, self.trigger_end, self.trigger).check(doc_text)

    to_dict = Span.to_dict
    from_dict = classmethod(Span.from_dict.__func__)  # type: ignore[attr-defined]


LAYERS: dict[str, type] = {
    "sentences": Sentence,
    "tokens": Token,
    "entities": Entity,
    "dates": DateMention,
    "events": Event,
}


@dataclass
class Document:
    id: str
    text: str
    title: str = ""
    published: str | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    SCALARS: ClassVar[tuple[str, ...]] = ("id", "title", "text", "published", "source", "url", "metadata")

    # -- integrity ------------------------------
    def check(self) -> None:
        """Raise SpanError unless every span of every layer indexes `text` exactly."""
        for layer in LAYERS:
            for span in getattr(self, layer):
                span.check(self.text)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    @property
    def content_hash(self) -> str:
        """Identity of the cleaned content: same title and text → same hash."""
        h = hashlib.sha256()
        h.update(self.title.encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    # -- serialisation ------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {name: getattr(self, name) for name in self.SCALARS}
        for layer in LAYERS:
            d[layer] = [s.to_dict() for s in getattr(self, layer)]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        kwargs = {name: d[name] for name in cls.SCALARS if name in d}
        kwargs.setdefault("metadata", {})
        doc = cls(**kwargs)
        for layer, klass in LAYERS.items():
            setattr(doc, layer, [klass.from_dict(s) for s in d.get(layer, [])])
        return doc

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> "Document":
        return cls.from_dict(json.loads(s))

    def to_record(self) -> dict[str, Any]:
        """The extraction record of docs/extract-format.md (a stable contract: add fields only)."""
        ents = []
        for e in self.entities:
            item = {"start": e.start, "end": e.end, "text": e.text, "type": e.type, "actor": e.actor}
            if e.role or e.affiliation:
                item["role"] = e.role
                item["affiliation"] = e.affiliation
            ents.append(item)
        events = []
        for ev in self.events:
            events.append(
                {
                    "type": ev.type,
                    "cameo": ev.cameo,
                    "source": list(ev.source),
                    "target": list(ev.target),
                    "date": ev.date,
                    "location": ev.location,
                    "start": ev.start,
                    "end": ev.end,
                    "confidence": round(ev.confidence, 3),
                    "quad": ev.quad,
                    "trigger": {"start": ev.trigger_start, "end": ev.trigger_end, "text": ev.trigger}
                    if ev.trigger_start >= 0
                    else None,
                    "evidence": ev.text,
                }
            )
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "text": self.text,
            "entities": ents,
            "dates": [
                {"start": d.start, "end": d.end, "text": d.text, "value": d.value} for d in self.dates
            ],
            "events": events,
            "metadata": self.metadata,
        }


def check_all(docs: Iterable[Document]) -> None:
    for d in docs:
        d.check()
