"""Implementations of the read API (see marsad.kb.api for the contract)."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict

from marsad.kb.db_util import date_upper_bound, marks, one, rows, scalar
from marsad.kb.signatures import from_blob, jaccard
from marsad.kb.types import (
    ActorProfile, ActorSummary, ArticleDetail, ArticleSummary, CanonicalEvent, EventMention, Network, Page,
    RelatedArticle, StoryDetail, StorySummary,
)
from marsad.store.queries import article_row, load_document

_ARTICLE_COLS = "a.id, a.doc_id, a.title, a.published, a.source, a.url, k.story_id"


def _summary(r: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(r["id"], r["doc_id"], r["title"], r["published"], r["source"], r["url"], r["story_id"])


def _clamp(limit: int, offset: int, most: int = 1000) -> tuple[int, int]:
    return max(0, min(int(limit), most)), max(0, int(offset))


# -- articles ------------------------------
def list_articles(conn: sqlite3.Connection, limit: int = 20, offset: int = 0, source: str | None = None) -> Page[ArticleSummary]:
    limit, offset = _clamp(limit, offset)
    cond, args = ("WHERE a.source = ?", [source]) if source else ("", [])
    total = scalar(conn, f"SELECT count(*) FROM articles a {cond}", args)
    rs = rows(conn, f"SELECT {_ARTICLE_COLS} FROM articles a LEFT JOIN article_kb k ON k.article_id = a.id {cond}"
                    f" ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?", [*args, limit, offset])
    return Page([_summary(r) for r in rs], total, limit, offset)


def get_article(conn: sqlite3.Connection, ref: str) -> ArticleDetail | None:
    row = article_row(conn, str(ref))
    if row is None:
        return None
    aid = row["id"]
    doc = load_document(conn, str(aid))
    assert doc is not None
    r = one(conn, f"SELECT {_ARTICLE_COLS} FROM articles a LEFT JOIN article_kb k ON k.article_id = a.id WHERE a.id = ?", [aid])
    cids = [x[0] for x in conn.execute(
        "SELECT m.canonical_id FROM events e LEFT JOIN event_mentions m ON m.event_id = e.id"
        " WHERE e.article_id = ? ORDER BY e.start, e.id", (aid,))]
    return ArticleDetail(_summary(r), doc.to_record(), cids)


# -- events ------------------------------
def _mentions(conn: sqlite3.Connection, cids: list[int]) -> dict[int, list[EventMention]]:
    out: dict[int, list[EventMention]] = defaultdict(list)
    if not cids:
        return out
    for r in rows(conn, f"""
        SELECT m.canonical_id, e.id, e.article_id, e.start, e.end, e.evidence, e.confidence,
               a.doc_id, a.title, a.source, a.url, a.published
        FROM event_mentions m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id
        WHERE m.canonical_id IN ({marks(len(cids))}) ORDER BY a.published, e.id""", cids):
        out[r["canonical_id"]].append(EventMention(
            r["id"], r["article_id"], r["doc_id"], r["title"], r["source"], r["url"], r["published"],
            r["start"], r["end"], r["evidence"], r["confidence"]))
    return out


def _canonical(r: sqlite3.Row, mentions: list[EventMention]) -> CanonicalEvent:
    return CanonicalEvent(
        r["id"], r["type"], r["cameo"], r["quad"], json.loads(r["source"]), json.loads(r["target"]), r["date"],
        r["location"], r["story_id"], r["confidence"], r["num_mentions"], r["num_articles"], r["num_sources"], mentions)


def _events_page(conn, where: list[str], args: list, limit: int, offset: int, with_mentions: bool = True) -> Page[CanonicalEvent]:
    limit, offset = _clamp(limit, offset)
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    total = scalar(conn, f"SELECT count(*) FROM canonical_events c {cond}", args)
    rs = rows(conn, f"SELECT c.* FROM canonical_events c {cond} ORDER BY c.sort_date, c.id LIMIT ? OFFSET ?",
              [*args, limit, offset])
    ments = _mentions(conn, [r["id"] for r in rs]) if with_mentions else {}
    return Page([_canonical(r, ments.get(r["id"], [])) for r in rs], total, limit, offset)


def timeline(conn: sqlite3.Connection, a: str, b: str, limit: int = 100, offset: int = 0,
             min_articles: int = 1) -> Page[CanonicalEvent]:
    """Canonical events involving both actors (either direction), in date order; undated last.

    `min_articles` > 1 keeps only events reported by several articles (less extraction noise)."""
    where = ["c.id IN (SELECT canonical_id FROM canonical_actors WHERE actor = ?)",
             "c.id IN (SELECT canonical_id FROM canonical_actors WHERE actor = ?)", "c.num_articles >= ?"]
    return _events_page(conn, where, [a, b, int(min_articles)], limit, offset)


def list_events(conn: sqlite3.Connection, type: str | None = None, actor: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                limit: int = 50, offset: int = 0) -> Page[CanonicalEvent]:
    where: list[str] = []
    args: list = []
    if type:
        where.append("c.type = ?")
        args.append(type)
    if actor:
        where.append("c.id IN (SELECT canonical_id FROM canonical_actors WHERE actor = ?)")
        args.append(actor)
    if date_from:
        where.append("c.date >= ?")
        args.append(date_from)
    if date_to:
        where.append("c.date <= ?")
        args.append(date_upper_bound(date_to))
    return _events_page(conn, where, args, limit, offset)


def get_event(conn: sqlite3.Connection, id: int) -> CanonicalEvent | None:
    page = _events_page(conn, ["c.id = ?"], [int(id)], 1, 0)
    return page.items[0] if page.items else None


# -- actors ------------------------------
def _actor(r: sqlite3.Row) -> ActorSummary:
    return ActorSummary(r["code"], r["type"], r["name_ar"], r["name_en"], r["mentions"], r["events"])


def list_actors(conn: sqlite3.Connection, limit: int = 50, offset: int = 0, q: str | None = None) -> Page[ActorSummary]:
    limit, offset = _clamp(limit, offset)
    cond, args = "", []
    if q:
        like = f"%{q.strip()}%"
        cond = ("WHERE code LIKE ? OR name_ar LIKE ? OR name_en LIKE ?"
                " OR code IN (SELECT code FROM actor_aliases WHERE alias LIKE ?)")
        args = [q.strip().upper() + "%", like, like, like]
    total = scalar(conn, f"SELECT count(*) FROM actors {cond}", args)
    rs = rows(conn, f"SELECT * FROM actors {cond} ORDER BY mentions + events DESC, code LIMIT ? OFFSET ?",
              [*args, limit, offset])
    return Page([_actor(r) for r in rs], total, limit, offset)


def actor_profile(conn: sqlite3.Connection, code: str) -> ActorProfile | None:
    r = one(conn, "SELECT * FROM actors WHERE code = ?", [code])
    if r is None:
        n = scalar(conn, "SELECT count(*) FROM canonical_actors WHERE actor = ?", [code])
        if not n:
            return None
        actor = ActorSummary(code, "", code, "", 0, n)
    else:
        actor = _actor(r)
    aliases = [{"alias": x["alias"], "count": x["count"]} for x in rows(
        conn, "SELECT alias, count FROM actor_aliases WHERE code = ? ORDER BY count DESC, alias LIMIT 20", [code])]
    roles = [dict(x) for x in rows(
        conn, "SELECT role, affiliation, count FROM actor_roles WHERE code = ? ORDER BY count DESC LIMIT 20", [code])]
    counterparts = [{"code": x["actor"], "name": x["name_ar"] or x["actor"], "events": x["n"]} for x in rows(conn, """
        SELECT o.actor, coalesce(ac.name_ar, '') AS name_ar, count(DISTINCT o.canonical_id) AS n
        FROM canonical_actors me JOIN canonical_actors o ON o.canonical_id = me.canonical_id AND o.actor != me.actor
        LEFT JOIN actors ac ON ac.code = o.actor
        WHERE me.actor = ? GROUP BY o.actor ORDER BY n DESC, o.actor LIMIT 25""", [code])]
    by_type: Counter[str] = Counter()
    by_quad: Counter[str] = Counter()
    months: dict[str, dict] = {}
    for x in rows(conn, """
        SELECT c.type, c.quad, substr(coalesce(c.date, a.published), 1, 7) AS month
        FROM canonical_events c LEFT JOIN articles a ON a.id = c.first_article_id
        WHERE c.id IN (SELECT canonical_id FROM canonical_actors WHERE actor = ?)""", [code]):
        by_type[x["type"]] += 1
        by_quad[x["quad"] or "?"] += 1
        m = months.setdefault(x["month"] or "undated", {"month": x["month"] or "undated", "types": Counter(),
                                                        "quads": Counter(), "total": 0})
        m["types"][x["type"]] += 1
        m["quads"][x["quad"] or "?"] += 1
        m["total"] += 1
    by_month = [{**m, "types": dict(m["types"]), "quads": dict(m["quads"])} for _, m in sorted(months.items())]
    return ActorProfile(actor, aliases, roles, counterparts, dict(by_type), dict(by_quad), by_month)


# -- stories ------------------------------
def _story(r: sqlite3.Row, sources: list[str]) -> StorySummary:
    return StorySummary(r["id"], r["title"], r["first_date"], r["last_date"], r["num_articles"], r["num_sources"], sources)


def _story_sources(conn, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    if ids:
        for x in conn.execute(f"""SELECT DISTINCT k.story_id, a.source FROM article_kb k JOIN articles a ON a.id = k.article_id
                                  WHERE k.story_id IN ({marks(len(ids))}) ORDER BY a.source""", ids):
            out[x[0]].append(x[1] or "")
    return out


def list_stories(conn: sqlite3.Connection, limit: int = 20, offset: int = 0, min_articles: int = 1) -> Page[StorySummary]:
    limit, offset = _clamp(limit, offset)
    total = scalar(conn, "SELECT count(*) FROM stories WHERE num_articles >= ?", [min_articles])
    rs = rows(conn, "SELECT * FROM stories WHERE num_articles >= ? ORDER BY num_articles DESC, last_date DESC, id"
                    " LIMIT ? OFFSET ?", [min_articles, limit, offset])
    srcs = _story_sources(conn, [r["id"] for r in rs])
    return Page([_story(r, srcs.get(r["id"], [])) for r in rs], total, limit, offset)


def get_story(conn: sqlite3.Connection, id: int) -> StoryDetail | None:
    r = one(conn, "SELECT * FROM stories WHERE id = ?", [int(id)])
    if r is None:
        return None
    arts = [{**_summary(x).to_dict(), "link": x["link"], "linked_to": x["linked_to"], "similarity": x["similarity"]}
            for x in rows(conn, f"SELECT {_ARTICLE_COLS}, k.link, k.linked_to, k.similarity FROM article_kb k"
                                f" JOIN articles a ON a.id = k.article_id WHERE k.story_id = ? ORDER BY a.published, a.id", [r["id"]])]
    events = _events_page(conn, ["c.story_id = ?"], [r["id"]], 200, 0).items
    return StoryDetail(_story(r, _story_sources(conn, [r["id"]]).get(r["id"], [])), arts, events)


# -- related ------------------------------
def related(conn: sqlite3.Connection, ref: str, limit: int = 10) -> list[RelatedArticle]:
    """Articles sharing the story, canonical events, actors and vocabulary with `ref`, best first."""
    row = article_row(conn, str(ref))
    if row is None:
        return []
    aid = row["id"]
    me = one(conn, "SELECT story_id, topic, day FROM article_kb WHERE article_id = ?", [aid])
    my_actors = {x[0] for x in conn.execute("SELECT DISTINCT actor FROM mentions WHERE article_id = ? AND actor IS NOT NULL", (aid,))}
    my_events = {x[0] for x in conn.execute(
        "SELECT m.canonical_id FROM events e JOIN event_mentions m ON m.event_id = e.id WHERE e.article_id = ?", (aid,))}
    cands: set[int] = set()
    if me is not None:
        cands |= {x[0] for x in conn.execute("SELECT article_id FROM article_kb WHERE story_id = ? LIMIT 500", (me["story_id"],))}
    if my_events:
        cands |= {x[0] for x in conn.execute(
            f"SELECT DISTINCT e.article_id FROM event_mentions m JOIN events e ON e.id = m.event_id"
            f" WHERE m.canonical_id IN ({marks(len(my_events))}) LIMIT 500", list(my_events))}
    if my_actors and me is not None and me["day"]:
        cands |= {x[0] for x in conn.execute(f"""
            SELECT m.article_id FROM mentions m JOIN article_kb k ON k.article_id = m.article_id
            WHERE m.actor IN ({marks(len(my_actors))}) AND k.day BETWEEN date(?, '-3 day') AND date(?, '+3 day')
            GROUP BY m.article_id HAVING count(DISTINCT m.actor) >= 2 LIMIT 500""", [*my_actors, me["day"], me["day"]])}
    cands.discard(aid)
    if not cands:
        return []
    ids = sorted(cands)
    info = {x["id"]: x for x in rows(conn, f"SELECT {_ARTICLE_COLS}, k.topic FROM articles a LEFT JOIN article_kb k"
                                           f" ON k.article_id = a.id WHERE a.id IN ({marks(len(ids))})", ids)}
    actors_of: dict[int, set[str]] = defaultdict(set)
    for x in conn.execute(f"SELECT article_id, actor FROM mentions WHERE actor IS NOT NULL AND article_id IN ({marks(len(ids))})", ids):
        actors_of[x[0]].add(x[1])
    events_of: dict[int, set[int]] = defaultdict(set)
    for x in conn.execute(f"SELECT e.article_id, m.canonical_id FROM events e JOIN event_mentions m ON m.event_id = e.id"
                          f" WHERE e.article_id IN ({marks(len(ids))})", ids):
        events_of[x[0]].add(x[1])
    my_topic = from_blob(me["topic"]) if me is not None else None
    out = []
    for i in ids:
        r = info[i]
        sim = jaccard(my_topic, from_blob(r["topic"])) if my_topic is not None and r["topic"] else 0.0
        shared_a = sorted(my_actors & actors_of[i])
        shared_e = len(my_events & events_of[i])
        same = me is not None and r["story_id"] == me["story_id"]
        score = sim + 0.05 * min(len(shared_a), 6) + 0.1 * min(shared_e, 5) + (0.3 if same else 0.0)
        out.append(RelatedArticle(_summary(r), round(score, 4), shared_a, shared_e, round(sim, 4), same))
    out.sort(key=lambda x: (-x.score, x.article.id))
    return out[:limit]


# -- network and statistics ------------------------------
def network(conn: sqlite3.Connection, min_events: int = 1, limit: int = 200) -> Network:
    """Directed source → target edges between actors, weighted by canonical events, by quad class."""
    edges: dict[tuple[str, str], dict] = {}
    for x in conn.execute("""
        SELECT s.actor, t.actor, c.quad, count(*) FROM canonical_actors s
        JOIN canonical_actors t ON t.canonical_id = s.canonical_id AND t.side = 'target'
        JOIN canonical_events c ON c.id = s.canonical_id
        WHERE s.side = 'source' AND s.actor != t.actor GROUP BY 1, 2, 3"""):
        e = edges.setdefault((x[0], x[1]), {"source": x[0], "target": x[1], "events": 0, "quads": {}})
        e["events"] += x[3]
        e["quads"][x[2] or "?"] = e["quads"].get(x[2] or "?", 0) + x[3]
    kept = sorted((e for e in edges.values() if e["events"] >= min_events), key=lambda e: (-e["events"], e["source"], e["target"]))[:limit]
    weight: Counter[str] = Counter()
    for e in kept:
        weight[e["source"]] += e["events"]
        weight[e["target"]] += e["events"]
    names = {}
    if weight:
        codes = list(weight)
        names = {x["code"]: x for x in rows(conn, f"SELECT code, name_ar, type FROM actors WHERE code IN ({marks(len(codes))})", codes)}
    nodes = [{"code": c, "name": names[c]["name_ar"] if c in names else c, "type": names[c]["type"] if c in names else "",
              "events": n} for c, n in weight.most_common()]
    return Network(nodes, kept)


def stats(conn: sqlite3.Connection) -> dict:
    def n(sql: str, args=()) -> int:
        return scalar(conn, sql, args) or 0

    return {
        "articles": n("SELECT count(*) FROM articles"),
        "indexed_articles": n("SELECT count(*) FROM article_kb"),
        "outlets": {x[0] or "": x[1] for x in conn.execute("SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC")},
        "date_range": list(conn.execute("SELECT min(published), max(published) FROM articles").fetchone()),
        "stories": n("SELECT count(*) FROM stories"),
        "multi_article_stories": n("SELECT count(*) FROM stories WHERE num_articles > 1"),
        "multi_outlet_stories": n("SELECT count(*) FROM stories WHERE num_sources > 1"),
        "story_links": {x[0]: x[1] for x in conn.execute("SELECT link, count(*) FROM article_kb GROUP BY link")},
        "mentions": n("SELECT count(*) FROM mentions"),
        "actors": n("SELECT count(*) FROM actors"),
        "event_rows": n("SELECT count(*) FROM events"),
        "canonical_events": n("SELECT count(*) FROM canonical_events"),
        "multi_article_events": n("SELECT count(*) FROM canonical_events WHERE num_articles > 1"),
        "events_by_type": {x[0]: x[1] for x in conn.execute("SELECT type, count(*) FROM canonical_events GROUP BY type ORDER BY 2 DESC")},
        "quarantined": n("SELECT count(*) FROM quarantine"),
    }
