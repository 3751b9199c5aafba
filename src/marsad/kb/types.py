"""Result dataclasses of the knowledge-base API (see marsad.kb.api for the functions)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@dataclass
class Page(_Dict, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass
class ArticleSummary(_Dict):
    id: int
    doc_id: str
    title: str
    published: str | None
    source: str | None
    url: str | None
    story_id: int | None = None


@dataclass
class ArticleDetail(_Dict):
    article: ArticleSummary
    record: dict[str, Any]  # the extraction record (docs/extract-format.md)
    canonical_event_ids: list[int] = field(default_factory=list)  # aligned with record["events"]


@dataclass
class Highlight(_Dict):
    start: int  # offsets into the ORIGINAL article text (or title when field == "title")
    end: int
    text: str
    field: str = "text"


@dataclass
class SearchHit(_Dict):
    article: ArticleSummary
    score: float
    snippet: str  # a window of the original text
    snippet_start: int  # where `snippet` begins in the original text
    highlights: list[Highlight] = field(default_factory=list)


@dataclass
class SearchPage(_Dict):
    query: str
    terms: list[str]  # the analysed (normalised, clitic-stripped) query terms
    hits: list[SearchHit]
    total: int
    limit: int
    offset: int


@dataclass
class ActorSummary(_Dict):
    code: str
    type: str
    name_ar: str
    name_en: str
    mentions: int
    events: int


@dataclass
class ActorProfile(_Dict):
    actor: ActorSummary
    aliases: list[dict[str, Any]]  # {alias, count}
    roles: list[dict[str, Any]]  # {role, affiliation, count}
    counterparts: list[dict[str, Any]]  # {code, name, events}
    by_type: dict[str, int]
    by_quad: dict[str, int]
    by_month: list[dict[str, Any]]  # {month: YYYY-MM, types: {..}, quads: {..}, total}


@dataclass
class EventMention(_Dict):
    event_id: int  # the per-article event row
    article_id: int
    doc_id: str
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    start: int
    end: int
    evidence: str
    confidence: float


@dataclass
class CanonicalEvent(_Dict):
    id: int
    type: str
    cameo: str
    quad: str
    source: list[str]
    target: list[str]
    date: str | None
    location: str | None
    story_id: int | None
    confidence: float
    num_mentions: int
    num_articles: int
    num_sources: int
    mentions: list[EventMention] = field(default_factory=list)


@dataclass
class StorySummary(_Dict):
    id: int
    title: str
    first_date: str | None
    last_date: str | None
    num_articles: int
    num_sources: int
    sources: list[str] = field(default_factory=list)


@dataclass
class StoryDetail(_Dict):
    story: StorySummary
    articles: list[dict[str, Any]]  # ArticleSummary dicts + {link: seed|exact|near|topic, similarity}
    events: list[CanonicalEvent] = field(default_factory=list)


@dataclass
class RelatedArticle(_Dict):
    article: ArticleSummary
    score: float
    shared_actors: list[str]
    shared_events: int
    text_similarity: float
    same_story: bool


@dataclass
class Network(_Dict):
    nodes: list[dict[str, Any]]  # {code, name, type, events}
    edges: list[dict[str, Any]]  # {source, target, events, quads: {quad: n}}

