import pytest

from kb_docs import AGREEMENT, AGREEMENT_REPRINT, QAT_NATO, STRIKES, agreement_docs, make_doc
from marsad.kb.api import get_event, list_events, timeline
from marsad.kb.dedup import actor_key
from marsad.store.db import Store, connect

EVIDENCE = "وقعت قطر وحلف الناتو اتفاقية"


def _agree(doc_id, date, *, text=AGREEMENT, source="outlet_a", published="2018-03-05", src=("QAT",), tgt=("NATO",)):
    return make_doc(doc_id, text, published=published, source=source, entities=QAT_NATO,
                    events=[("AGREE", "057", list(src), list(tgt), date, EVIDENCE)])


def test_same_event_in_three_articles_is_one_canonical_event(kb_db):
    conn = connect(kb_db)
    page = timeline(conn, "QAT", "NATO")
    assert page.total == 1
    ev = page.items[0]
    assert (ev.num_mentions, ev.num_articles, ev.num_sources) == (3, 3, 3)
    assert sorted(m.doc_id for m in ev.mentions) == ["a1", "a2", "a3"]
    for m in ev.mentions:
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (m.article_id,)).fetchone()[0]
        assert text[m.start:m.end] == m.evidence


@pytest.mark.parametrize(
    "d1, d2, merged",
    [
        ("2018-03-05", "2018-03-05", True),
        ("2018-03-05", "2018-03-06", True),  # ±1 day
        ("2018-03-05", "2018-03-04", True),
        ("2018-03-05", "2018-03-07", False),
        ("2018-03-05", None, False),  # dated vs undated
        ("2018-03", "2018-03", True),  # same month, same story
    ],
)
def test_date_window(tmp_path, d1, d2, merged):
    with Store(tmp_path / "x.db") as s:
        s.write_batch([_agree("x1", d1), _agree("x2", d2, text=AGREEMENT_REPRINT, source="outlet_b")])
        n = s.conn.execute("SELECT count(*) FROM canonical_events").fetchone()[0]
    assert n == (1 if merged else 2)


def test_undated_events_merge_only_within_a_story(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.write_batch([
            _agree("x1", None),
            _agree("x2", None, text=AGREEMENT_REPRINT, source="outlet_b"),  # same story (reprint)
            _agree("x3", None, text=STRIKES + " " + EVIDENCE, published="2018-06-01"),  # another story
        ])
        counts = [r[0] for r in s.conn.execute("SELECT num_articles FROM canonical_events ORDER BY id")]
    assert counts == [2, 1]


def test_type_and_direction_matter(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.write_batch([_agree("x1", "2018-03-05"),
                       _agree("x2", "2018-03-05", text=AGREEMENT_REPRINT, src=("NATO",), tgt=("QAT",))])
        assert s.conn.execute("SELECT count(*) FROM canonical_events").fetchone()[0] == 2


def test_two_mentions_in_one_article_count_one_article(tmp_path):
    d = make_doc("x1", AGREEMENT, entities=QAT_NATO, events=[
        ("AGREE", "057", ["QAT"], ["NATO"], "2018-03-05", EVIDENCE),
        ("AGREE", "057", ["QAT"], ["NATO"], "2018-03-05", "إن الاتفاقية تعزز التعاون"),
    ])
    with Store(tmp_path / "x.db") as s:
        s.write_batch([d])
        row = s.conn.execute("SELECT num_mentions, num_articles, num_sources FROM canonical_events").fetchone()
    assert tuple(row) == (2, 1, 1)


def test_reingest_does_not_double_count(kb_db):
    for _ in range(2):
        with Store(kb_db) as s:
            s.write_batch(agreement_docs())
    ev = timeline(connect(kb_db), "QAT", "NATO").items[0]
    assert (ev.num_mentions, ev.num_articles, ev.num_sources) == (3, 3, 3)


def test_list_and_get_events(kb_db):
    conn = connect(kb_db)
    assert [e.type for e in list_events(conn).items] == ["AGREE", "ASSAULT"]
    assert [e.type for e in list_events(conn, type="ASSAULT").items] == ["ASSAULT"]
    assert [e.type for e in list_events(conn, actor="SYR").items] == ["ASSAULT"]
    assert list_events(conn, date_from="2018-03-06").total == 0
    assert list_events(conn, date_to="2018-03").total == 2
    first = list_events(conn).items[0]
    assert get_event(conn, first.id).num_articles == 3
    assert get_event(conn, 999) is None


@pytest.mark.parametrize("src, tgt, key", [(["B", "A"], ["C"], "A,B|C"), ([], ["SYR"], "|SYR"), (["A", "A"], [], "A|")])
def test_actor_key(src, tgt, key):
    assert actor_key(src, tgt) == key


def test_timeline_min_articles(kb_db):
    conn = connect(kb_db)
    assert timeline(conn, "QAT", "NATO", min_articles=3).total == 1
    assert timeline(conn, "QAT", "NATO", min_articles=4).total == 0
