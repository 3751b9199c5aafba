"""Server-rendered pages of the Arabic web UI (Jinja2, autoescaped; charts load JSON from /api/).

Pages that htmx updates in place (search, events) render only their results
fragment when the request carries the `HX-Request` header.
"""
from __future__ import annotations

import re
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from marsad.api.deps import get_conn
from marsad.api.routes import DATE_PATTERN, MAX_OFFSET, MAX_QUERY
from marsad.kb import api as kb
from marsad.kb.types import SearchHit
from marsad.web.highlight import hit_marks, record_marks, render

router = APIRouter(include_in_schema=False)  # HTML pages: the API schema documents /api/ only
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
Code = Annotated[str | None, Query(max_length=64)]
Date = Annotated[str | None, Query(pattern=DATE_PATTERN)]
PAGE = 20


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _blank(value: str | None) -> str | None:
    """Empty form fields arrive as "" and mean "no filter"."""
    return value.strip() or None if value is not None else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Conn):
    return _page(request, "home.html", {
        "stats": kb.stats(conn),
        "stories": kb.list_stories(conn, limit=8, offset=0, min_articles=1),
        "articles": kb.list_articles(conn, limit=8, offset=0),
        "nav": "home",
    })


def _hit_view(hit: SearchHit) -> dict[str, Any]:
    """A hit's title and snippet as safe HTML with the matched words marked."""
    text_spans = [(h.start, h.end) for h in hit.highlights if h.field == "text"]
    title_spans = [(h.start, h.end) for h in hit.highlights if h.field == "title"]
    return {
        "hit": hit,
        "title_html": render(hit.article.title or "", hit_marks(title_spans)),
        "snippet_html": render(hit.snippet, hit_marks(text_spans, base=hit.snippet_start)),
        "leading": hit.snippet_start > 0,
    }


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, q: Text = None, actor: Code = None, type: Code = None,
           date_from: Text = None, date_to: Text = None, source: Text = None, offset: Offset = 0):
    q, actor, type, source = _blank(q), _blank(actor), _blank(type), _blank(source)
    date_from, date_to = _valid_date(date_from), _valid_date(date_to)
    result = None
    if q:
        result = kb.search(conn, q, actor=actor, type=type, date_from=date_from, date_to=date_to, source=source,
                           limit=PAGE, offset=offset)
    filters = {"q": q, "actor": actor, "type": type, "date_from": date_from, "date_to": date_to, "source": source}
    context = {
        "result": result,
        "hits": [_hit_view(h) for h in result.hits] if result else [],
        "filters": filters,
        "stats": kb.stats(conn) if not _is_htmx(request) else None,
        "nav": "search",
    }
    return _page(request, "_search_results.html" if _is_htmx(request) else "search.html", context)


def _valid_date(value: str | None) -> str | None:
    """Form dates: blank means none; anything not an ISO prefix is a client error."""
    value = _blank(value)
    if value is not None and not re.match(DATE_PATTERN, value):
        raise HTTPException(422, "dates must be YYYY, YYYY-MM or YYYY-MM-DD")
    return value


@router.get("/article/{ref}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, ref: Annotated[str, Path(max_length=100)]):
    detail = kb.get_article(conn, ref)
    if detail is None:
        raise HTTPException(404, "no such article")
    record = detail.record
    events = [{**ev, "canonical_id": cid} for ev, cid in
              zip(record.get("events", []), detail.canonical_event_ids + [None] * len(record.get("events", [])))]
    removed = (record.get("metadata") or {}).get("removed") or []
    return _page(request, "article.html", {
        "a": detail.article,
        "record": record,
        "text_html": render(record["text"], record_marks(record)),
        "events": events,
        "entities": _entity_summary(record.get("entities", [])),
        "removed": [r for r in removed if isinstance(r, dict)],
        "related": kb.related(conn, str(detail.article.id), limit=8),
        "nav": "",
    })


def _entity_summary(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (actor or surface, type) with a count, most frequent first."""
    rows: dict[tuple, dict[str, Any]] = {}
    for e in entities:
        key = (e.get("actor") or e["text"], e.get("type"))
        row = rows.setdefault(key, {"text": e["text"], "actor": e.get("actor"), "type": e.get("type"),
                                    "role": e.get("role"), "count": 0})
        row["count"] += 1
    return sorted(rows.values(), key=lambda r: (-r["count"], r["text"]))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, conn: Conn, q: Text = None, offset: Offset = 0):
    q = _blank(q)
    return _page(request, "actors.html", {"page": kb.list_actors(conn, limit=50, offset=offset, q=q), "q": q,
                                          "nav": "actors"})


@router.get("/actor/{code}", response_class=HTMLResponse)
def actor(request: Request, conn: Conn, code: Annotated[str, Path(max_length=64)]):
    profile = kb.actor_profile(conn, code)
    if profile is None:
        raise HTTPException(404, "no such actor")
    recent = kb.list_events(conn, actor=code, limit=10, offset=max(0, _event_total(conn, code) - 10))
    return _page(request, "actor.html", {"p": profile, "recent": recent, "nav": "actors"})


def _event_total(conn: sqlite3.Connection, code: str) -> int:
    return kb.list_events(conn, actor=code, limit=0, offset=0).total


@router.get("/timeline/{a}/{b}", response_class=HTMLResponse)
def timeline(request: Request, conn: Conn, a: Annotated[str, Path(max_length=64)],
             b: Annotated[str, Path(max_length=64)], offset: Offset = 0):
    page = kb.timeline(conn, a, b, limit=100, offset=offset)
    names = {}
    for code in (a, b):
        prof = kb.actor_profile(conn, code)
        names[code] = prof.actor.name_ar if prof else code
    years: dict[str, list] = {}
    for e in page.items:
        years.setdefault((e.date or "")[:4] or "—", []).append(e)
    return _page(request, "timeline.html", {"a": a, "b": b, "names": names, "page": page, "years": years,
                                            "nav": "events"})


@router.get("/network", response_class=HTMLResponse)
def network(request: Request):
    return _page(request, "network.html", {"nav": "network"})


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, conn: Conn, type: Code = None, actor: Code = None, date_from: Text = None,
           date_to: Text = None, offset: Offset = 0):
    type, actor = _blank(type), _blank(actor)
    date_from, date_to = _valid_date(date_from), _valid_date(date_to)
    page = kb.list_events(conn, type=type, actor=actor, date_from=date_from, date_to=date_to, limit=50, offset=offset)
    filters = {"type": type, "actor": actor, "date_from": date_from, "date_to": date_to}
    context = {"page": page, "filters": filters, "types": sorted(kb.stats(conn)["events_by_type"]), "nav": "events"}
    return _page(request, "_events_table.html" if _is_htmx(request) else "events.html", context)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, conn: Conn, offset: Offset = 0):
    return _page(request, "stories.html", {"page": kb.list_stories(conn, limit=PAGE, offset=offset), "nav": "stories"})


@router.get("/story/{id}", response_class=HTMLResponse)
def story(request: Request, conn: Conn, id: Annotated[int, Path(ge=1, le=2**62)]):
    detail = kb.get_story(conn, id)
    if detail is None:
        raise HTTPException(404, "no such story")
    return _page(request, "story.html", {"s": detail, "nav": "stories"})

