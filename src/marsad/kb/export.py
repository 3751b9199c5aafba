"""Exports: extraction records (JSONL), canonical events (CSV, Parquet), GDELT-style TSV, PLOVER JSON.

- jsonl:   one extraction record per article (docs/extract-format.md), plus the additive
           field `story_id`.
- csv / parquet: one row per canonical event (EVENT_COLUMNS).
- gdelt:   GDELT 2.0 event table columns (GDELT_COLUMNS, tab-separated, no header, as GDELT
           publishes it).  One row per canonical event; Actor1/Actor2 are its first source and
           target.  GoldsteinScale and QuadClass come from the event's CAMEO root
           (resources/kb/cameo_roots.tsv); AvgTone and coordinates are left empty.
- plover:  one JSON object per canonical event with PLOVER field names (id, event_type, mode,
           context, source_actor, target_actor, event_date, story_date, ...).
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import IO, Any, Iterator

from marsad.kb.actors import is_code
from marsad.kb.db_util import rows
from marsad.kb.resources import cameo_roots
from marsad.store.queries import load_document


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


EVENT_COLUMNS = (
    "id", "date", "type", "cameo", "quad", "source", "target", "location", "story_id", "confidence",
    "num_mentions", "num_articles", "num_sources", "first_doc_id", "first_outlet", "first_url", "evidence",
)

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)


# -- row sources ------------------------------
def canonical_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every canonical event with its first supporting article, in id order."""
    for r in rows(conn, """
        SELECT c.*, a.doc_id AS first_doc_id, a.source AS first_outlet, a.url AS first_url,
               a.published AS first_published,
               (SELECT e.evidence FROM event_mentions m JOIN events e ON e.id = m.event_id
                WHERE m.canonical_id = c.id ORDER BY e.id LIMIT 1) AS evidence,
               (SELECT min(a2.published) FROM event_mentions m JOIN events e ON e.id = m.event_id
                JOIN articles a2 ON a2.id = e.article_id WHERE m.canonical_id = c.id) AS story_date
        FROM canonical_events c LEFT JOIN articles a ON a.id = c.first_article_id ORDER BY c.id"""):
        d = dict(r)
        d["source"] = json.loads(d["source"])
        d["target"] = json.loads(d["target"])
        yield d


def event_table(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Canonical events as flat rows (actor lists joined with ';') for CSV and Parquet."""
    out = []
    for d in canonical_rows(conn):
        row = {k: d.get(k) for k in EVENT_COLUMNS}
        row["source"] = ";".join(d["source"])
        row["target"] = ";".join(d["target"])
        out.append(row)
    return out


# -- GDELT ------------------------------
def _gdelt_actor(code: str | None, names: dict[str, str]) -> list[str]:
    """The ten Actor* columns of one actor."""
    if not code:
        return [""] * 10
    country = code if len(code) == 3 and is_code(code) else ""
    group = code if is_code(code) and not country else ""
    return [code if is_code(code) else "", names.get(code, code), country, group, "", "", "", "", "", ""]


def gdelt_row(d: dict[str, Any], names: dict[str, str]) -> list[str]:
    day = _day(d.get("date")) or _day(d.get("first_published"))
    root = (d["cameo"] or "")[:2]
    info = cameo_roots().get(root, {})
    src = d["source"][0] if d["source"] else None
    tgt = d["target"][0] if d["target"] else None
    added = (d.get("date_added") or "").replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
    geo = ["", d.get("location") or "", "", "", "", "", "", ""]
    return [
        str(d["id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_gdelt_actor(src, names),
        *_gdelt_actor(tgt, names),
        "1",
        d["cameo"] or "",
        (d["cameo"] or "")[:3],
        root,
        info.get("quad_class", ""),
        info.get("goldstein", ""),
        str(d["num_mentions"]), str(d["num_sources"]), str(d["num_articles"]),
        "",  # AvgTone: marsad measures no tone
        *([""] * 8), *([""] * 8),
        "4" if d.get("location") else "", *geo[1:],
        added[:14],
        d.get("first_url") or "",
    ]


def _day(value: str | None) -> date | None:
    if value and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# -- PLOVER ------------------------------
def plover_record(d: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": f"marsad-{d['id']}",
        "event_type": d["type"],
        "mode": "",  # marsad codes no PLOVER mode yet; the CAMEO code below carries the detail
        "context": [],
        "source_actor": d["source"],
        "source_actor_name": [names.get(a, a) for a in d["source"]],
        "target_actor": d["target"],
        "target_actor_name": [names.get(a, a) for a in d["target"]],
        "event_date": d.get("date"),
        "story_date": (d.get("story_date") or "")[:10] or None,
        "event_text": d.get("evidence") or "",
        "location": d.get("location"),
        "cameo": d["cameo"],
        "quad": d["quad"],
        "confidence": d["confidence"],
        "num_mentions": d["num_mentions"],
        "num_articles": d["num_articles"],
        "num_sources": d["num_sources"],
        "story_id": d.get("story_id"),
        "url": d.get("first_url"),
        "language": "ar",
    }


# -- writers ------------------------------
@contextmanager
def _text_out(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT code, name_ar FROM actors") if r[1]}


def export(conn: sqlite3.Connection, fmt: ExportFormat, out: Path | None = None) -> int:
    """Write the whole knowledge base in `fmt` to `out` (stdout when None); returns the rows written."""
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.parquet:
        if out is None:
            raise ValueError("parquet needs --out PATH")
        return _parquet(conn, out)
    with _text_out(out) as fh:
        return {
            ExportFormat.jsonl: _jsonl, ExportFormat.csv: _csv, ExportFormat.gdelt: _gdelt, ExportFormat.plover: _plover,
        }[fmt](conn, fh)


def _jsonl(conn: sqlite3.Connection, fh: IO[str]) -> int:
    n = 0
    stories = {r[0]: r[1] for r in conn.execute("SELECT article_id, story_id FROM article_kb")}
    for (aid,) in conn.execute("SELECT id FROM articles ORDER BY id").fetchall():
        doc = load_document(conn, str(aid))
        if doc is None:
            continue
        rec = doc.to_record()
        rec["story_id"] = stories.get(aid)
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(conn: sqlite3.Connection, fh: IO[str]) -> int:
    w = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
    w.writeheader()
    table = event_table(conn)
    w.writerows(table)
    return len(table)


def _gdelt(conn: sqlite3.Connection, fh: IO[str]) -> int:
    names = _names(conn)
    n = 0
    for d in canonical_rows(conn):
        cells = [c.replace("\t", " ").replace("\n", " ") for c in gdelt_row(d, names)]
        fh.write("\t".join(cells) + "\n")
        n += 1
    return n


def _plover(conn: sqlite3.Connection, fh: IO[str]) -> int:
    names = _names(conn)
    n = 0
    for d in canonical_rows(conn):
        fh.write(json.dumps(plover_record(d, names), ensure_ascii=False) + "\n")
        n += 1
    return n


def _parquet(conn: sqlite3.Connection, out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.int64()), ("date", pa.string()), ("type", pa.string()), ("cameo", pa.string()),
        ("quad", pa.string()), ("source", pa.string()), ("target", pa.string()), ("location", pa.string()),
        ("story_id", pa.int64()), ("confidence", pa.float64()), ("num_mentions", pa.int64()),
        ("num_articles", pa.int64()), ("num_sources", pa.int64()), ("first_doc_id", pa.string()),
        ("first_outlet", pa.string()), ("first_url", pa.string()), ("evidence", pa.string()),
    ])
    table = event_table(conn)
    pq.write_table(pa.Table.from_pylist(table, schema=schema), out)
    return len(table)


def to_string(conn: sqlite3.Connection, fmt: ExportFormat) -> str:
    """The export as a string (text formats only): for tests and small databases."""
    buf = io.StringIO()
    {ExportFormat.jsonl: _jsonl, ExportFormat.csv: _csv, ExportFormat.gdelt: _gdelt,
     ExportFormat.plover: _plover}[ExportFormat(fmt)](conn, buf)
    return buf.getvalue()
