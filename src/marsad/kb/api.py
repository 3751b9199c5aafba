"""The knowledge-base query API: what the CLI, the web UI and any HTTP layer call.

Every function takes an open `sqlite3.Connection` (from `marsad.store.db.connect`,
read-only is fine) and returns plain dataclasses (`.to_dict()` gives JSON-ready
dicts).  List functions page with `limit`/`offset` and return a `Page` with the
total count.  These signatures are stable:

    list_articles(conn, limit=20, offset=0, source=None) -> Page[ArticleSummary]
    get_article(conn, ref) -> ArticleDetail | None          # ref: db id, input id or hash prefix
    search(conn, q, actor=None, type=None, date_from=None, date_to=None, source=None,
           limit=20, offset=0) -> SearchPage               # hits: snippet + highlight offsets into ORIGINAL text
    list_actors(conn, limit=50, offset=0, q=None) -> Page[ActorSummary]
    actor_profile(conn, code) -> ActorProfile | None
    timeline(conn, a, b, limit=100, offset=0, min_articles=1) -> Page[CanonicalEvent]  # canonical events a<->b, date order
    list_events(conn, type=None, actor=None, date_from=None, date_to=None,
                limit=50, offset=0) -> Page[CanonicalEvent]
    get_event(conn, id) -> CanonicalEvent | None
    list_stories(conn, limit=20, offset=0, min_articles=1) -> Page[StorySummary]
    get_story(conn, id) -> StoryDetail | None
    related(conn, ref, limit=10) -> list[RelatedArticle]
    network(conn, min_events=1, limit=200) -> Network       # actor nodes, edges weighted by events, with quad classes
    stats(conn) -> dict                                     # corpus statistics

Dates are ISO strings (YYYY-MM-DD, or coarser); `date_from`/`date_to` are inclusive.
"""
from __future__ import annotations

from marsad.kb.types import (  # noqa: F401  (re-exported: the result types)
    Page,
    ArticleSummary,
    ArticleDetail,
    Highlight,
    SearchHit,
    SearchPage,
    ActorSummary,
    ActorProfile,
    EventMention,
    CanonicalEvent,
    StorySummary,
    StoryDetail,
    RelatedArticle,
    Network,
)
from marsad.kb._queries import (  # the implementations, kept apart from the contract
    actor_profile,
    get_article,
    get_event,
    get_story,
    list_actors,
    list_articles,
    list_events,
    list_stories,
    network,
    related,
    stats,
    timeline,
)
from marsad.kb.search import search

__all__ = [
    "Page", "ArticleSummary", "ArticleDetail", "Highlight", "SearchHit", "SearchPage", "ActorSummary",
    "ActorProfile", "EventMention", "CanonicalEvent", "StorySummary", "StoryDetail", "RelatedArticle", "Network",
    "list_articles", "get_article", "search", "list_actors", "actor_profile", "timeline", "list_events",
    "get_event", "list_stories", "get_story", "related", "network", "stats",
]
