import json
import sqlite3

import pytest

from marsad.kb import api
from marsad.store.db import connect


@pytest.fixture
def conn(kb_db):
    return connect(kb_db)


def test_list_articles_pages_and_filters(conn):
    page = api.list_articles(conn, limit=2)
    assert page.total == 5 and len(page.items) == 2
    assert page.items[0].published >= page.items[1].published
    rest = api.list_articles(conn, limit=10, offset=2)
    assert len(rest.items) == 3
    assert {a.doc_id for a in api.list_articles(conn, source="outlet_b").items} == {"a2", "t1"}


@pytest.mark.parametrize("ref", ["a1", "1"])
def test_get_article(conn, ref):
    d = api.get_article(conn, ref)
    assert d.article.doc_id == "a1" and d.article.story_id is not None
    assert len(d.canonical_event_ids) == len(d.record["events"]) == 1
    assert api.get_event(conn, d.canonical_event_ids[0]).type == d.record["events"][0]["type"]
    assert api.get_article(conn, "nope") is None


def test_actors(conn):
    page = api.list_actors(conn)
    assert [a.code for a in page.items][:2] == ["QAT", "NATO"]
    assert [a.code for a in api.list_actors(conn, q="nat").items] == ["NATO"]
    assert [a.code for a in api.list_actors(conn, q="الدوحة").items] == ["QAT"]
    p = api.actor_profile(conn, "QAT")
    assert p.actor.name_en == "Qatar" and p.actor.name_ar == "قطر"
    assert {x["alias"] for x in p.aliases} == {"قطر", "الدوحة"}
    assert p.counterparts[0]["code"] == "NATO"
    assert p.by_type == {"AGREE": 1} and p.by_quad == {"VERBAL_COOP": 1}
    assert p.by_month == [{"month": "2018-03", "types": {"AGREE": 1}, "quads": {"VERBAL_COOP": 1}, "total": 1}]
    assert api.actor_profile(conn, "XXX") is None


def test_stories(conn):
    page = api.list_stories(conn, min_articles=2)
    assert page.total == 1
    s = page.items[0]
    assert s.num_articles == 3 and s.sources == ["outlet_a", "outlet_b", "outlet_c"]
    detail = api.get_story(conn, s.id)
    assert [a["link"] for a in detail.articles] == ["seed", "near", "topic"]
    assert api.get_story(conn, 12345) is None


def test_related(conn):
    rel = api.related(conn, "a1")
    assert [r.article.doc_id for r in rel] == ["a2", "a3"]
    assert rel[0].same_story and rel[0].shared_actors == ["NATO", "QAT"] and rel[0].shared_events == 1
    assert rel[0].text_similarity > rel[1].text_similarity
    assert api.related(conn, "missing") == []


def test_network_and_stats(conn):
    net = api.network(conn)
    assert net.edges == [{"source": "QAT", "target": "NATO", "events": 1, "quads": {"VERBAL_COOP": 1}}]
    assert {n["code"] for n in net.nodes} == {"QAT", "NATO"}
    assert api.network(conn, min_events=2).edges == []
    st = api.stats(conn)
    assert st["articles"] == 5 and st["canonical_events"] == 2 and st["event_rows"] == 4
    assert st["story_links"] == {"seed": 3, "near": 1, "topic": 1}


def test_results_are_json_serialisable(conn):
    for obj in (api.list_articles(conn), api.search(conn, "اتفاقية"), api.timeline(conn, "QAT", "NATO"),
                api.actor_profile(conn, "QAT"), api.get_story(conn, 1), api.network(conn), api.list_actors(conn)):
        json.dumps(obj.to_dict(), ensure_ascii=False)


def test_read_only_connection_is_enough(kb_db):
    ro = connect(kb_db, readonly=True)
    assert api.timeline(ro, "QAT", "NATO").total == 1
    assert api.search(ro, "اتفاقية").total == 4
    with pytest.raises(sqlite3.OperationalError):
        ro.execute("DELETE FROM articles")


def test_paging_is_clamped(conn):
    page = api.list_events(conn, limit=-5, offset=-1)
    assert page.limit == 0 and page.offset == 0 and page.items == []
