"""The JSON API over the bundled sample, in-process (TestClient)."""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest


def test_stats(client):
    r = client.get("/api/stats")
    assert r.status_code == 200
    body = r.json()
    assert body["articles"] >= 10 and body["canonical_events"] > 0


def test_articles_list_and_detail(client):
    page = client.get("/api/articles", params={"limit": 3}).json()
    assert page["limit"] == 3 and page["offset"] == 0 and len(page["items"]) == 3 and page["total"] >= 10
    art = client.get(f"/api/articles/{page['items'][0]['id']}").json()
    rec = art["record"]
    for layer in ("entities", "dates", "events"):
        for span in rec[layer]:
            text = span.get("evidence", span.get("text"))
            assert rec["text"][span["start"]:span["end"]] == text
    assert len(art["canonical_event_ids"]) == len(rec["events"])


def test_articles_paging_is_disjoint(client):
    a = client.get("/api/articles", params={"limit": 4, "offset": 0}).json()["items"]
    b = client.get("/api/articles", params={"limit": 4, "offset": 4}).json()["items"]
    assert not {x["id"] for x in a} & {x["id"] for x in b}


@pytest.mark.parametrize("query", ["والاتفاقية", "الاتفاقية", "باتفاقية"])
def test_search_is_clitic_insensitive(client, query):
    r = client.get("/api/search", params={"q": query})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] >= 1
    for hit in body["hits"]:
        for h in hit["highlights"]:
            if h["field"] == "text":
                off = h["start"] - hit["snippet_start"]
                assert hit["snippet"][off:off + len(h["text"])] == h["text"]


def test_search_filters(client):
    everything = client.get("/api/search", params={"q": "الناتو"}).json()["total"]
    only_qatar = client.get("/api/search", params={"q": "الناتو", "actor": "QAT"}).json()["total"]
    future = client.get("/api/search", params={"q": "الناتو", "date_from": "2030"}).json()["total"]
    assert everything >= only_qatar >= 1 and future == 0


def test_actor_list_profile_and_places(client):
    page = client.get("/api/actors", params={"limit": 5}).json()
    assert page["items"] and page["limit"] == 5
    prof = client.get("/api/actors/QAT").json()
    assert prof["actor"]["code"] == "QAT" and prof["counterparts"]
    places = client.get("/api/actors/QAT/places").json()
    for p in places["points"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["events"] >= 1
    assert any(c["home"] and c["code"] == "QAT" for c in places["countries"])


def test_unknown_actor_is_404_json(client):
    r = client.get("/api/actors/NOSUCHACTOR")
    assert r.status_code == 404 and r.json()["error"]["status"] == 404


def test_timeline_is_in_event_date_order_with_background_event(client):
    items = client.get("/api/timeline/QAT/NATO").json()["items"]
    dates = [e["date"] for e in items if e["date"]]
    assert dates == sorted(dates)
    # The sample's 2005 accession is told in a 2005 article; it sits at 2005 on the timeline.
    assert dates[0].startswith("2005")
    for e in items:
        assert {"QAT", "NATO"} <= set(e["source"]) | set(e["target"])
        assert e["mentions"] and e["mentions"][0]["evidence"]


def test_events_filters_and_csv(client):
    page = client.get("/api/events", params={"type": "AGREE", "limit": 50}).json()
    assert page["items"] and all(e["type"] == "AGREE" for e in page["items"])
    r = client.get("/api/events.csv", params={"type": "AGREE"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert len(rows) == page["total"] and all(row["type"] == "AGREE" for row in rows)


def test_event_by_id(client):
    first = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert client.get(f"/api/events/{first['id']}").json()["id"] == first["id"]
    assert client.get("/api/events/999999").status_code == 404


def test_stories_and_story(client):
    page = client.get("/api/stories").json()
    assert page["items"]
    story = client.get(f"/api/stories/{page['items'][0]['id']}").json()
    assert story["articles"]


def test_related_is_paged(client):
    r = client.get("/api/articles/1/related", params={"limit": 2})
    assert r.status_code == 200 and len(r.json()["items"]) <= 2


def test_network(client):
    net = client.get("/api/network").json()
    codes = {n["code"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in codes and e["target"] in codes for e in net["edges"])


@pytest.mark.parametrize("url", [
    "/api/articles?limit=201", "/api/articles?limit=0", "/api/articles?offset=-1", "/api/events?date_from=yesterday",
    "/api/search?q=", "/api/search?q=" + "ا" * 201, "/api/events.csv?limit=5001", "/api/events/abc",
])
def test_bad_parameters_are_422_json_without_traces(client, url):
    r = client.get(url)
    assert r.status_code == 422
    body = r.json()
    assert body["error"]["status"] == 422 and "Traceback" not in r.text


@pytest.mark.parametrize("url", ["/api/nope", "/api/articles/does-not-exist", "/api/stories/99999"])
def test_not_found_is_json(client, url):
    r = client.get(url)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("url", ["/", "/search", "/search?q=والاتفاقية", "/article/1", "/actors", "/actor/QAT",
                                 "/timeline/QAT/NATO", "/network", "/events", "/events?type=AGREE", "/stories", "/story/1"])
def test_pages_render_rtl(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    assert "content-security-policy" in r.headers


def test_htmx_requests_get_fragments(client):
    r = client.get("/search", params={"q": "الاتفاقية"}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and "<html" not in r.text and "result-count" in r.text
    r = client.get("/events", params={"type": "AGREE"}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and "<html" not in r.text and "csv-link" in r.text


def test_missing_page_is_html_404(client):
    r = client.get("/article/999999")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_database_is_opened_read_only(client):
    conn = client.app.state.pool.get()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
