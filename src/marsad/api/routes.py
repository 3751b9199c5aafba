"""The JSON API under /api/: thin handlers over marsad.kb.api, paged everywhere.

Every list takes `limit` (capped at MAX_LIMIT) and `offset`; free-text inputs
are length-capped; dates are ISO prefixes (YYYY, YYYY-MM or YYYY-MM-DD).
"""
from __future__ import annotations

import csv
import io
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from marsad.api.deps import get_conn
from marsad.api.geo import ActorPlaces, actor_places
from marsad.kb import api as kb
from marsad.kb.types import (
    ActorProfile, ActorSummary, ArticleDetail, ArticleSummary, CanonicalEvent, Network, Page, RelatedArticle,
    SearchPage, StoryDetail, StorySummary,
)

MAX_LIMIT = 200
MAX_CSV_ROWS = 5000
MAX_OFFSET = 1_000_000
MAX_QUERY = 200
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

router = APIRouter(prefix="/api")
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Number of items to skip.")]
Code = Annotated[str | None, Query(max_length=64, description="Actor code (e.g. QAT, NATO).")]
EventType = Annotated[str | None, Query(max_length=32, description="PLOVER event type (e.g. AGREE).")]
DateFrom = Annotated[str | None, Query(pattern=DATE_PATTERN, description="On or after (ISO date or prefix).")]
DateTo = Annotated[str | None, Query(pattern=DATE_PATTERN, description="On or before (ISO date or prefix).")]
Outlet = Annotated[str | None, Query(max_length=MAX_QUERY, description="Outlet (source) name.")]
NOT_FOUND = {404: {"description": "No such record (JSON error body)."}}

CSV_COLUMNS = ("id", "date", "type", "cameo", "quad", "source", "target", "location", "story_id", "confidence",
               "num_mentions", "num_articles", "num_sources", "first_doc_id", "first_outlet", "first_url", "evidence")


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no {what}")
    return value


@router.get("/stats", summary="Corpus statistics", tags=["corpus"])
def stats(conn: Conn) -> dict[str, Any]:
    """Counts of articles, outlets, stories, events and actors, and the date range."""
    return kb.stats(conn)


@router.get("/articles", summary="List articles (newest first)", tags=["articles"], response_model=Page[ArticleSummary])
def list_articles(conn: Conn, limit: Limit = 20, offset: Offset = 0, source: Outlet = None):
    return kb.list_articles(conn, limit=limit, offset=offset, source=source)


Ref = Annotated[str, Path(max_length=100, description="Database id, input id or content-hash prefix.")]


@router.get("/articles/{ref}", summary="One article with its spans", tags=["articles"], response_model=ArticleDetail,
            responses=NOT_FOUND)
def get_article(conn: Conn, ref: Ref):
    """The article's extraction record (entities, dates, events with offsets into its text)."""
    return _found(kb.get_article(conn, ref), "article")


@router.get("/articles/{ref}/related", summary="Related articles", tags=["articles"],
            response_model=Page[RelatedArticle], responses=NOT_FOUND)
def related(conn: Conn, ref: Ref, limit: Limit = 10, offset: Offset = 0):
    """Articles sharing the story, events, actors and vocabulary, best first."""
    _found(kb.get_article(conn, ref), "article")
    # The KB ranks in one pass; page over the ranked list (bounded by MAX_LIMIT + offset).
    items = kb.related(conn, ref, limit=min(offset + limit, MAX_LIMIT + offset))
    return Page(items[offset:offset + limit], len(items), limit, offset)


@router.get("/search", summary="Arabic full-text search", tags=["search"], response_model=SearchPage)
def search(conn: Conn, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="Words; \"quoted\" is a phrase.")],
           actor: Code = None, type: EventType = None, date_from: DateFrom = None, date_to: DateTo = None,
           source: Outlet = None, limit: Limit = 20, offset: Offset = 0):
    """Clitic- and plural-insensitive search; snippets and highlights index the original text."""
    return kb.search(conn, q, actor=actor, type=type, date_from=date_from, date_to=date_to, source=source,
                     limit=limit, offset=offset)


@router.get("/actors", summary="List actors", tags=["actors"], response_model=Page[ActorSummary])
def list_actors(conn: Conn, q: Annotated[str | None, Query(max_length=MAX_QUERY, description="Code or name filter.")] = None,
                limit: Limit = 50, offset: Offset = 0):
    return kb.list_actors(conn, limit=limit, offset=offset, q=q)


ActorCode = Annotated[str, Path(max_length=64, description="Actor code.")]


@router.get("/actors/{code}", summary="Actor profile", tags=["actors"], response_model=ActorProfile, responses=NOT_FOUND)
def actor_profile(conn: Conn, code: ActorCode):
    """Names, roles and affiliations, counterparts, event counts by type, quad class and month."""
    return _found(kb.actor_profile(conn, code), "actor")


@router.get("/actors/{code}/places", summary="Where an actor's events happened", tags=["actors"],
            response_model=ActorPlaces, responses=NOT_FOUND)
def places(conn: Conn, code: ActorCode):
    """Map points (places with known coordinates) and countries of the actor's event locations."""
    _found(kb.actor_profile(conn, code), "actor")
    return actor_places(conn, code)


@router.get("/timeline/{a}/{b}", summary="Events between two actors", tags=["events"], response_model=Page[CanonicalEvent])
def timeline(conn: Conn, a: ActorCode, b: ActorCode, limit: Limit = 100, offset: Offset = 0):
    """Canonical events involving both actors (either direction) in event-date order, with evidence."""
    return kb.timeline(conn, a, b, limit=limit, offset=offset)


@router.get("/events", summary="List events", tags=["events"], response_model=Page[CanonicalEvent])
def list_events(conn: Conn, type: EventType = None, actor: Code = None, date_from: DateFrom = None,
                date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0):
    return kb.list_events(conn, type=type, actor=actor, date_from=date_from, date_to=date_to, limit=limit, offset=offset)


@router.get("/events.csv", summary="Events as CSV", tags=["events"],
            responses={200: {"content": {"text/csv": {}}, "description": "One row per canonical event."}})
def events_csv(conn: Conn, type: EventType = None, actor: Code = None, date_from: DateFrom = None,
               date_to: DateTo = None,
               limit: Annotated[int, Query(ge=1, le=MAX_CSV_ROWS, description=f"Rows (at most {MAX_CSV_ROWS}).")] = 1000,
               offset: Offset = 0) -> Response:
    """The same filters as /api/events, as a CSV download."""
    rows, done = [], 0
    while done < limit:  # the KB pages at MAX_LIMIT-sized chunks here to bound memory per query
        page = kb.list_events(conn, type=type, actor=actor, date_from=date_from, date_to=date_to,
                              limit=min(MAX_LIMIT, limit - done), offset=offset + done)
        rows.extend(page.items)
        done += len(page.items)
        if len(page.items) == 0 or offset + done >= page.total:
            break
    return Response(events_to_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="marsad-events.csv"'})


@router.get("/events/{id}", summary="One event", tags=["events"], response_model=CanonicalEvent, responses=NOT_FOUND)
def get_event(conn: Conn, id: Annotated[int, Path(ge=1, le=2**62)]):
    return _found(kb.get_event(conn, id), "event")


@router.get("/stories", summary="List stories (largest first)", tags=["stories"], response_model=Page[StorySummary])
def list_stories(conn: Conn, min_articles: Annotated[int, Query(ge=1, le=10_000)] = 1, limit: Limit = 20,
                 offset: Offset = 0):
    return kb.list_stories(conn, limit=limit, offset=offset, min_articles=min_articles)


@router.get("/stories/{id}", summary="One story", tags=["stories"], response_model=StoryDetail, responses=NOT_FOUND)
def get_story(conn: Conn, id: Annotated[int, Path(ge=1, le=2**62)]):
    """The story's articles (and how each joined it) and its canonical events."""
    return _found(kb.get_story(conn, id), "story")


@router.get("/network", summary="Actor network", tags=["events"], response_model=Network)
def network(conn: Conn, min_events: Annotated[int, Query(ge=1, le=100_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=500, description="Edges (at most 500).")] = 200, offset: Offset = 0):
    """Directed source → target edges weighted by event counts, with counts per quad class."""
    net = kb.network(conn, min_events=min_events, limit=offset + limit)
    edges = net.edges[offset:offset + limit]
    used = {e["source"] for e in edges} | {e["target"] for e in edges}
    return Network([n for n in net.nodes if n["code"] in used], edges)


# -- CSV ------------------------------
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Defuse spreadsheet formulas in text cells (article text is untrusted)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def event_row(e: CanonicalEvent) -> list[Any]:
    first = e.mentions[0] if e.mentions else None
    values = {
        "id": e.id, "date": e.date, "type": e.type, "cameo": e.cameo, "quad": e.quad,
        "source": ";".join(e.source), "target": ";".join(e.target), "location": e.location, "story_id": e.story_id,
        "confidence": round(e.confidence, 3), "num_mentions": e.num_mentions, "num_articles": e.num_articles,
        "num_sources": e.num_sources, "first_doc_id": first.doc_id if first else None,
        "first_outlet": first.outlet if first else None, "first_url": first.url if first else None,
        "evidence": first.evidence if first else None,
    }
    return [_cell(values[c]) for c in CSV_COLUMNS]


def events_to_csv(events: list[CanonicalEvent]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for e in events:
        w.writerow(event_row(e))
    return "\ufeff" + buf.getvalue()  # BOM: spreadsheet programs then read the Arabic as UTF-8
