import pytest

from kb_docs import AGREEMENT, AGREEMENT_REPRINT, QAT_NATO, STRIKES, TREATIES, agreement_docs, make_doc
from marsad.kb.api import get_story, list_stories, stats
from marsad.store.db import Store, connect


def _story_of(conn, doc_id):
    row = conn.execute(
        "SELECT k.story_id, k.link FROM article_kb k JOIN articles a ON a.id = k.article_id WHERE a.doc_id = ?", (doc_id,)
    ).fetchone()
    return tuple(row) if row else None


def test_reprint_and_other_outlet_join_one_story(kb_db):
    conn = connect(kb_db)
    s1, link1 = _story_of(conn, "a1")
    assert link1 == "seed"
    assert _story_of(conn, "a2") == (s1, "near")
    assert _story_of(conn, "a3") == (s1, "topic")
    assert _story_of(conn, "s1")[0] != s1
    assert _story_of(conn, "t1")[0] != s1
    story = get_story(conn, s1)
    assert story.story.num_articles == 3 and story.story.num_sources == 3
    assert story.story.first_date == "2018-03-05" and story.story.last_date == "2018-03-06"
    assert [e.type for e in story.events] == ["AGREE"]


def test_title_only_change_is_an_exact_duplicate(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.write_batch([make_doc("x1", AGREEMENT, title="عنوان أول"), make_doc("x2", AGREEMENT, title="عنوان ثان")])
        rows = s.conn.execute("SELECT link FROM article_kb ORDER BY article_id").fetchall()
    assert [r[0] for r in rows] == ["seed", "exact"]


def test_unrelated_articles_on_the_same_day_stay_apart(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.write_batch([make_doc("u1", AGREEMENT, entities=QAT_NATO), make_doc("u2", STRIKES, entities=QAT_NATO),
                       make_doc("u3", TREATIES, entities=QAT_NATO)])
        assert s.conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 3


def test_topic_match_needs_the_time_window(tmp_path):
    docs = agreement_docs()
    far = make_doc("late", docs[2].text, published="2018-05-20", source="outlet_c", entities=QAT_NATO)
    with Store(tmp_path / "x.db") as s:
        s.write_batch([docs[0], far])
        assert s.conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 2


def test_reingest_changes_no_count(kb_db):
    before = stats(connect(kb_db))
    with Store(kb_db) as s:
        assert s.write_batch(agreement_docs()) == (0, 0)
    assert stats(connect(kb_db)) == before


def test_second_corpus_merges_into_existing_stories(tmp_path):
    """A new run (new Store, LSH rebuilt from the database) puts a reprint into the old story."""
    path = tmp_path / "x.db"
    with Store(path) as s:
        s.write_batch([make_doc("first", AGREEMENT, entities=QAT_NATO)])
    with Store(path) as s:  # second corpus, another outlet
        s.write_batch([make_doc("second", AGREEMENT_REPRINT, source="other_outlet", entities=QAT_NATO)])
    conn = connect(path)
    assert _story_of(conn, "second") == (_story_of(conn, "first")[0], "near")
    assert list_stories(conn, min_articles=2).total == 1
    assert conn.execute("SELECT mentions FROM actors WHERE code = 'QAT'").fetchone()[0] == 5  # 2 + 2 قطر (incl. القطري) + الدوحة


def test_rolled_back_batch_leaves_no_trace(tmp_path):
    path = tmp_path / "x.db"

    class Boom(Exception):
        pass

    def items():
        yield make_doc("ok", AGREEMENT, entities=QAT_NATO)
        raise Boom

    with Store(path) as s:
        with pytest.raises(Boom):
            s.write_batch(items())
        # the in-memory index was dropped with the transaction: the same article is new again
        assert s.write_batch([make_doc("ok", AGREEMENT, entities=QAT_NATO)]) == (1, 0)
        s.write_batch([make_doc("again", AGREEMENT_REPRINT, entities=QAT_NATO)])
        assert s.conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
        assert s.conn.execute("SELECT count(*) FROM article_kb").fetchone()[0] == 2


def test_old_event_reported_as_background_does_not_join_a_story_a_year_later(tmp_path):
    docs = agreement_docs()
    later = make_doc("later", docs[2].text, published="2019-03-06", source="outlet_c", entities=QAT_NATO,
                     events=[("AGREE", "057", ["QAT"], ["NATO"], "2018-03-05", "وقع مع قطر اتفاقية")])
    with Store(tmp_path / "x.db") as s:
        s.write_batch([docs[0], later])
        assert s.conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 2
        # ... while the event itself is still one canonical event reported by both
        assert s.conn.execute("SELECT num_articles FROM canonical_events").fetchone()[0] == 2
