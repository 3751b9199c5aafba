"""Arabic full-text search over the FTS5 index of analysed stems.

The query goes through the same analysis as the index (marsad.kb.analysis), so
«اتفاقية» finds «والاتفاقية», «باتفاقية» and «الاتفاقيات».  User input never
reaches FTS5 syntax: each analysed term is emitted as a quoted FTS string, and
text between double quotes becomes a phrase.  Snippets and highlights are cut
from the ORIGINAL article text by re-tokenising the hit and matching stems.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from marsad.kb.db_util import date_upper_bound, rows as _rows
from marsad.arabic.tokenize import TOKEN_RE
from marsad.kb.analysis import analyse_word, stems, stopword_stems
from marsad.kb.types import ArticleSummary, Highlight, SearchHit, SearchPage

SNIPPET_BEFORE = 80
SNIPPET_AFTER = 200
MAX_HIGHLIGHTS = 50
_PHRASE_RE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    phrases: tuple[tuple[str, ...], ...]  # each a sequence of stems; single words are 1-tuples
    terms: frozenset[str]  # every stem to highlight

    def fts(self) -> str:
        """The FTS5 MATCH expression: quoted strings only, implicitly ANDed."""
        return " ".join('"' + " ".join(p).replace('"', '""') + '"' for p in self.phrases)


def parse_query(q: str) -> ParsedQuery:
    phrases: list[tuple[str, ...]] = []
    for m in _PHRASE_RE.finditer(q):
        words = tuple(stems(m.group(1)))
        if words:
            phrases.append(words)
    rest = _PHRASE_RE.sub(" ", q).replace('"', " ")
    words = stems(rest)
    stop = stopword_stems()
    content = [w for w in words if w not in stop]
    for w in dict.fromkeys(content or words):  # keep stopwords only if the query has nothing else
        phrases.append((w,))
    return ParsedQuery(tuple(phrases), frozenset(w for p in phrases for w in p))


def _filters(actor, type, date_from, date_to, source) -> tuple[str, list]:
    """An `AND rowid IN (...)` clause restricting FTS rows to the filtered articles ('' when unfiltered)."""
    where: list[str] = []
    args: list = []
    if source:
        where.append("a.source = ?")
        args.append(source)
    if date_from:
        where.append("a.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        args.append(date_upper_bound(date_to))
    if actor:
        where.append(
            "(a.id IN (SELECT article_id FROM mentions WHERE actor = ?)"
            " OR a.id IN (SELECT e.article_id FROM events e JOIN event_actors ea ON ea.event_id = e.id"
            " WHERE ea.actor = ?))"
        )
        args += [actor, actor]
    if type:
        where.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        args.append(type)
    if not where:
        return "", []
    return " AND f.rowid IN (SELECT a.id FROM articles a WHERE " + " AND ".join(where) + ")", args


def highlights(text: str, terms: frozenset[str], field: str = "text", limit: int = MAX_HIGHLIGHTS) -> list[Highlight]:
    out = []
    for m in TOKEN_RE.finditer(text):
        if m.lastgroup != "punct" and analyse_word(m.group()) in terms:
            out.append(Highlight(m.start(), m.end(), m.group(), field))
            if len(out) >= limit:
                break
    return out


def snippet_window(text: str, first: int | None) -> tuple[int, int]:
    """A window of the original text around offset `first`, cut at whitespace."""
    if first is None:
        first = 0
    s = max(0, first - SNIPPET_BEFORE)
    e = min(len(text), first + SNIPPET_AFTER)
    if s > 0:
        ws = text.find(" ", s, first)
        s = ws + 1 if ws >= 0 else s
    if e < len(text):
        ws = text.rfind(" ", first, e)
        e = ws if ws > first else e
    return s, e


def first_match(text: str, terms: frozenset[str]) -> int | None:
    for m in TOKEN_RE.finditer(text):
        if m.lastgroup != "punct" and analyse_word(m.group()) in terms:
            return m.start()
    return None


def _hit(row: sqlite3.Row, score: float, pq: ParsedQuery) -> SearchHit:
    text = row["text"]
    s, e = snippet_window(text, first_match(text, pq.terms))
    # Highlights of the window only: re-tokenising the window gives the same tokens as the
    # whole text because the window is cut at whitespace.
    body = [Highlight(h.start + s, h.end + s, h.text, "text") for h in highlights(text[s:e], pq.terms)]
    title_hl = highlights(row["title"], pq.terms, field="title")
    art = ArticleSummary(row["id"], row["doc_id"], row["title"], row["published"], row["source"], row["url"],
                         row["story_id"])
    return SearchHit(art, round(-score, 4), text[s:e], s, title_hl + body)


def search(
    conn: sqlite3.Connection,
    q: str,
    actor: str | None = None,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchPage:
    """Articles matching `q` (all terms; "quoted phrases" in order), best first, with filters."""
    pq = parse_query(q)
    terms = sorted(pq.terms)
    if not pq.phrases:
        return SearchPage(q, terms, [], 0, limit, offset)
    cond, args = _filters(actor, type, date_from, date_to, source)
    match = pq.fts()
    total = conn.execute(
        f"SELECT count(*) FROM articles_fts f WHERE articles_fts MATCH ?{cond}", [match, *args]
    ).fetchone()[0]
    # Rank on the FTS table alone (rowid + score), then fetch the page's articles: sorting
    # rows that carry the article text would copy every matching text into the sorter.
    ranked = conn.execute(
        f"SELECT f.rowid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts f"
        f" WHERE articles_fts MATCH ?{cond} ORDER BY score LIMIT ? OFFSET ?",
        [match, *args, limit, offset],
    ).fetchall()
    if not ranked:
        return SearchPage(q, terms, [], total, limit, offset)
    ids = [r[0] for r in ranked]
    by_id = {r["id"]: r for r in _rows(
        conn,
        "SELECT a.id, a.doc_id, a.title, a.text, a.published, a.source, a.url, k.story_id FROM articles a"
        f" LEFT JOIN article_kb k ON k.article_id = a.id WHERE a.id IN ({','.join('?' * len(ids))})",
        ids,
    )}
    hits = [_hit(by_id[i], score, pq) for i, score in ranked if i in by_id]
    return SearchPage(q, terms, hits, total, limit, offset)
