import sqlite3

from kb_docs import agreement_docs
from marsad.kb.api import list_stories, search, stats, timeline
from marsad.kb.index import reindex
from marsad.store.db import _split_sql, connect, migrations, schema_version


def _version_1_database(path):
    """A database as marsad wrote it before the knowledge base existed (schema version 1)."""
    raw = sqlite3.connect(path, isolation_level=None)
    for statement in _split_sql(migrations()[0].sql):
        raw.execute(statement)
    raw.execute("PRAGMA user_version = 1")
    for d in agreement_docs():
        aid = raw.execute(
            "INSERT INTO articles (doc_id, content_hash, title, text, published, source) VALUES (?,?,?,?,?,?)",
            (d.id, d.content_hash, d.title, d.text, d.published, d.source)).lastrowid
        for e in d.entities:
            raw.execute("INSERT INTO mentions (article_id, start, end, text, type, actor) VALUES (?,?,?,?,?,?)",
                        (aid, e.start, e.end, e.text, e.type, e.actor))
        for ev in d.events:
            eid = raw.execute(
                "INSERT INTO events (article_id, type, cameo, source, target, date, start, end, evidence)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (aid, ev.type, ev.cameo, str(ev.source).replace("'", '"'), str(ev.target).replace("'", '"'), ev.date,
                 ev.start, ev.end, ev.text)).lastrowid
            for a in ev.source:
                raw.execute("INSERT INTO event_actors VALUES (?,?,?)", (eid, a, "source"))
            for a in ev.target:
                raw.execute("INSERT INTO event_actors VALUES (?,?,?)", (eid, a, "target"))
    raw.close()


def test_version_1_database_upgrades_in_place_and_keeps_its_data(tmp_path):
    path = tmp_path / "v1.db"
    _version_1_database(path)
    conn = connect(path)  # migrates
    assert schema_version(conn) == len(migrations()) >= 2
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
    # the derived tables are filled from the preserved rows
    assert reindex(conn) == 5
    assert reindex(conn) == 0  # nothing left to index
    assert timeline(conn, "QAT", "NATO").items[0].num_articles == 3
    assert list_stories(conn, min_articles=2).items[0].num_articles == 3
    assert search(conn, "والاتفاقيات").total == 4


def test_full_rebuild_is_stable(kb_db):
    conn = connect(kb_db)
    before = stats(conn)
    assert reindex(conn, full=True) == 5
    assert stats(conn) == before


def test_version_2_canonical_events_get_a_sort_date(tmp_path):
    path = tmp_path / "v2.db"
    raw = sqlite3.connect(path, isolation_level=None)
    for m in migrations()[:2]:
        for statement in _split_sql(m.sql):
            raw.execute(statement)
    raw.execute("PRAGMA user_version = 2")
    raw.execute("INSERT INTO articles (id, doc_id, content_hash, text, published) VALUES (1, 'x', 'h', 't', '2018-01-02')")
    raw.execute("INSERT INTO canonical_events (type, cameo, source, target, actor_key, date, first_article_id)"
                " VALUES ('AGREE', '057', '[]', '[]', '|', '2018-01-01', 1), ('AGREE', '057', '[]', '[]', '|', NULL, 1)")
    raw.close()
    conn = connect(path)
    assert [r[0] for r in conn.execute("SELECT sort_date FROM canonical_events ORDER BY id")] == ["2018-01-01", "~2018-01-02"]
    assert [e.date for e in timeline(conn, "A", "B").items] == []
